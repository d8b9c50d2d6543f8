import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { readServiceBookingId, serviceBookingLocator } from './bookingFields';

export const description: INodeProperties[] = [
	{ ...serviceBookingLocator, displayOptions: showFor(['delete'], 'serviceBooking') },
	optionsFor('delete', [], 'serviceBooking'),
];

export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<IDataObject[]> {
	const settings = session.settings(itemIndex, { version: 'v3', operation: 'Service Booking → Delete' });
	const id = readServiceBookingId(this, itemIndex);
	await session.serviceBookingsApi.delete(settings, id);
	return [{ deleted: true, id }];
}
