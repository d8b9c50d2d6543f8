import type { INodeProperties } from 'n8n-workflow';

import type { ItemHandler } from '../../execution/runItems';
import * as applyToCalendar from './applyToCalendar';
import * as create from './create';
import * as createCalendarSchedule from './createCalendarSchedule';
import * as deleteSchedule from './delete';
import * as get from './get';
import * as getCalendarSchedule from './getCalendarSchedule';
import * as removeFromCalendar from './removeFromCalendar';
import * as search from './search';
import * as update from './update';
import * as updateCalendarSchedule from './updateCalendarSchedule';

/** HighLevel documents an event calendar's own schedule for Version v3 only. */
const ownScheduleVersion = 'API Version v3 only: sent with v3 unless Options > API Version names another, which is refused';

export const availabilityScheduleOperationHandlers: Record<string, ItemHandler> = {
	create: create.execute,
	get: get.execute,
	search: search.execute,
	update: update.execute,
	delete: deleteSchedule.execute,
	applyToCalendar: applyToCalendar.execute,
	removeFromCalendar: removeFromCalendar.execute,
	getCalendarSchedule: getCalendarSchedule.execute,
	createCalendarSchedule: createCalendarSchedule.execute,
	updateCalendarSchedule: updateCalendarSchedule.execute,
};

export const availabilityScheduleOperationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['availabilitySchedule'] } },
	options: [
		{ name: 'Apply to Calendar', value: 'applyToCalendar', action: 'Apply an availability schedule to a calendar' },
		{ name: 'Create', value: 'create', action: 'Create an availability schedule' },
		{ name: "Create Calendar's Own Schedule", value: 'createCalendarSchedule', description: ownScheduleVersion, action: 'Create the own schedule of an event calendar' },
		{ name: 'Delete', value: 'delete', action: 'Delete an availability schedule' },
		{ name: 'Get', value: 'get', action: 'Get an availability schedule' },
		{ name: "Get Calendar's Own Schedule", value: 'getCalendarSchedule', description: ownScheduleVersion, action: 'Get the own schedule of an event calendar' },
		{ name: 'Remove From Calendar', value: 'removeFromCalendar', action: 'Remove an availability schedule from a calendar' },
		{ name: 'Search', value: 'search', action: 'Search the availability schedules of a user' },
		{ name: 'Update', value: 'update', action: 'Update an availability schedule' },
		{ name: "Update Calendar's Own Schedule", value: 'updateCalendarSchedule', description: ownScheduleVersion, action: 'Update the own schedule of an event calendar' },
	],
	default: 'create',
};

/** The Availability Schedule resource's fields after the Location ID fields. */
export const availabilityScheduleDescription: INodeProperties[] = [
	...create.description,
	...get.description,
	...search.description,
	...update.description,
	...deleteSchedule.description,
	...applyToCalendar.description,
	...removeFromCalendar.description,
	...getCalendarSchedule.description,
	...createCalendarSchedule.description,
	...updateCalendarSchedule.description,
];
