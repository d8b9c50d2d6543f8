/**
 * The availability-schedule operations on the store (requests arrive authenticated and validated against the spec),
 * and what a schedule does to a calendar's free slots. Where HighLevel's behaviour or wording is not documented, the
 * comment says so.
 */
import { DateTime, IANAZone } from 'luxon';

import type { DayHours } from './free-slots';
import { type Context, type Handler, type OperationResult as Result, answered } from './operation-context';
import { badRequest, notFound, success } from './responses';
import type { ScheduleRecord, ScheduleRule } from './schedule-store';
import type { CalendarRecord } from './store';

// UNVERIFIED: HighLevel's wordings for a schedule, calendar or association it does not find
const scheduleNotFound = () => answered(notFound('Schedule not found'));
const calendarNotFound = () => answered(notFound('Calendar not found'));
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** The spec's default and maximum page of a search. */
const DEFAULT_PAGE = 50;

const at = (ctx: Context) => new Date(ctx.now()).toISOString();
const minutes = (time: string) => {
	const [hour, minute] = time.split(':').map(Number);
	return hour * 60 + minute;
};

/**
 * Why a body's schedule cannot be stored: a zone the spec's pattern lets through but no IANA zone (UNVERIFIED: that
 * HighLevel refuses it, and how), an interval that does not end after it starts (UNDOCUMENTED: the spec gives only
 * the HH:MM pattern; the sandbox refuses it), a calendar of no calendar of the location.
 */
function scheduleProblem(ctx: Context, body: Record<string, unknown>): Result | undefined {
	if (typeof body.timezone === 'string' && !IANAZone.isValidZone(body.timezone)) return answered(badRequest('timezone must be a valid IANA timezone'));
	const rules = Array.isArray(body.rules) ? (body.rules as ScheduleRule[]) : [];
	if (rules.some((rule) => rule.intervals.some((i) => minutes(i.to) <= minutes(i.from)))) return answered(badRequest('interval "to" must be after "from"'));
	const calendarIds = Array.isArray(body.calendarIds) ? (body.calendarIds as string[]) : [];
	const unknown = calendarIds.find((id) => !ctx.store.calendar(ctx.token.locationId, id));
	return unknown === undefined ? undefined : answered(badRequest(`Calendar ${unknown} not found in this location`));
}

/**
 * The hours of a schedule, in its zone: a date's rule in place of its weekday's (UNDOCUMENTED: HighLevel's spec says
 * only that a date rule is for a specific date; the sandbox takes it as that date's hours, none when its intervals
 * are empty).
 */
export function scheduleHours(schedule: { timezone: string; rules: ScheduleRule[] }): DayHours {
	const ranges = (rules: ScheduleRule[]) => rules.flatMap((r) => r.intervals.map((i) => ({ open: minutes(i.from), close: minutes(i.to) })));
	return {
		zone: schedule.timezone,
		rangesOn: (day: DateTime) => {
			const dated = schedule.rules.filter((r) => r.type === 'date' && r.date === day.toISODate());
			return ranges(dated.length > 0 ? dated : schedule.rules.filter((r) => r.type === 'wday' && r.day === WEEKDAYS[day.weekday % 7]));
		},
	};
}

/**
 * The hours a calendar's free slots come from, per user, in place of its open hours (UNDOCUMENTED: HighLevel does not
 * say how they combine; the sandbox decides): a user's schedule applied to the calendar gives that team member's
 * slots; an event calendar's own schedule gives everyone else's; a calendar without team members takes the first
 * schedule applied to it.
 */
export function availabilityFor(ctx: Context, calendar: CalendarRecord): Record<string, DayHours> {
	const applied = ctx.store.schedules.schedulesOf(calendar.locationId).filter((s) => s.calendarIds.includes(calendar.id));
	const own = ctx.store.schedules.calendarSchedule(calendar.locationId, calendar.id);
	const members = Array.isArray(calendar.teamMembers) ? (calendar.teamMembers as Array<{ userId: string }>) : [];
	const hours: Record<string, DayHours> = Object.fromEntries(applied.map((s) => [s.userId, scheduleHours(s)]));
	const fallback = own ?? (members.length === 0 ? applied[0] : undefined);
	if (fallback) hours[''] = scheduleHours(fallback);
	return hours;
}

function withSchedule(handler: (ctx: Context, schedule: ScheduleRecord) => Result): Handler {
	return (ctx) => {
		const schedule = ctx.store.schedules.schedule(ctx.token.locationId, ctx.params.id);
		return schedule ? handler(ctx, schedule) : scheduleNotFound();
	};
}

function withCalendar(handler: Handler): Handler {
	return (ctx) => (ctx.store.calendar(ctx.token.locationId, ctx.params.calendarId) ? handler(ctx) : calendarNotFound());
}

const wrapped = (status: number, schedule: unknown, mutated = false) => answered(success(status, { schedule }), mutated);

export const scheduleHandlers: Record<string, Handler> = {
	getAllSchedules: (ctx) => {
		const skip = Number(ctx.query.skip ?? 0);
		const limit = Number(ctx.query.limit ?? DEFAULT_PAGE);
		const matching = ctx.store.schedules
			.schedulesOf(ctx.token.locationId)
			.filter((s) => s.userId === ctx.query.userId && (ctx.query.calendarId === undefined || s.calendarIds.includes(ctx.query.calendarId)));
		return answered(success(200, { schedules: matching.slice(skip, skip + limit) }));
	},

	createSchedule: (ctx) => {
		const fields = Object.fromEntries(Object.entries(ctx.body).filter(([key]) => key !== 'locationId'));
		return scheduleProblem(ctx, fields) ?? wrapped(201, ctx.store.schedules.create(ctx.token.locationId, fields, at(ctx)), true);
	},

	getScheduleById: withSchedule((_ctx, schedule) => wrapped(200, schedule)),

	updateSchedule: withSchedule((ctx, schedule) => scheduleProblem(ctx, ctx.body) ?? wrapped(200, ctx.store.schedules.update(ctx.token.locationId, schedule.id, ctx.body, at(ctx)), true)),

	// the spec: "Permanently remove a schedule"; the calendars it applied to go back to their own hours
	deleteSchedule: withSchedule((ctx, schedule) => {
		ctx.store.schedules.remove(ctx.token.locationId, schedule.id);
		return answered(success(200, { success: true }), true);
	}),

	// UNDOCUMENTED: applying a schedule to a calendar it already applies to changes nothing and succeeds; one user has
	// one schedule on a calendar, so the user's other schedules stop applying to it
	'add-calendar-to-schedule': withCalendar(
		withSchedule((ctx, schedule) => {
			const calendarId = ctx.params.calendarId;
			for (const other of ctx.store.schedules.schedulesOf(ctx.token.locationId).filter((s) => s.userId === schedule.userId && s.id !== schedule.id)) {
				if (other.calendarIds.includes(calendarId)) ctx.store.schedules.update(ctx.token.locationId, other.id, { calendarIds: other.calendarIds.filter((id) => id !== calendarId) }, at(ctx));
			}
			if (!schedule.calendarIds.includes(calendarId)) ctx.store.schedules.update(ctx.token.locationId, schedule.id, { calendarIds: [...schedule.calendarIds, calendarId] }, at(ctx));
			return answered(success(200, { success: true }), true);
		}),
	),

	// UNVERIFIED: a calendar the schedule does not apply to answers 404
	'remove-calendar-from-schedule': withSchedule((ctx, schedule) => {
		if (!schedule.calendarIds.includes(ctx.params.calendarId)) return answered(notFound('Calendar is not associated with this schedule'));
		ctx.store.schedules.update(ctx.token.locationId, schedule.id, { calendarIds: schedule.calendarIds.filter((id) => id !== ctx.params.calendarId) }, at(ctx));
		return answered(success(200, { success: true }), true);
	}),

	getCalendarSchedule: withCalendar((ctx) => {
		const own = ctx.store.schedules.calendarSchedule(ctx.token.locationId, ctx.params.calendarId);
		return own ? wrapped(200, own) : scheduleNotFound();
	}),

	// UNVERIFIED: a second create for the calendar answers 400 (the spec documents 400 and 422); a calendar other than
	// an event calendar is refused the same way
	createCalendarSchedule: withCalendar((ctx) => {
		const calendar = ctx.store.calendar(ctx.token.locationId, ctx.params.calendarId)!;
		if (calendar.calendarType !== undefined && calendar.calendarType !== 'event') return answered(badRequest('Only event calendars have their own schedule'));
		if (ctx.store.schedules.calendarSchedule(ctx.token.locationId, ctx.params.calendarId)) return answered(badRequest('Schedule already exists for this calendar'));
		return scheduleProblem(ctx, ctx.body) ?? wrapped(201, ctx.store.schedules.setCalendarSchedule(ctx.token.locationId, ctx.params.calendarId, ctx.body, at(ctx)), true);
	}),

	updateCalendarSchedule: withCalendar((ctx) => {
		if (!ctx.store.schedules.calendarSchedule(ctx.token.locationId, ctx.params.calendarId)) return scheduleNotFound();
		return scheduleProblem(ctx, ctx.body) ?? wrapped(200, ctx.store.schedules.setCalendarSchedule(ctx.token.locationId, ctx.params.calendarId, ctx.body, at(ctx)), true);
	}),
};
