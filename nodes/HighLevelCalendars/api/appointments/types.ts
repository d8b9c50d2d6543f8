import type { IDataObject } from 'n8n-workflow';

/** An appointment as HighLevel answers it (AppointmentSchemaResponse, CalendarEventDTO): these fields and the other documented ones. */
export interface Appointment extends IDataObject {
	id: string;
	calendarId?: string;
	locationId?: string;
	contactId?: string;
	startTime?: string;
	endTime?: string;
	appointmentStatus?: string;
	assignedUserId?: string;
	masterEventId?: string;
}

/** Whose events GET /calendars/events lists: one of a calendar, a group or a user (HighLevel needs one). */
export type EventsOwner = { calendarId: string } | { groupId: string } | { userId: string };

/** GET /calendars/events: the owner's events between two instants (epoch milliseconds). */
export type EventsFilter = EventsOwner & { startMs: number; endMs: number };

/** What identifies a booking when looking for it after an ambiguous failure. */
export interface BookingKey {
	calendarId: string;
	contactId: string;
	startMs: number;
	endMs: number;
}
