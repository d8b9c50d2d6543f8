import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersCollection, optionsFor, returnAllAndLimit, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import type { ServiceBooking } from '../../api/services/types';
import { firstOf, setFields } from '../../shared/fieldValues';
import { itemTimeZone, timeZoneOption } from '../appointment/appointmentFields';
import { endTimeField, readBookingWindow, startTimeField } from './bookingFields';

const show = showFor(['getAll'], 'serviceBooking');

export const description: INodeProperties[] = [
	{ ...startTimeField(show), description: 'The bookings from this time on. An ISO date with an offset, a date and time without one (read in Options > Time Zone), epoch milliseconds, or a DateTime expression.' },
	{ ...endTimeField(show), description: 'The bookings up to this time. An ISO date with an offset, a date and time without one (read in Options > Time Zone), epoch milliseconds, or a DateTime expression.' },
	...returnAllAndLimit(show),
	filtersCollection([{ displayName: 'Service Location ID', name: 'serviceLocationId', type: 'string', default: '' }], show),
	optionsFor('getAll', [timeZoneOption], 'serviceBooking'),
];

/** The bookings between Start Time and End Time (sent as the spec's epoch milliseconds); HighLevel pages none: a Limit keeps the first ones. */
export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<ServiceBooking[]> {
	const settings = session.settings(itemIndex, { version: 'v3', operation: 'Service Booking → Get Many' });
	const { start, end } = readBookingWindow(this, itemIndex, itemTimeZone(this, this.getNodeParameter('options', itemIndex, {}) as IDataObject, itemIndex));
	const filters = setFields(this.getNodeParameter('filters', itemIndex, {}) as Record<string, string>);
	return firstOf(this, itemIndex, await session.serviceBookingsApi.between(settings, start.ms, end.ms, filters));
}
