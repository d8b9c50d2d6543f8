import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import type { ServiceBooking } from '../../api/services/types';
import { readServiceBookingId, serviceBookingLocator } from './bookingFields';

export const description: INodeProperties[] = [
	{ ...serviceBookingLocator, displayOptions: showFor(['get'], 'serviceBooking') },
	optionsFor('get', [], 'serviceBooking'),
];

export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<ServiceBooking[]> {
	const settings = session.settings(itemIndex, { version: 'v3', operation: 'Service Booking → Get' });
	return [await session.serviceBookingsApi.get(settings, readServiceBookingId(this, itemIndex))];
}
