import type { INodeProperties } from 'n8n-workflow';

import type { ItemHandler } from '../../execution/runItems';
import * as create from './create';
import * as deleteLocation from './delete';
import * as get from './get';
import * as getMany from './getMany';
import * as update from './update';

export const serviceLocationOperationHandlers: Record<string, ItemHandler> = {
	create: create.execute,
	get: get.execute,
	getAll: getMany.execute,
	update: update.execute,
	delete: deleteLocation.execute,
};

export const serviceLocationOperationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['serviceLocation'] } },
	options: [
		{ name: 'Create', value: 'create', action: 'Create a service location' },
		{ name: 'Delete', value: 'delete', action: 'Delete a service location' },
		{ name: 'Get', value: 'get', action: 'Get a service location' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many service locations' },
		{ name: 'Update', value: 'update', action: 'Update a service location' },
	],
	default: 'create',
};

/** The Service Location resource's fields after the Location ID fields. */
export const serviceLocationDescription: INodeProperties[] = [
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteLocation.description,
];
