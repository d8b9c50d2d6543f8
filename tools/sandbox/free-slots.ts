/**
 * A calendar's free slots: its open hours (read in the location's time zone; a schedule applied to it, in the
 * schedule's zone, in their place, see schedule-operations.ts), slot duration and interval, less what
 * is busy (its appointments and blocked slots, its members' appointments elsewhere, their blocked time), with the
 * calendar's buffers around each appointment. Zone arithmetic is Luxon's (the platform's time-zone data).
 * A local time that does not exist on a day (a DST gap) is no slot; one that exists twice (the hour a fall-back
 * repeats) is one slot, at its second occurrence (Luxon's reading of an ambiguous local time).
 */
import { DateTime } from 'luxon';

type Unit = 'mins' | 'hours';

interface Hours {
	openHour: number;
	openMinute: number;
	closeHour: number;
	closeMinute: number;
}

/** The calendar fields slots come from (a stored calendar: its create / update bodies, validated against the spec). */
interface SlotCalendar {
	openHours?: Array<{ daysOfTheWeek: number[]; hours: Hours[] }>;
	slotDuration?: number;
	slotDurationUnit?: Unit;
	slotInterval?: number;
	slotIntervalUnit?: Unit;
	slotBuffer?: number;
	slotBufferUnit?: Unit;
	preBuffer?: number;
	preBufferUnit?: Unit;
	teamMembers?: Array<{ userId: string }>;
}

/** Busy time: for the whole calendar (`userId` undefined) or for one user. */
export interface Busy {
	startMs: number;
	endMs: number;
	userId?: string;
	/** an appointment gets the calendar's buffers around it; a blocked slot does not */
	buffered: boolean;
}

export interface SlotQuery {
	fromMs: number;
	toMs: number;
	zone: string;
	/** slots starting before this are not offered (undefined: no lower bound) */
	notBeforeMs?: number;
	/** whose slots; default the calendar's team members, or the calendar itself when it has none */
	userIds?: string[];
	/** hours in place of the calendar's open hours, per user ('': for every user without their own) */
	availability?: Record<string, DayHours>;
}

export interface FreeSlot {
	startMs: number;
	endMs: number;
	/** the users free for it ('' for a calendar without team members) */
	freeUsers: string[];
}

/** No open hours set: Monday to Friday, 9:00 to 17:00 (HighLevel gives new users weekday hours). */
const DEFAULT_OPEN_HOURS = [{ daysOfTheWeek: [1, 2, 3, 4, 5], hours: [{ openHour: 9, openMinute: 0, closeHour: 17, closeMinute: 0 }] }];
const MINUTES: Record<Unit, number> = { mins: 1, hours: 60 };
/** the spec's default for slotDuration and slotInterval */
const DEFAULT_SLOT_MINUTES = 30;

const minutesOf = (value: number | undefined, unit: Unit | undefined, fallback: number) => (value ?? fallback) * MINUTES[unit ?? 'mins'];

/** The calendar's slot duration in ms. */
export function slotDurationMs(stored: Record<string, unknown>): number {
	const calendar = stored as SlotCalendar;
	return minutesOf(calendar.slotDuration, calendar.slotDurationUnit, DEFAULT_SLOT_MINUTES) * 60_000;
}

/**
 * The zone's offset in minutes at an instant, from Luxon (the platform's time-zone data), asked once per local day:
 * a day whose first and last moments have the same offset has no change in it. Kept per zone for the sandbox's life
 * (a free-slot answer formats hundreds of slots; asking Intl for each one made the sandbox, not the node, the cost).
 */
const steadyDays = new Map<string, Array<{ fromMs: number; toMs: number; offset: number }>>();

function steadyOffset(ms: number, zone: string): number | undefined {
	let days = steadyDays.get(zone);
	if (!days) steadyDays.set(zone, (days = []));
	const known = days.find((day) => ms >= day.fromMs && ms <= day.toMs);
	if (known) return known.offset;
	const at = DateTime.fromMillis(ms, { zone });
	const [first, last] = [at.startOf('day'), at.endOf('day')];
	if (first.offset !== last.offset) return undefined;
	days.push({ fromMs: first.toMillis(), toMs: last.toMillis(), offset: first.offset });
	return first.offset;
}

function offsetAt(ms: number, zone: string): number {
	return steadyOffset(ms, zone) ?? DateTime.fromMillis(ms, { zone }).offset;
}

/** A wall-clock time of a day as an instant: on a day without an offset change, from the day's offset; else Luxon's reading (a DST gap's times are none). */
function wallClockInstant(day: DateTime, hour: number, minute: number, zone: string): number | undefined {
	const offset = steadyOffset(day.toMillis(), zone);
	if (offset !== undefined) return Date.UTC(day.year, day.month - 1, day.day, hour, minute) - offset * 60_000;
	const start = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone });
	return start.hour === hour && start.minute === minute ? start.toMillis() : undefined;
}

/** Open ranges of a local day, in minutes since its midnight, read in `zone`: a calendar's open hours or a schedule's rules. */
export interface DayHours {
	zone: string;
	rangesOn: (day: DateTime) => Array<{ open: number; close: number }>;
}

/** A calendar's open hours, read in the location's zone. */
function openHoursOf(calendar: SlotCalendar, zone: string): DayHours {
	const openHours = calendar.openHours?.length ? calendar.openHours : DEFAULT_OPEN_HOURS;
	return {
		zone,
		rangesOn: (day) =>
			openHours
				.filter((o) => o.daysOfTheWeek.includes(day.weekday % 7)) // HighLevel: 0 = Sunday; Luxon: 7 = Sunday
				.flatMap((o) => o.hours.map((h) => ({ open: h.openHour * 60 + h.openMinute, close: h.closeHour * 60 + h.closeMinute }))),
	};
}

/** Every start the hours give between two instants, in the hours' wall-clock time. */
function openStarts(calendar: SlotCalendar, query: SlotQuery, hours: DayHours): Set<number> {
	const durationMin = minutesOf(calendar.slotDuration, calendar.slotDurationUnit, DEFAULT_SLOT_MINUTES);
	const intervalMin = Math.max(1, minutesOf(calendar.slotInterval, calendar.slotIntervalUnit, DEFAULT_SLOT_MINUTES));
	const starts = new Set<number>();
	const last = DateTime.fromMillis(query.toMs, { zone: hours.zone }).endOf('day');
	for (let day = DateTime.fromMillis(query.fromMs, { zone: hours.zone }).startOf('day'); day <= last; day = day.plus({ days: 1 })) {
		for (const { open, close } of hours.rangesOn(day)) {
			for (let minute = open; minute + durationMin <= close; minute += intervalMin) {
				const start = wallClockInstant(day, Math.floor(minute / 60), minute % 60, hours.zone);
				if (start !== undefined && start >= query.fromMs && start <= query.toMs && start >= (query.notBeforeMs ?? -Infinity)) starts.add(start);
			}
		}
	}
	return starts;
}

export function freeSlots(stored: Record<string, unknown>, busy: Busy[], query: SlotQuery): FreeSlot[] {
	const calendar = stored as SlotCalendar;
	const durationMs = slotDurationMs(stored);
	const beforeMs = minutesOf(calendar.preBuffer, calendar.preBufferUnit, 0) * 60_000;
	const afterMs = minutesOf(calendar.slotBuffer, calendar.slotBufferUnit, 0) * 60_000;
	const members = query.userIds ?? calendar.teamMembers?.map((m) => m.userId) ?? [];
	const users = members.length > 0 ? members : [''];
	const openHours = openHoursOf(calendar, query.zone);
	const hoursOf = (user: string) => query.availability?.[user] ?? query.availability?.[''] ?? openHours;
	const startsOf = new Map<DayHours, Set<number>>();
	for (const user of users) if (!startsOf.has(hoursOf(user))) startsOf.set(hoursOf(user), openStarts(calendar, query, hoursOf(user)));
	const overlaps = (startMs: number, endMs: number, b: Busy) =>
		startMs < b.endMs + (b.buffered ? afterMs : 0) && b.startMs - (b.buffered ? beforeMs : 0) < endMs;
	return [...new Set([...startsOf.values()].flatMap((starts) => [...starts]))]
		.sort((a, b) => a - b)
		.map((startMs) => {
			const endMs = startMs + durationMs;
			const taken = busy.filter((b) => overlaps(startMs, endMs, b));
			const freeUsers = users.filter((user) => startsOf.get(hoursOf(user))!.has(startMs) && !taken.some((b) => b.userId === undefined || b.userId === user));
			return { startMs, endMs, freeUsers };
		})
		.filter((slot) => slot.freeUsers.length > 0);
}

/** An instant as HighLevel writes it: ISO 8601 with the zone's offset, seconds, no milliseconds. */
export function isoInZone(ms: number, zone: string): string {
	const offset = offsetAt(ms, zone);
	const wall = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
	const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
	return `${wall}${offset < 0 ? '-' : '+'}${hhmm(Math.abs(offset))}`;
}

/** The answer of `GET /calendars/{calendarId}/free-slots`: slots keyed by their date in `zone` (days without any left out). */
export function slotsByDate(slots: FreeSlot[], zone: string): Record<string, { slots: string[] }> {
	const byDate: Record<string, { slots: string[] }> = {};
	for (const { startMs } of slots) {
		const iso = isoInZone(startMs, zone);
		(byDate[iso.slice(0, 10)] ??= { slots: [] }).slots.push(iso);
	}
	return byDate;
}
