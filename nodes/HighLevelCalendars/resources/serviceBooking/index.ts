import type { INodeProperties } from 'n8n-workflow';

import { crudOperationField } from '../../description/crudOperations';
import type { ItemHandler } from '../../execution/runItems';
import * as create from './create';
import * as deleteBooking from './delete';
import * as get from './get';
import * as getMany from './getMany';
import * as update from './update';

export const serviceBookingOperationHandlers: Record<string, ItemHandler> = {
	create: create.execute,
	get: get.execute,
	getAll: getMany.execute,
	update: update.execute,
	delete: deleteBooking.execute,
};

export const serviceBookingOperationField = crudOperationField('serviceBooking', 'a service booking', 'service bookings');

/** The Service Booking resource's fields after the Location ID fields. */
export const serviceBookingDescription: INodeProperties[] = [
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteBooking.description,
];
