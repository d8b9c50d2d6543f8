import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, showFor, updateFieldsCollection } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { checkServiceBody } from '../../api/services/serviceChecks';
import type { ServiceBooking } from '../../api/services/types';
import { requireUpdate, setFields } from '../../shared/fieldValues';
import {
	bookingDetailFields,
	bookingOptions,
	endTimeField,
	readBookingOptions,
	readBookingTime,
	readServiceBookingId,
	readServices,
	serviceBookingLocator,
	servicesField,
	startTimeField,
} from './bookingFields';

const show = showFor(['update'], 'serviceBooking');

export const description: INodeProperties[] = [
	{ ...serviceBookingLocator, displayOptions: show },
	updateFieldsCollection(
		[
			...bookingDetailFields(['confirmed', 'cancelled', 'invalid', 'new', 'showed', 'no_show']),
			endTimeField(undefined, false),
			{ ...servicesField, description: 'The services the booking books: they replace the ones it has' },
			startTimeField(undefined, false),
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
		show,
	),
	optionsFor('update', bookingOptions, 'serviceBooking'),
];

/** Times are sent in the booking form (ISO with the zone's offset) with the time zone they were read in. */
export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<ServiceBooking[]> {
	const settings = session.settings(itemIndex, { version: 'v3', operation: 'Service Booking → Update' });
	const id = readServiceBookingId(this, itemIndex);
	const { timeZone, query } = readBookingOptions(this, itemIndex);
	const { startTime, endTime, services, ...rest } = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const start = readBookingTime(this, startTime, 'Start Time', itemIndex, timeZone);
	const end = readBookingTime(this, endTime, 'End Time', itemIndex, timeZone);
	const fields: IDataObject = setFields(rest);
	if (start) fields.startTime = start.iso;
	if (end) fields.endTime = end.iso;
	if (start || end) fields.timezone = timeZone;
	if (services !== undefined) fields.services = readServices(this, services, itemIndex);
	const body = checkServiceBody(this.getNode(), 'serviceBooking', 'update', requireUpdate(this.getNode(), fields, itemIndex), itemIndex);
	return [await session.serviceBookingsApi.update(settings, id, body, query)];
}
