import type { INodeProperties } from 'n8n-workflow';

import type { ItemHandler } from '../../execution/runItems';
import * as create from './create';
import * as deleteNotification from './delete';
import * as get from './get';
import * as getMany from './getMany';
import * as update from './update';

export const calendarNotificationOperationHandlers: Record<string, ItemHandler> = {
	create: create.execute,
	get: get.execute,
	getAll: getMany.execute,
	update: update.execute,
	delete: deleteNotification.execute,
};

export const calendarNotificationOperationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['calendarNotification'] } },
	options: [
		{ name: 'Create', value: 'create', action: 'Create a calendar notification' },
		{ name: 'Delete', value: 'delete', action: 'Delete a calendar notification' },
		{ name: 'Get', value: 'get', action: 'Get a calendar notification' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many calendar notifications' },
		{ name: 'Update', value: 'update', action: 'Update a calendar notification' },
	],
	default: 'create',
};

/** The Calendar Notification resource's fields after the Location ID fields. */
export const calendarNotificationDescription: INodeProperties[] = [
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteNotification.description,
];
