import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection, optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { checkServiceBody } from '../../api/services/serviceChecks';
import type { ServiceBooking } from '../../api/services/types';
import { setFields } from '../../shared/fieldValues';
import { refuseEmpty, requireText } from '../../shared/validation';
import { bookingDetailFields, bookingOptions, endTimeField, readBookingOptions, readBookingWindow, readServices, servicesField, startTimeField } from './bookingFields';

const show = showFor(['create'], 'serviceBooking');

export const description: INodeProperties[] = [
	{ displayName: 'Contact ID', name: 'contactId', type: 'string', required: true, default: '', placeholder: 'e.g. 9NkT25Vor1v4aQatFsv2', description: 'The contact who books', displayOptions: show },
	startTimeField(show),
	endTimeField(show),
	{ ...servicesField, required: true, displayOptions: show },
	additionalFieldsCollection(bookingDetailFields(['confirmed', 'new']), show),
	optionsFor('create', bookingOptions, 'serviceBooking'),
];

export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<ServiceBooking[]> {
	const settings = session.settings(itemIndex, { version: 'v3', operation: 'Service Booking → Create' });
	const node = this.getNode();
	const { timeZone, query } = readBookingOptions(this, itemIndex);
	const contactId = requireText(node, this.getNodeParameter('contactId', itemIndex, ''), 'Contact ID', itemIndex);
	const { start, end } = readBookingWindow(this, itemIndex, timeZone);
	const services = readServices(this, this.getNodeParameter('services', itemIndex, {}), itemIndex);
	if (services.length === 0) refuseEmpty(node, 'Services', itemIndex);
	const fields: IDataObject = {
		contactId,
		startTime: start.iso,
		endTime: end.iso,
		timezone: timeZone,
		services,
		...setFields(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
	};
	checkServiceBody(node, 'serviceBooking', 'create', { ...fields, locationId: settings.locationId }, itemIndex);
	return [await session.serviceBookingsApi.create(settings, fields, { startMs: start.ms, endMs: end.ms }, session.createLookup, query)];
}
