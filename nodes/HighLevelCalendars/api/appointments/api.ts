import type { IDataObject, INode } from 'n8n-workflow';

import type { SendCall } from '../../transport/call';
import type { RequestSettings } from '../../transport/requestSettings';
import { answerField, answerList, answerRecord, createdWhere } from '../../shared/answerFields';
import { answerInstant, epochMsText } from '../../shared/dates';
import { idPath } from '../../shared/paths';
import type { Appointment, BookingKey, EventsFilter } from './types';

const READ = 'calendars/events.readonly';
const WRITE = 'calendars/events.write';

/** POST and PUT answer the appointment itself (AppointmentSchemaResponse). */
const readAppointment = (body: unknown) => (typeof answerField(body, 'id') === 'string' ? (body as Appointment) : undefined);
const readEvent = (body: unknown) => answerRecord<Appointment>(body, 'event');
const readEvents = (body: unknown) => answerList<Appointment>(body, 'events');

/** The booking in a list of events: same contact and start, not cancelled. */
function isBooking(key: BookingKey) {
	return (event: Appointment) =>
		event.contactId === key.contactId &&
		event.appointmentStatus !== 'cancelled' &&
		answerInstant(event.startTime) === key.startMs;
}

/** HighLevel's appointment endpoints and the events list, one function each. Bodies arrive checked against the spec. */
export class AppointmentsApi {
	constructor(
		private readonly send: SendCall,
		private readonly node: INode,
	) {}

	/** GET /calendars/events: a calendar's, a group's or a user's events between two instants (epoch-ms text). */
	async events(settings: RequestSettings, filter: EventsFilter): Promise<Appointment[]> {
		const { startMs, endMs, ...owner } = filter;
		const query: IDataObject = { locationId: settings.locationId, ...owner, startTime: epochMsText(startMs), endTime: epochMsText(endMs) };
		return await this.send(settings, { method: 'GET', path: '/calendars/events', scope: READ, query, read: readEvents });
	}

	/**
	 * Never sent twice blindly: after an ambiguous failure the calendar's events around the start tell
	 * whether HighLevel stored it (same contact and start).
	 */
	async book(settings: RequestSettings, body: IDataObject, key: BookingKey): Promise<Appointment> {
		const around = { calendarId: key.calendarId, startMs: key.startMs, endMs: Math.max(key.endMs, key.startMs + 1) };
		return await this.send(settings, {
			method: 'POST',
			path: '/calendars/events/appointments',
			scope: WRITE,
			body: { ...body, locationId: settings.locationId },
			read: readAppointment,
			expects: 'the appointment',
			findEffect: createdWhere(async () => await this.events(settings, around), isBooking(key)),
		});
	}

	async get(settings: RequestSettings, eventId: string): Promise<Appointment> {
		return await this.send(settings, {
			method: 'GET',
			path: idPath(this.node, '/calendars/events/appointments', 'appointment', eventId),
			scope: READ,
			read: readEvent,
			expects: 'the appointment',
		});
	}

	/** `eventId` is one occurrence of a series, or its masterEventId for the whole series. */
	async update(settings: RequestSettings, eventId: string, body: IDataObject): Promise<Appointment> {
		return await this.send(settings, {
			method: 'PUT',
			path: idPath(this.node, '/calendars/events/appointments', 'appointment', eventId),
			scope: WRITE,
			body,
			read: readAppointment,
			expects: 'the appointment',
		});
	}

	/** DELETE /calendars/events/{eventId} (its documented body is an empty object). */
	async delete(settings: RequestSettings, eventId: string): Promise<void> {
		await this.send(settings, {
			method: 'DELETE',
			path: idPath(this.node, '/calendars/events', 'appointment', eventId),
			scope: WRITE,
			body: {},
			read: () => true,
			resultIfGone: true,
		});
	}
}
