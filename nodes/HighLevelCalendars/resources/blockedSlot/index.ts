import type { INodeProperties } from 'n8n-workflow';

import type { ItemHandler } from '../../execution/runItems';
import * as create from './create';
import * as deleteSlot from './delete';
import * as getMany from './getMany';
import * as update from './update';

export const blockedSlotHandlers: Record<string, ItemHandler> = {
	create: create.execute,
	getAll: getMany.execute,
	update: update.execute,
	delete: deleteSlot.execute,
};

export const blockedSlotOperationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['blockedSlot'] } },
	options: [
		{ name: 'Create', value: 'create', action: 'Block time in a calendar or for a user' },
		{ name: 'Delete', value: 'delete', action: 'Delete a blocked slot' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many blocked slots' },
		{ name: 'Update', value: 'update', action: 'Update a blocked slot' },
	],
	default: 'create',
};

/** The Blocked Slot resource's fields after the Location ID fields. */
export const blockedSlotDescription: INodeProperties[] = [
	...create.description,
	...getMany.description,
	...update.description,
	...deleteSlot.description,
];
