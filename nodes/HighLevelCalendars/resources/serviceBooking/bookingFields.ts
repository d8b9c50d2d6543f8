import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { pickerField } from '../../description/pickerField';
import { isoWithOffset } from '../../shared/dates';
import { readJsonList, setFields } from '../../shared/fieldValues';
import { refuseEmpty, requireText } from '../../shared/validation';
import { DATE_HELP, dateField, itemTimeZone, readOptionalDateParameter, timeZoneOption } from '../appointment/appointmentFields';

type Show = INodeProperties['displayOptions'];

export const serviceBookingLocator: INodeProperties = {
	...pickerField('Service Booking', 'serviceBooking', 'searchServiceBookings', 'service booking'),
	description: 'The service booking to act on (From List: the bookings of the next 90 days)',
};

export const startTimeField = (show: Show, required = true) => dateField('Start Time', 'startTime', required, `When it starts. ${DATE_HELP}.`, show);
export const endTimeField = (show: Show, required = true) => dateField('End Time', 'endTime', required, `When it ends. ${DATE_HELP}.`, show);

/** The services a booking books, each with the staff member who gives it (CreateBookingServiceDTO). */
export const servicesField: INodeProperties = {
	displayName: 'Services',
	name: 'services',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Service',
	default: {},
	options: [
		{
			displayName: 'Service',
			name: 'service',
			values: [
				{ displayName: 'Service ID', name: 'id', type: 'string', default: '', placeholder: 'e.g. a3b4c5d6e7f8901234567890', description: 'The service of the catalog' },
				{ displayName: 'Staff ID', name: 'staffId', type: 'string', default: '', description: 'The user who gives it (empty: HighLevel picks one)' },
				{ displayName: 'Add-Ons (JSON)', name: 'addOns', type: 'json', default: '', description: "The service's add-ons booked with it: a JSON list, each with its ID and optionally quantity and duration (minutes)" },
			],
		},
	],
};

/** Options of Create and Update: the booking's time zone and HighLevel's two validation switches (query parameters). */
export const bookingOptions: INodeProperties[] = [
	{
		...timeZoneOption,
		description: "The booking's IANA time zone (sent as its timezone), which a date without an offset is read in. Empty: the workflow's time zone.",
	},
	{ displayName: 'Override Availability', name: 'overrideAvailability', type: 'boolean', default: false, description: 'Whether HighLevel books even when the time is not available (skips every time-slot check)' },
	{ displayName: 'Skip Scheduling Notice', name: 'skipSchedulingNotice', type: 'boolean', default: false, description: 'Whether HighLevel ignores the minimum scheduling notice and date range' },
];

/** The fields Create offers under Additional Fields and Update under Update Fields. */
export function bookingDetailFields(statuses: string[]): INodeProperties[] {
	const label = (status: string) => ({ no_show: 'No Show' })[status] ?? `${status[0].toUpperCase()}${status.slice(1)}`;
	return [
		{ displayName: 'Meeting Location', name: 'meetingLocation', type: 'string', default: '', description: 'Where the booker meets (required by HighLevel when the service location is Ask the Booker)' },
		{ displayName: 'Service Location ID', name: 'serviceLocationId', type: 'string', default: '', description: "Where the services are given (empty on create: the sub-account's default service location)" },
		{ displayName: 'Status', name: 'status', type: 'options', options: statuses.map((value) => ({ name: label(value), value })), default: 'confirmed' },
		{ displayName: 'Title', name: 'title', type: 'string', default: '' },
	];
}

export function readServiceBookingId(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireText(ctx.getNode(), ctx.getNodeParameter('serviceBooking', itemIndex, '', { extractValue: true }), 'Service Booking', itemIndex);
}

/** The Services field's entries as the body's `services`, in order (each entry's position is its place). */
export function readServices(ctx: IExecuteFunctions, value: unknown, itemIndex: number): IDataObject[] {
	const entries = ((value as IDataObject | undefined)?.service ?? []) as IDataObject[];
	return entries.map((entry, index) => {
		const { id, staffId, addOns } = setFields(entry);
		const service: IDataObject = { id: requireText(ctx.getNode(), id, `Services ${index + 1}: Service ID`, itemIndex), ...setFields({ staffId } as IDataObject) };
		if (addOns !== undefined) service.addOns = readJsonList(ctx.getNode(), addOns, `Services ${index + 1}: Add-Ons (JSON)`, itemIndex);
		return service;
	});
}

/** What Create and Update's Options hold besides request tuning. */
export interface BookingOptions {
	timeZone?: string;
	overrideAvailability?: boolean;
	skipSchedulingNotice?: boolean;
}

/** The item's time zone, and the validation switches as the query (only when on). */
export function readBookingOptions(ctx: IExecuteFunctions, itemIndex: number): { timeZone: string; query: IDataObject } {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as BookingOptions;
	const query = setFields({ overrideAvailability: options.overrideAvailability || undefined, skipSchedulingNotice: options.skipSchedulingNotice || undefined } as IDataObject);
	return { timeZone: itemTimeZone(ctx, options, itemIndex), query };
}

/** A date field as the spec's booking form: ISO 8601 with the offset of the booking's time zone; undefined when empty. */
export function readBookingTime(ctx: IExecuteFunctions, value: unknown, field: string, itemIndex: number, timeZone: string): BookingTime | undefined {
	const ms = readOptionalDateParameter(ctx, value, field, itemIndex, timeZone);
	return ms === undefined ? undefined : { ms, iso: isoWithOffset(ms, timeZone) };
}

type BookingTime = { ms: number; iso: string };

/** Start Time and End Time, both required and End after Start, else the error naming the field and the item. */
export function readBookingWindow(ctx: IExecuteFunctions, itemIndex: number, timeZone: string): { start: BookingTime; end: BookingTime } {
	const start = readBookingTime(ctx, ctx.getNodeParameter('startTime', itemIndex, ''), 'Start Time', itemIndex, timeZone);
	const end = readBookingTime(ctx, ctx.getNodeParameter('endTime', itemIndex, ''), 'End Time', itemIndex, timeZone);
	if (!start) return refuseEmpty(ctx.getNode(), 'Start Time', itemIndex);
	if (!end) return refuseEmpty(ctx.getNode(), 'End Time', itemIndex);
	if (end.ms <= start.ms) {
		throw new NodeOperationError(ctx.getNode(), `End Time in item ${itemIndex} is not after Start Time`, { itemIndex, description: `Start Time is ${start.iso}, End Time ${end.iso}` });
	}
	return { start, end };
}
