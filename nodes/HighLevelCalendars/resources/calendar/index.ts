import type { INodeProperties } from 'n8n-workflow';

import type { ItemHandler } from '../../execution/runItems';
import * as create from './create';
import * as deleteCalendar from './delete';
import * as get from './get';
import * as getFreeSlots from './getFreeSlots';
import * as getMany from './getMany';
import * as update from './update';

export const calendarOperationHandlers: Record<string, ItemHandler> = {
	create: create.execute,
	get: get.execute,
	getAll: getMany.execute,
	getFreeSlots: getFreeSlots.execute,
	update: update.execute,
	delete: deleteCalendar.execute,
};

export const calendarOperationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['calendar'] } },
	options: [
		{ name: 'Create', value: 'create', action: 'Create a calendar' },
		{ name: 'Delete', value: 'delete', action: 'Delete a calendar' },
		{ name: 'Get', value: 'get', action: 'Get a calendar' },
		{ name: 'Get Free Slots', value: 'getFreeSlots', description: "The calendar's free slots between two times", action: 'Get free slots of a calendar' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many calendars' },
		{ name: 'Update', value: 'update', action: 'Update a calendar' },
	],
	default: 'create',
};

/** The Calendar resource's fields after the Location ID fields. */
export const calendarDescription: INodeProperties[] = [
	...create.description,
	...get.description,
	...getMany.description,
	...getFreeSlots.description,
	...update.description,
	...deleteCalendar.description,
];
