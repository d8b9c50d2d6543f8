import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { calendarLocator, optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { checkAppointmentBody } from '../../api/appointments/appointmentChecks';
import type { Appointment } from '../../api/appointments/types';
import { readCalendarId } from '../../api/calendars/calendarLocator';
import { slotDurationMs } from '../../api/calendars/slotDuration';
import { answerInstant, DAY_MS, isoWithOffset } from '../../shared/dates';
import type { RequestSettings } from '../../transport/requestSettings';
import { requireText } from '../../shared/validation';
import {
	appointmentDetailFields,
	assignedUserLocator,
	dateField,
	ignoreDateRangeOption,
	ignoreFreeSlotValidationOption,
	itemTimeZone,
	readDateParameter,
	readOptionalDateParameter,
	startTimeField,
	timeZoneOption,
	toNotifyField,
	validationSwitches,
	withoutEmptyText,
	type AppointmentOptions,
} from './appointmentFields';
import {
	DEFAULT_SEARCH_DAYS,
	isSlotTaken,
	slotTakenError,
	slotTakenOptions,
	type SlotRequest,
	type SlotTakenPolicy,
} from './slotTaken';

const show = showFor(['book'], 'appointment');

export const description: INodeProperties[] = [
	{ ...calendarLocator, description: 'The calendar to book in', displayOptions: show },
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 9NkT25Vor1v4aQatFsv2',
		description: "The contact the appointment is for, usually mapped from the trigger's data",
		displayOptions: show,
	},
	startTimeField(show),
	dateField('End Time', 'endTime', false, "When it ends. Empty: the start plus the calendar's slot duration.", show),
	assignedUserLocator(show),
	toNotifyField(show),
	{
		displayName: 'Additional Fields',
		name: 'appointmentFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: appointmentDetailFields('book'),
	},
	optionsFor('book', [timeZoneOption, ignoreDateRangeOption, ignoreFreeSlotValidationOption, ...slotTakenOptions], 'appointment'),
];

interface BookOptions extends AppointmentOptions {
	onSlotTaken?: SlotTakenPolicy;
	searchDays?: number;
}

interface Booking {
	settings: RequestSettings;
	body: IDataObject;
	calendarId: string;
	contactId: string;
	durationMs: number;
	timeZone: string;
}

/** The appointment booked at `startMs`, or HighLevel's refusal of the slot as taken (other failures throw). */
async function bookAt(session: ExecutionSession, booking: Booking, startMs: number): Promise<Appointment | NodeApiError> {
	const endMs = startMs + booking.durationMs;
	const body = { ...booking.body, startTime: isoWithOffset(startMs, booking.timeZone), endTime: isoWithOffset(endMs, booking.timeZone) };
	const key = { calendarId: booking.calendarId, contactId: booking.contactId, startMs, endMs };
	return await session.appointmentsApi.book(booking.settings, body, key).catch((error: unknown) => {
		if (isSlotTaken(error)) return error;
		throw error;
	});
}

/** If Slot Is Taken → Book the Next Free Slot: the calendar's free slots after the time asked for, booked in turn until one holds. */
async function bookNextFreeSlot(
	session: ExecutionSession,
	booking: Booking,
	request: SlotRequest,
	searchDays: number,
	taken: NodeApiError,
	ctx: IExecuteFunctions,
): Promise<IDataObject> {
	const userId = booking.body.assignedUserId as string | undefined;
	const days = await session.freeSlotsApi.untilFirstSlot(booking.settings, booking.calendarId, {
		startMs: request.startMs,
		endMs: request.startMs + searchDays * DAY_MS,
		timeZone: booking.timeZone,
		userIds: userId ? [userId] : undefined,
	});
	const later = days
		.flatMap((day) => day.slots)
		.map((slot) => answerInstant(slot))
		.filter((instant): instant is number => instant !== undefined && instant !== request.startMs);
	let lastRefusal = taken;
	for (const startMs of later) {
		const booked = await bookAt(session, booking, startMs);
		if (!(booked instanceof NodeApiError)) {
			return { ...booked, requestedStartTime: isoWithOffset(request.startMs, booking.timeZone), bookedNextFreeSlot: true };
		}
		lastRefusal = booked;
	}
	throw slotTakenError(ctx, request, lastRefusal, searchDays);
}

/** "Intro Call" (id) for messages; the ID alone when the calendar cannot be read. */
async function calendarName(session: ExecutionSession, settings: RequestSettings, calendarId: string): Promise<string> {
	const calendar = await session.calendar(settings, calendarId).catch(() => undefined);
	return calendar?.name ? `"${calendar.name}" (${calendarId})` : `"${calendarId}"`;
}

export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const options = this.getNodeParameter('options', itemIndex, {}) as BookOptions;
	const timeZone = itemTimeZone(this, options, itemIndex);
	const calendarId = readCalendarId(this, itemIndex);
	const contactId = requireText(node, this.getNodeParameter('contactId', itemIndex, ''), 'Contact ID', itemIndex);
	const startMs = readDateParameter(this, 'startTime', 'Start Time', itemIndex, timeZone);
	const endMs = readOptionalDateParameter(this, this.getNodeParameter('endTime', itemIndex, ''), 'End Time', itemIndex, timeZone);
	const assignedUserId = String(this.getNodeParameter('assignedUser', itemIndex, '', { extractValue: true }) ?? '').trim();
	const details = withoutEmptyText(this.getNodeParameter('appointmentFields', itemIndex, {}) as IDataObject);
	const settings = session.settings(itemIndex);
	const body: IDataObject = {
		...details,
		calendarId,
		contactId,
		toNotify: this.getNodeParameter('toNotify', itemIndex, true) as boolean,
		...validationSwitches(options),
	};
	if (assignedUserId) body.assignedUserId = assignedUserId;
	const startTime = isoWithOffset(startMs, timeZone);
	// refused before any request (the calendar's slot duration included) when the schema refuses it
	checkAppointmentBody(node, 'create', settings.version, { ...body, locationId: settings.locationId, startTime }, itemIndex);
	if (endMs !== undefined && endMs <= startMs) {
		throw new NodeOperationError(node, `End Time in item ${itemIndex} is not after Start Time`, {
			itemIndex,
			description: `Start Time is ${isoWithOffset(startMs, timeZone)}, End Time ${isoWithOffset(endMs, timeZone)}. Leave End Time empty for the calendar's slot duration.`,
		});
	}
	const durationMs = endMs === undefined ? slotDurationMs(await session.calendar(settings, calendarId)) : endMs - startMs;
	const booking: Booking = { settings, body, calendarId, contactId, durationMs, timeZone };
	const booked = await bookAt(session, booking, startMs);
	if (!(booked instanceof NodeApiError)) return [booked];
	const request: SlotRequest = { calendar: await calendarName(session, settings, calendarId), contactId, startMs, timeZone, itemIndex };
	if (options.onSlotTaken !== 'bookNextFreeSlot') throw slotTakenError(this, request, booked);
	return [await bookNextFreeSlot(session, booking, request, options.searchDays ?? DEFAULT_SEARCH_DAYS, booked, this)];
}
