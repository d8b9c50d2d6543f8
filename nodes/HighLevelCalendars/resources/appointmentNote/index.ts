import type { INodeProperties } from 'n8n-workflow';

import type { ItemHandler } from '../../execution/runItems';
import * as create from './create';
import * as deleteNote from './delete';
import * as getMany from './getMany';
import * as update from './update';

export const appointmentNoteHandlers: Record<string, ItemHandler> = {
	create: create.execute,
	getAll: getMany.execute,
	update: update.execute,
	delete: deleteNote.execute,
};

export const appointmentNoteOperationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['appointmentNote'] } },
	options: [
		{ name: 'Create', value: 'create', action: 'Create a note on an appointment' },
		{ name: 'Delete', value: 'delete', action: 'Delete a note of an appointment' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many notes of an appointment' },
		{ name: 'Update', value: 'update', action: 'Update a note of an appointment' },
	],
	default: 'create',
};

/** The Appointment Note resource's fields after the Location ID fields. */
export const appointmentNoteDescription: INodeProperties[] = [
	...create.description,
	...getMany.description,
	...update.description,
	...deleteNote.description,
];
