import type { INodeProperties } from 'n8n-workflow';

import type { ItemHandler } from '../../execution/runItems';
import * as create from './create';
import * as deleteResource from './delete';
import * as get from './get';
import * as getMany from './getMany';
import { resourceTypeField } from './resourceFields';
import * as update from './update';

export const calendarResourceOperationHandlers: Record<string, ItemHandler> = {
	create: create.execute,
	get: get.execute,
	getAll: getMany.execute,
	update: update.execute,
	delete: deleteResource.execute,
};

export const calendarResourceOperationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['calendarResource'] } },
	options: [
		{ name: 'Create', value: 'create', action: 'Create a room or equipment' },
		{ name: 'Delete', value: 'delete', action: 'Delete a room or equipment' },
		{ name: 'Get', value: 'get', action: 'Get a room or equipment' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many rooms or equipment' },
		{ name: 'Update', value: 'update', action: 'Update a room or equipment' },
	],
	default: 'create',
};

/** The Calendar Resource resource's fields after the Location ID fields. */
export const calendarResourceDescription: INodeProperties[] = [
	resourceTypeField,
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteResource.description,
];
