/**
 * What appointments and blocked slots share: reading the dates the requests carry, a series' occurrences, the busy
 * time a calendar's free slots leave out, the events list's filter, and the event as `GET /calendars/events` answers it.
 */
import { DateTime } from 'luxon';
import { Busy, isoInZone } from './free-slots';
import { AppointmentRecord, BookingStore, EventRecord, SLOT_FREEING_STATUSES } from './bookings';
import { Context, OperationResult, answered } from './operation-context';
import { occurrences, parseOccurrenceId } from './recurrence';
import { MESSAGES, badRequest } from './responses';
import { CalendarRecord } from './store';

/**
 * An ISO 8601 date as the booking bodies carry it; one without an offset is read in the location's time zone
 * (UNVERIFIED: HighLevel does not document how it reads one).
 */
export function parseIso(value: unknown, zone: string): number | undefined {
	if (typeof value !== 'string') return undefined;
	const parsed = DateTime.fromISO(value, { zone });
	return parsed.isValid ? parsed.toMillis() : undefined;
}

/** A 400 naming the field, for a date it cannot read. */
export const badDate = (field: string): OperationResult => answered(badRequest(MESSAGES.invalidDate(field)));

/** The appointment as it overlaps fromMs..toMs: itself, or a series' occurrences there (each with its own id and times, and masterEventId). */
export function bookingsIn(appointment: AppointmentRecord, zone: string, fromMs: number, toMs: number): AppointmentRecord[] {
	const { rrule } = appointment;
	if (!rrule) return appointment.startMs <= toMs && appointment.endMs > fromMs ? [appointment] : [];
	return occurrences({ ...appointment, rrule }, zone, fromMs, toMs).map((o) => ({ ...appointment, ...o, masterEventId: appointment.id }));
}

/** The appointment an id names: an appointment, or an occurrence of a series that has it. */
export function findBooking(ctx: Context, id: string): AppointmentRecord | undefined {
	const { bookings, token } = ctx;
	const event = bookings.event(token.locationId, id);
	if (event) return event.kind === 'appointment' ? event : undefined;
	const occurrence = parseOccurrenceId(id);
	if (!occurrence) return undefined;
	const series = bookings.event(token.locationId, occurrence.seriesId);
	if (series?.kind !== 'appointment' || !series.rrule) return undefined;
	return bookingsIn(series, ctx.timeZoneOf(token.locationId), occurrence.startMs, occurrence.startMs).find((b) => b.id === id);
}

/** An occurrence of a series (as bookingsIn gives it), not an appointment stored on its own. */
export const isOccurrence = (appointment: AppointmentRecord): boolean => Boolean(appointment.rrule && appointment.masterEventId);

export interface BusyQuery {
	calendar: CalendarRecord;
	zone: string;
	fromMs: number;
	toMs: number;
	/** an appointment (or series) being moved: its own time is not busy */
	exceptId?: string;
}

/** What keeps a calendar's slots busy: its appointments and blocked slots, its members' appointments and blocks elsewhere. */
export function busyFor(bookings: BookingStore, locationId: string, { calendar, zone, fromMs, toMs, exceptId }: BusyQuery): Busy[] {
	const calendarWide = !(calendar.teamMembers as unknown[] | undefined)?.length;
	const busy: Busy[] = [];
	// a day either side: buffers reach past the window
	const [from, to] = [fromMs - 86_400_000, toMs + 86_400_000];
	for (const a of bookings.eventsOf(locationId, 'appointment')) {
		if (a.id === exceptId || SLOT_FREEING_STATUSES.includes(a.appointmentStatus)) continue;
		for (const { startMs, endMs } of bookingsIn(a, zone, from, to)) {
			if (a.calendarId === calendar.id) busy.push({ startMs, endMs, userId: calendarWide ? undefined : a.assignedUserId, buffered: true });
			else if (a.assignedUserId) busy.push({ startMs, endMs, userId: a.assignedUserId, buffered: true });
		}
	}
	for (const b of bookings.eventsOf(locationId, 'blockedSlot')) {
		if (b.id === exceptId) continue;
		if (b.calendarId === calendar.id) busy.push({ startMs: b.startMs, endMs: b.endMs, buffered: false });
		else if (b.assignedUserId) busy.push({ startMs: b.startMs, endMs: b.endMs, userId: b.assignedUserId, buffered: false });
	}
	return busy;
}

/**
 * `GET /calendars/events` and `/calendars/blocked-slots`: the events of a calendar, a group or a user that overlap
 * startTime..endTime (epoch ms strings); refused without one of the three, as the spec says HighLevel requires.
 * Several given: all apply (UNVERIFIED).
 */
export function listEvents(ctx: Context, kind: EventRecord['kind']): OperationResult {
	const { query, store, bookings } = ctx;
	if (!query.calendarId && !query.groupId && !query.userId) return answered(badRequest(MESSAGES.eventsFilterRequired));
	const [from, to] = [Number(query.startTime), Number(query.endTime)];
	if (!/^\d+$/.test(query.startTime)) return answered(badRequest(MESSAGES.invalidMillis('startTime')));
	if (!/^\d+$/.test(query.endTime)) return answered(badRequest(MESSAGES.invalidMillis('endTime')));
	const groupOf = (calendarId: string | undefined) => (calendarId ? store.calendar(query.locationId, calendarId)?.groupId : undefined);
	const zone = ctx.timeZoneOf(query.locationId);
	const inRange = (e: EventRecord): EventRecord[] => (e.kind === 'appointment' ? bookingsIn(e, zone, from, to) : e.startMs <= to && e.endMs > from ? [e] : []);
	const events = bookings
		.eventsOf(query.locationId, kind)
		.flatMap(inRange)
		.filter((e) => !query.calendarId || e.calendarId === query.calendarId)
		.filter((e) => !query.groupId || groupOf(e.calendarId) === query.groupId)
		.filter((e) => !query.userId || e.assignedUserId === query.userId)
		.sort((a, b) => a.startMs - b.startMs);
	return answered({ status: 200, body: { events: events.map((e) => eventDto(e, zone, groupOf(e.calendarId))) } });
}

/**
 * An event as the events list and `GET …/appointments/{eventId}` answer it (CalendarEventDTO). A blocked slot has
 * no contact or status: they are "" and "confirmed" (UNVERIFIED: the spec requires both and shows no blocked slot).
 */
export function eventDto(event: EventRecord, zone: string, groupId: string | undefined): Record<string, unknown> {
	const appointment = event.kind === 'appointment' ? event : undefined;
	return dropUndefined({
		id: event.id,
		title: event.title,
		calendarId: event.calendarId ?? '',
		locationId: event.locationId,
		contactId: appointment?.contactId ?? '',
		groupId: groupId ?? '',
		appointmentStatus: appointment?.appointmentStatus ?? 'confirmed',
		assignedUserId: event.assignedUserId ?? '',
		users: event.assignedUserId ? [event.assignedUserId] : [],
		description: appointment?.description,
		address: appointment?.address,
		isRecurring: Boolean(appointment?.rrule),
		rrule: appointment?.rrule,
		masterEventId: appointment?.masterEventId,
		startTime: isoInZone(event.startMs, zone),
		endTime: isoInZone(event.endMs, zone),
		dateAdded: event.dateAdded,
		dateUpdated: event.dateUpdated,
		assignedResources: [],
		createdBy: { source: 'third_party' },
	});
}

/** The appointment in an `AppointmentCreate` / `AppointmentUpdate` / `AppointmentDelete` webhook. */
export function webhookAppointment(appointment: AppointmentRecord, zone: string, groupId: string | undefined): Record<string, unknown> {
	const { id, address, title, calendarId, contactId, appointmentStatus, assignedUserId, dateAdded, dateUpdated } = appointment;
	return dropUndefined({
		id,
		address,
		title,
		calendarId,
		contactId,
		groupId: groupId ?? '',
		appointmentStatus,
		assignedUserId: assignedUserId ?? '',
		users: assignedUserId ? [assignedUserId] : [],
		// UNVERIFIED: the source HighLevel writes for an API booking (its example shows a booking widget's)
		source: 'third_party',
		startTime: isoInZone(appointment.startMs, zone),
		endTime: isoInZone(appointment.endMs, zone),
		dateAdded,
		dateUpdated,
	});
}

export function dropUndefined(record: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}
