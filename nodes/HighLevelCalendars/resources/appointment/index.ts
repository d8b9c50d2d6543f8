import type { INodeProperties } from 'n8n-workflow';

import type { ItemHandler } from '../../execution/runItems';
import * as book from './book';
import * as cancel from './cancel';
import * as deleteAppointment from './delete';
import * as get from './get';
import * as getMany from './getMany';
import * as update from './update';

export const appointmentOperationHandlers: Record<string, ItemHandler> = {
	book: book.execute,
	get: get.execute,
	getAll: getMany.execute,
	update: update.execute,
	cancel: cancel.execute,
	delete: deleteAppointment.execute,
};

export const appointmentOperationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['appointment'] } },
	options: [
		{ name: 'Book', value: 'book', description: 'Book an appointment for a contact', action: 'Book an appointment' },
		{ name: 'Cancel', value: 'cancel', description: 'Set the status to cancelled, keeping the record', action: 'Cancel an appointment' },
		{ name: 'Delete', value: 'delete', action: 'Delete an appointment' },
		{ name: 'Get', value: 'get', action: 'Get an appointment' },
		{ name: 'Get Many', value: 'getAll', description: 'The appointments of a calendar, group or user in a range', action: 'Get many appointments' },
		{ name: 'Update', value: 'update', description: 'Reschedule, or change status, user, title or location', action: 'Update an appointment' },
	],
	default: 'book',
};

/** The Appointment resource's fields after the Location ID fields. */
export const appointmentDescription: INodeProperties[] = [
	...book.description,
	...get.description,
	...getMany.description,
	...update.description,
	...cancel.description,
	...deleteAppointment.description,
];
