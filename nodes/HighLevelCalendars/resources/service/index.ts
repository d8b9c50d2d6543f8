import type { INodeProperties } from 'n8n-workflow';

import type { ItemHandler } from '../../execution/runItems';
import * as create from './create';
import * as deleteService from './delete';
import * as get from './get';
import * as getMany from './getMany';
import * as update from './update';

export const serviceOperationHandlers: Record<string, ItemHandler> = {
	create: create.execute,
	get: get.execute,
	getAll: getMany.execute,
	update: update.execute,
	delete: deleteService.execute,
};

export const serviceOperationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['service'] } },
	options: [
		{ name: 'Create', value: 'create', action: 'Create a service' },
		{ name: 'Delete', value: 'delete', action: 'Delete a service' },
		{ name: 'Get', value: 'get', action: 'Get a service' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many services' },
		{ name: 'Update', value: 'update', action: 'Update a service' },
	],
	default: 'create',
};

/** The Service resource's fields after the Location ID fields. */
export const serviceDescription: INodeProperties[] = [
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteService.description,
];
