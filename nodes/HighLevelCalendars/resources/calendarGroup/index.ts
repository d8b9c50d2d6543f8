import type { INodeProperties } from 'n8n-workflow';

import type { ItemHandler } from '../../execution/runItems';
import * as checkSlug from './checkSlug';
import * as create from './create';
import * as deleteGroup from './delete';
import * as get from './get';
import * as getMany from './getMany';
import { disable, enable } from './setStatus';
import * as update from './update';

export const operationHandlers: Record<string, ItemHandler> = {
	create: create.execute,
	get: get.execute,
	getAll: getMany.execute,
	update: update.execute,
	enable: enable.execute,
	disable: disable.execute,
	delete: deleteGroup.execute,
	checkSlug: checkSlug.execute,
};

export const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['calendarGroup'] } },
	options: [
		{ name: 'Check Slug Availability', value: 'checkSlug', action: 'Check if a calendar group slug is available' },
		{ name: 'Create', value: 'create', action: 'Create a calendar group' },
		{ name: 'Delete', value: 'delete', action: 'Delete a calendar group' },
		{ name: 'Disable', value: 'disable', action: 'Disable a calendar group' },
		{ name: 'Enable', value: 'enable', action: 'Enable a calendar group' },
		{ name: 'Get', value: 'get', action: 'Get a calendar group' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many calendar groups' },
		{ name: 'Update', value: 'update', action: 'Update a calendar group' },
	],
	default: 'create',
};

/** The Calendar Group resource's fields after the Location ID fields. */
export const calendarGroupDescription: INodeProperties[] = [
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...enable.description,
	...disable.description,
	...deleteGroup.description,
	...checkSlug.description,
];
