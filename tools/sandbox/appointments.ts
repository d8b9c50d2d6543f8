/**
 * Appointments: book, get, update, delete (any event), the events list, and the calendar's free slots.
 * A booking without `ignoreFreeSlotValidation` must start on one of the calendar's free slots (a taken slot and an
 * off-grid time get the same refusal, as integrators report); `rrule` needs `ignoreFreeSlotValidation`.
 * A series is addressed by its id (the whole series) or an occurrence's id (that occurrence: updated, it is taken
 * out of the series as an appointment of its own with `masterEventId`; deleted, it is taken out. UNVERIFIED: the
 * spec says only that an event id may be an instance id).
 */
import { IANAZone } from 'luxon';
import { AppointmentRecord } from './bookings';
import { badDate, busyFor, eventDto, findBooking, isOccurrence, listEvents, parseIso, webhookAppointment } from './events';
import { freeSlots, isoInZone, slotDurationMs, slotsByDate } from './free-slots';
import { ChangeEvent, Context, Handler, OperationResult, answered } from './operation-context';
import { parseRule } from './recurrence';
import { availabilityFor } from './schedule-operations';
import { MESSAGES, badRequest, notFound, success } from './responses';
import { CalendarRecord } from './store';

const MAX_FREE_SLOT_RANGE_MS = 31 * 24 * 60 * 60 * 1000;

const calendarNotFound = (): OperationResult => answered(notFound(MESSAGES.calendarNotFound));
const appointmentNotFound = (): OperationResult => answered(notFound(MESSAGES.appointmentNotFound));
const refused = (message: string): OperationResult => answered(badRequest(message));

/** An appointment as create and update answer it; Version 2021-04-15 leaves out dateAdded / dateUpdated (docs issue #246). */
function appointmentAnswer(ctx: Context, appointment: AppointmentRecord): Record<string, unknown> {
	const zone = ctx.timeZoneOf(appointment.locationId);
	const { id, calendarId, locationId, contactId, title, appointmentStatus, assignedUserId, address, meetingLocationType, description, rrule } = appointment;
	const dates = ctx.version === 'v3' ? { dateAdded: appointment.dateAdded, dateUpdated: appointment.dateUpdated } : {};
	const answer = { id, calendarId, locationId, contactId, title, appointmentStatus, assignedUserId, address, meetingLocationType, description, rrule, isRecurring: Boolean(rrule) };
	return Object.fromEntries(Object.entries({ ...answer, startTime: isoInZone(appointment.startMs, zone), endTime: isoInZone(appointment.endMs, zone), ...dates }).filter(([, v]) => v !== undefined));
}

function changed(ctx: Context, event: ChangeEvent['event'], appointment: AppointmentRecord): ChangeEvent {
	const groupId = ctx.store.calendar(appointment.locationId, appointment.calendarId)?.groupId;
	return { event, locationId: appointment.locationId, fields: { locationId: appointment.locationId, appointment: webhookAppointment(appointment, ctx.timeZoneOf(appointment.locationId), groupId) } };
}

/**
 * The user a booking at `startMs` gets, or undefined when the slot is not free for it: the one asked for, else the
 * first free team member (UNVERIFIED: HighLevel's round-robin order). `exceptId`: the appointment being moved.
 */
function freeSlotUser(ctx: Context, calendar: CalendarRecord, startMs: number, assignedUserId: string | undefined, ignoreDateRange: boolean, exceptId?: string): string | undefined {
	const zone = ctx.timeZoneOf(calendar.locationId);
	const busy = busyFor(ctx.bookings, calendar.locationId, { calendar, zone, fromMs: startMs, toMs: startMs, exceptId });
	const query = { fromMs: startMs, toMs: startMs, zone, notBeforeMs: ignoreDateRange ? undefined : ctx.now(), userIds: assignedUserId ? [assignedUserId] : undefined, availability: availabilityFor(ctx, calendar) };
	const slot = freeSlots(calendar, busy, query).find((s) => s.startMs === startMs);
	return slot?.freeUsers[0];
}

/** The start and end a body asks for (end: as given, else `durationMs` after the start), or the refusal. */
function requestedTimes(body: Record<string, unknown>, zone: string, fallback: { startMs: number; durationMs: number }): { startMs: number; endMs: number } | OperationResult {
	const startMs = body.startTime === undefined ? fallback.startMs : parseIso(body.startTime, zone);
	if (startMs === undefined) return badDate('startTime');
	const endMs = body.endTime === undefined ? startMs + fallback.durationMs : parseIso(body.endTime, zone);
	if (endMs === undefined) return badDate('endTime');
	return endMs > startMs ? { startMs, endMs } : refused(MESSAGES.endBeforeStart);
}

/** Why a body's `rrule` is refused: without ignoreFreeSlotValidation (the spec's reason), or a rule not simulated. */
function refusedRule(body: Record<string, unknown>, zone: string): OperationResult | undefined {
	if (body.rrule === undefined) return undefined;
	if (body.ignoreFreeSlotValidation !== true) return refused(MESSAGES.rruleNeedsIgnoreFreeSlotValidation);
	const rule = parseRule(String(body.rrule), zone);
	return typeof rule === 'string' ? refused(rule) : undefined;
}

const OPTIONAL_FIELDS = ['title', 'description', 'address', 'meetingLocationType', 'meetingLocationId', 'overrideLocationConfig', 'appointmentStatus', 'assignedUserId', 'rrule'] as const;

function optionalFields(body: Record<string, unknown>): Partial<AppointmentRecord> {
	return Object.fromEntries(OPTIONAL_FIELDS.filter((f) => body[f] !== undefined).map((f) => [f, body[f]]));
}

const createAppointment: Handler = (ctx) => {
	const { body, store, bookings } = ctx;
	const locationId = String(body.locationId);
	const calendar = store.calendar(locationId, String(body.calendarId));
	if (!calendar) return calendarNotFound();
	if (!bookings.contact(locationId, String(body.contactId))) return refused(MESSAGES.contactNotFound);
	const zone = ctx.timeZoneOf(locationId);
	const ruleRefused = refusedRule(body, zone);
	if (ruleRefused) return ruleRefused;
	const times = requestedTimes(body, zone, { startMs: Number.NaN, durationMs: slotDurationMs(calendar) });
	if ('answer' in times) return times;
	const asked = body.assignedUserId as string | undefined;
	let assignedUserId = asked ?? (calendar.teamMembers as Array<{ userId: string }> | undefined)?.[0]?.userId;
	if (body.ignoreFreeSlotValidation !== true) {
		const free = freeSlotUser(ctx, calendar, times.startMs, asked, body.ignoreDateRange === true);
		if (free === undefined) return refused(MESSAGES.slotUnavailable);
		assignedUserId = free || undefined;
	}
	const appointment = bookings.addAppointment(locationId, {
		...optionalFields(body),
		calendarId: calendar.id,
		contactId: String(body.contactId),
		title: (body.title as string | undefined) ?? (calendar.eventTitle as string | undefined) ?? 'Appointment',
		// UNVERIFIED: HighLevel's status when none is sent (the calendar's autoConfirm, default on, decides here)
		appointmentStatus: (body.appointmentStatus as string | undefined) ?? (calendar.autoConfirm === false ? 'new' : 'confirmed'),
		assignedUserId,
		startMs: times.startMs,
		endMs: times.endMs,
		toNotify: body.toNotify !== false,
	});
	return answered(success(200, appointmentAnswer(ctx, appointment)), true, [changed(ctx, 'AppointmentCreate', appointment)]);
};

const editAppointment: Handler = (ctx) => {
	const { body, store, bookings, token, params } = ctx;
	const existing = findBooking(ctx, params.eventId);
	if (!existing) return appointmentNotFound();
	const calendar = store.calendar(token.locationId, String(body.calendarId ?? existing.calendarId));
	if (!calendar) return calendarNotFound();
	const zone = ctx.timeZoneOf(token.locationId);
	const ruleRefused = refusedRule(body, zone);
	if (ruleRefused) return ruleRefused;
	const times = requestedTimes(body, zone, { startMs: existing.startMs, durationMs: existing.endMs - existing.startMs });
	if ('answer' in times) return times;
	const fields: Partial<AppointmentRecord> = { ...optionalFields(body), calendarId: calendar.id, startMs: times.startMs, endMs: times.endMs };
	if (body.toNotify !== undefined) fields.toNotify = body.toNotify === true;
	const moved = times.startMs !== existing.startMs || calendar.id !== existing.calendarId || (body.assignedUserId !== undefined && body.assignedUserId !== existing.assignedUserId);
	const status = (body.appointmentStatus as string | undefined) ?? existing.appointmentStatus;
	if (moved && status !== 'cancelled' && body.ignoreFreeSlotValidation !== true) {
		const exceptId = isOccurrence(existing) ? existing.masterEventId : existing.id;
		const free = freeSlotUser(ctx, calendar, times.startMs, (body.assignedUserId as string | undefined) ?? existing.assignedUserId, body.ignoreDateRange === true, exceptId);
		if (free === undefined) return refused(MESSAGES.slotUnavailable);
	}
	const appointment = isOccurrence(existing) ? detachOccurrence(ctx, existing, fields) : (bookings.updateEvent<AppointmentRecord>(token.locationId, existing.id, fields) as AppointmentRecord);
	return answered(success(200, appointmentAnswer(ctx, appointment)), true, [changed(ctx, 'AppointmentUpdate', appointment)]);
};

/** What an occurrence changed on its own does not take from its series. */
const SERIES_FIELDS = ['id', 'kind', 'locationId', 'dateAdded', 'dateUpdated', 'rrule', 'exdates'];

/** One occurrence changed: taken out of its series, stored as an appointment of its own. */
function detachOccurrence(ctx: Context, occurrence: AppointmentRecord, fields: Partial<AppointmentRecord>): AppointmentRecord {
	const seriesId = occurrence.masterEventId as string;
	takeOut(ctx, seriesId, occurrence.startMs);
	const own = Object.fromEntries(Object.entries(occurrence).filter(([key]) => !SERIES_FIELDS.includes(key))) as Parameters<typeof ctx.bookings.addAppointment>[1];
	return ctx.bookings.addAppointment(occurrence.locationId, { ...own, ...fields, masterEventId: seriesId });
}

function takeOut(ctx: Context, seriesId: string, startMs: number): void {
	const series = ctx.bookings.event(ctx.token.locationId, seriesId) as AppointmentRecord;
	ctx.bookings.updateEvent<AppointmentRecord>(ctx.token.locationId, seriesId, { exdates: [...(series.exdates ?? []), startMs] });
}

const getAppointment: Handler = (ctx) => {
	const event = findBooking(ctx, ctx.params.eventId);
	if (!event) return appointmentNotFound();
	const groupId = ctx.store.calendar(event.locationId, event.calendarId)?.groupId;
	return answered(success(200, { event: eventDto(event, ctx.timeZoneOf(event.locationId), groupId) }));
};

/** Appointments and blocked slots alike (an appointment's notes go with it), or one occurrence of a series. */
const deleteEvent: Handler = (ctx) => {
	const occurrence = findBooking(ctx, ctx.params.eventId);
	if (occurrence && isOccurrence(occurrence)) {
		takeOut(ctx, occurrence.masterEventId as string, occurrence.startMs);
		return answered(success(201, { succeeded: true }), true, [changed(ctx, 'AppointmentDelete', occurrence)]);
	}
	const removed = ctx.bookings.removeEvent(ctx.token.locationId, ctx.params.eventId);
	if (!removed) return answered(notFound(MESSAGES.eventNotFound));
	const events = removed.kind === 'appointment' ? [changed(ctx, 'AppointmentDelete', removed)] : [];
	return answered(success(201, { succeeded: true }), true, events);
};

/**
 * Slots whose start lies in startDate..endDate (epoch ms), from now on, keyed by date in `timezone` (default: the
 * location's); `userId` / `userIds` narrow them to those users (UNVERIFIED: whether HighLevel counts whole days of
 * the range, and its answer to a reversed range or an unknown zone).
 */
const getSlots: Handler = (ctx) => {
	const { query, store, token, params } = ctx;
	const calendar = store.calendar(token.locationId, params.calendarId);
	if (!calendar) return calendarNotFound();
	const [fromMs, toMs] = [Number(query.startDate), Number(query.endDate)];
	if (toMs < fromMs) return refused(MESSAGES.endDateBeforeStartDate);
	if (toMs - fromMs > MAX_FREE_SLOT_RANGE_MS) return refused(MESSAGES.freeSlotsRange);
	if (query.timezone !== undefined && !IANAZone.isValidZone(query.timezone)) return refused(MESSAGES.invalidTimeZone);
	const users = [...(query.userId ? [query.userId] : []), ...(query.userIds ? query.userIds.split(',') : [])];
	const zone = ctx.timeZoneOf(token.locationId);
	const busy = busyFor(ctx.bookings, token.locationId, { calendar, zone, fromMs, toMs });
	const slots = freeSlots(calendar, busy, { fromMs, toMs, zone, notBeforeMs: ctx.now(), userIds: users.length > 0 ? users : undefined, availability: availabilityFor(ctx, calendar) });
	return answered(success(200, slotsByDate(slots, query.timezone ?? zone)));
};

export const appointmentHandlers: Record<string, Handler> = {
	'create-appointment': createAppointment,
	'edit-appointment': editAppointment,
	'get-appointment': getAppointment,
	'delete-event': deleteEvent,
	'get-calendar-events': (ctx) => listEvents(ctx, 'appointment'),
	'get-slots': getSlots,
};
