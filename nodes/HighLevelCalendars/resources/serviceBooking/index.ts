import type { INodeProperties } from 'n8n-workflow';

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

export const serviceBookingOperationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['serviceBooking'] } },
	options: [
		{ name: 'Create', value: 'create', action: 'Create a service booking' },
		{ name: 'Delete', value: 'delete', action: 'Delete a service booking' },
		{ name: 'Get', value: 'get', action: 'Get a service booking' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many service bookings' },
		{ name: 'Update', value: 'update', action: 'Update a service booking' },
	],
	default: 'create',
};

/** The Service Booking resource's fields after the Location ID fields. */
export const serviceBookingDescription: INodeProperties[] = [
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteBooking.description,
];
