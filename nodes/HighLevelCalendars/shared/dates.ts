import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Dates as n8n users give them, and in the forms HighLevel's endpoints take. An instant is epoch
 * milliseconds; a time zone's offsets come from the platform's time-zone data (Intl), never from a table.
 */

/** Which field of which item a date comes from, and the zone a time without an offset is read in. */
export interface DateField {
	field: string;
	itemIndex: number;
	timeZone: string;
}

const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;

/** Epoch milliseconds below this (3 March 1973) are taken for seconds given by mistake. */
const SMALLEST_EPOCH_MS = 1e11;

const ISO_PATTERN =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

interface WallClock {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

/** Whether Intl knows the zone (an IANA name such as Europe/Berlin, or UTC). */
export function isTimeZone(timeZone: string): boolean {
	try {
		formatterFor(timeZone);
		return true;
	} catch {
		return false;
	}
}

/** The wall clock in `timeZone` at the instant. */
function wallClock(epochMs: number, timeZone: string): WallClock {
	const parts = Object.fromEntries(
		formatterFor(timeZone)
			.formatToParts(new Date(epochMs))
			.map((part) => [part.type, Number(part.value)]),
	);
	return {
		year: parts.year,
		month: parts.month,
		day: parts.day,
		hour: parts.hour,
		minute: parts.minute,
		second: parts.second,
		millisecond: ((epochMs % 1000) + 1000) % 1000,
	};
}

function wallClockAsUtc(clock: WallClock): number {
	return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second, clock.millisecond);
}

/** The zone's offset from UTC at the instant, in minutes (New York in winter: -300). */
export function offsetMinutes(epochMs: number, timeZone: string): number {
	const whole = epochMs - (((epochMs % 1000) + 1000) % 1000);
	return Math.round((wallClockAsUtc(wallClock(whole, timeZone)) - whole) / MINUTE_MS);
}

/**
 * The instant a wall-clock time in `timeZone` names. Of a time that happens twice (clocks go back) the
 * first; a time that does not happen (clocks go forward) is moved on by the jump, as Luxon does
 * (02:30 on the night New York springs forward is 03:30 EDT).
 */
function instantOf(clock: WallClock, timeZone: string): number {
	const asUtc = wallClockAsUtc(clock);
	const before = offsetMinutes(asUtc - DAY_MS, timeZone);
	const after = offsetMinutes(asUtc + DAY_MS, timeZone);
	const fits = [before, after]
		.map((offset) => asUtc - offset * MINUTE_MS)
		.filter((instant) => wallClockAsUtc(wallClock(instant, timeZone)) === asUtc);
	return fits.length > 0 ? Math.min(...fits) : asUtc - before * MINUTE_MS;
}

function pad(value: number, width = 2): string {
	return String(Math.abs(value)).padStart(width, '0');
}

function offsetText(minutes: number): string {
	return `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** ISO 8601 with the zone's offset at that instant, to the second: 2026-03-08T03:30:00-04:00 (appointments, block slots). */
export function isoWithOffset(epochMs: number, timeZone: string): string {
	const clock = wallClock(epochMs, timeZone);
	const date = `${clock.year}-${pad(clock.month)}-${pad(clock.day)}`;
	return `${date}T${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}${offsetText(offsetMinutes(epochMs, timeZone))}`;
}

/** The calendar date in the zone at the instant: 2026-03-08. */
export function localDate(epochMs: number, timeZone: string): string {
	const clock = wallClock(epochMs, timeZone);
	return `${clock.year}-${pad(clock.month)}-${pad(clock.day)}`;
}

/** For messages: 2026-03-08 03:30 (America/New_York). */
export function describeInstant(epochMs: number, timeZone: string): string {
	const clock = wallClock(epochMs, timeZone);
	return `${localDate(epochMs, timeZone)} ${pad(clock.hour)}:${pad(clock.minute)} (${timeZone})`;
}

/** Epoch milliseconds as a number (free slots' startDate and endDate). */
export function epochMs(epochMsValue: number): number {
	return Math.round(epochMsValue);
}

/** Epoch milliseconds as text (the events and blocked-slots lists' startTime and endTime). */
export function epochMsText(epochMsValue: number): string {
	return String(Math.round(epochMsValue));
}

/** The same wall-clock time `days` calendar days later in the zone (a day across a DST change is 23 or 25 hours). */
export function addLocalDays(epochMsValue: number, days: number, timeZone: string): number {
	const clock = wallClock(epochMsValue, timeZone);
	const moved = new Date(Date.UTC(clock.year, clock.month - 1, clock.day + days));
	return instantOf(
		{ ...clock, year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() },
		timeZone,
	);
}

/** Midnight of the instant's calendar day in the zone. */
export function startOfLocalDay(epochMsValue: number, timeZone: string): number {
	const clock = wallClock(epochMsValue, timeZone);
	return instantOf({ ...clock, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
}

/** What Luxon's DateTime (n8n's dates in expressions: $now, DateTime.fromISO(…)) offers; read without importing Luxon. */
interface DateTimeLike {
	toMillis(): number;
	isValid?: boolean;
	invalidExplanation?: string | null;
}

function isDateTimeLike(value: unknown): value is DateTimeLike {
	return typeof value === 'object' && value !== null && typeof (value as DateTimeLike).toMillis === 'function';
}

function refuse(node: INode, where: DateField, value: unknown, problem: string): NodeOperationError {
	const shown = typeof value === 'string' ? `"${value}"` : String(value);
	return new NodeOperationError(node, `${where.field} ${shown} in item ${where.itemIndex} ${problem}`, {
		itemIndex: where.itemIndex,
		description: `Give ${where.field} as an ISO date with an offset (2026-03-09T10:00:00-04:00), a date and time without one (read in ${where.timeZone}), epoch milliseconds, or a DateTime from an expression ({{ $now.plus({ days: 1 }) }})`,
	});
}

function fromEpochMs(node: INode, where: DateField, value: unknown, millis: number): number {
	if (!Number.isFinite(millis)) throw refuse(node, where, value, 'is not a date');
	if (Math.abs(millis) < SMALLEST_EPOCH_MS) {
		throw refuse(node, where, value, 'looks like epoch seconds, not milliseconds (multiply it by 1000)');
	}
	return millis;
}

function fromText(node: INode, where: DateField, text: string): number {
	if (/^-?\d+$/.test(text)) return fromEpochMs(node, where, text, Number(text));
	const match = ISO_PATTERN.exec(text);
	if (!match) throw refuse(node, where, text, 'is not a date');
	const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', offset] = match;
	const clock: WallClock = {
		year: Number(year),
		month: Number(month),
		day: Number(day),
		hour: Number(hour),
		minute: Number(minute),
		second: Number(second),
		millisecond: Number(fraction.padEnd(3, '0').slice(0, 3)),
	};
	const asUtc = wallClockAsUtc(clock);
	const check = new Date(asUtc);
	if (clock.hour > 23 || clock.minute > 59 || clock.second > 59 || check.getUTCDate() !== clock.day || check.getUTCMonth() !== clock.month - 1) {
		throw refuse(node, where, text, 'is not a date on the calendar');
	}
	if (offset === undefined) return instantOf(clock, where.timeZone);
	if (offset.toUpperCase() === 'Z') return asUtc;
	const digits = offset.replace(':', '');
	const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0');
	return asUtc - (offset.startsWith('-') ? -minutes : minutes) * MINUTE_MS;
}

/** Empty: no value given (undefined, null, blank text). */
export function isEmptyDate(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * The instant a date field gives: an ISO string with an offset or Z, a date and time without an offset
 * (read in `where.timeZone`), a date alone (its midnight there), epoch milliseconds (number or digits),
 * a Luxon DateTime or a JS Date. Anything else is refused naming the field and the item.
 */
export function readInstant(node: INode, value: unknown, where: DateField): number {
	if (isEmptyDate(value)) {
		throw new NodeOperationError(node, `${where.field} is empty in item ${where.itemIndex}`, {
			itemIndex: where.itemIndex,
			description: `Set ${where.field}, or check that the expression mapped to it gives a date for this item`,
		});
	}
	if (typeof value === 'number') return fromEpochMs(node, where, value, value);
	if (typeof value === 'string') return fromText(node, where, value.trim());
	if (value instanceof Date) return fromEpochMs(node, where, value, value.getTime());
	if (isDateTimeLike(value)) {
		if (value.isValid === false) throw refuse(node, where, 'DateTime', `is invalid (${value.invalidExplanation ?? 'Luxon gives no reason'})`);
		return fromEpochMs(node, where, value, value.toMillis());
	}
	throw refuse(node, where, JSON.stringify(value) ?? typeof value, 'is not a date');
}

/** readInstant, or undefined when the field is empty. */
export function readOptionalInstant(node: INode, value: unknown, where: DateField): number | undefined {
	return isEmptyDate(value) ? undefined : readInstant(node, value, where);
}

/** The Time Zone field: an IANA name Intl knows; empty gives `fallback` (the workflow's). */
export function readTimeZone(node: INode, value: unknown, fallback: string, itemIndex: number, field = 'Time Zone'): string {
	const timeZone = String(value ?? '').trim() || fallback;
	if (!isTimeZone(timeZone)) {
		throw new NodeOperationError(node, `${field} "${timeZone}" in item ${itemIndex} is not a time zone`, {
			itemIndex,
			description: 'Use an IANA time zone name such as America/New_York or Europe/Berlin',
		});
	}
	return timeZone;
}

/** The instant of a time in HighLevel's answer (ISO with an offset, or epoch milliseconds), or undefined. */
export function answerInstant(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const instant = /^\d+$/.test(value.trim()) ? Number(value) : Date.parse(value);
	return Number.isFinite(instant) ? instant : undefined;
}
