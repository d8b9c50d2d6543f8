import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ResourceType } from '../../api/calendarResources/types';
import { readTextList, requireText } from '../../shared/validation';

const ALL_OPERATIONS = ['create', 'get', 'getAll', 'update', 'delete'];

export const resourceTypeField: INodeProperties = {
	displayName: 'Type',
	name: 'resourceType',
	type: 'options',
	default: 'rooms',
	options: [
		{ name: 'Room', value: 'rooms', description: 'A place a booking takes, with a capacity' },
		{ name: 'Equipment', value: 'equipments', description: 'Things a booking takes, with a quantity' },
	],
	description: 'Whether the calendar resource is a room or equipment',
	displayOptions: { show: { resource: ['calendarResource'], operation: ALL_OPERATIONS } },
};

export const calendarResourceLocator: INodeProperties = {
	displayName: 'Calendar Resource',
	name: 'calendarResource',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The room or equipment to act on',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a room or equipment...',
			typeOptions: { searchListMethod: 'searchCalendarResources', searchable: true },
		},
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. ocQHyuzHvysMo5N5VsXc' },
	],
};

const onlyFor = (type: ResourceType) => ({ show: { '/resourceType': [type] } });

/** The fields Create asks for by name and Update offers under Update Fields. */
export function resourceFieldOptions(): INodeProperties[] {
	return [
		{ displayName: 'Calendar IDs', name: 'calendarIds', type: 'string', default: '', placeholder: 'e.g. Jsj0xnlDDjw0SuvX1J13, oCM5feFC86FAAbcO7lJK', description: 'The service calendars that use it, comma-separated (equipment: one calendar)' },
		{ displayName: 'Capacity', name: 'capacity', type: 'number', typeOptions: { minValue: 0 }, default: 1, description: 'How many people the room holds', displayOptions: onlyFor('rooms') },
		{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		{ displayName: 'Out of Service', name: 'outOfService', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: 'How many of the pieces cannot be booked', displayOptions: onlyFor('equipments') },
		{ displayName: 'Quantity', name: 'quantity', type: 'number', typeOptions: { minValue: 0 }, default: 1, description: 'How many pieces of the equipment there are', displayOptions: onlyFor('equipments') },
	];
}

export function readResourceType(ctx: IExecuteFunctions, itemIndex: number): ResourceType {
	return ctx.getNodeParameter('resourceType', itemIndex, 'rooms') as ResourceType;
}

export function readResourceId(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireText(ctx.getNode(), ctx.getNodeParameter('calendarResource', itemIndex, '', { extractValue: true }), 'Calendar Resource', itemIndex);
}

/** The fields set, as the body's properties (Calendar IDs as a list). */
export function readResourceFields(ctx: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const body: IDataObject = { ...fields };
	if (fields.calendarIds !== undefined) body.calendarIds = readTextList(ctx.getNode(), fields.calendarIds, 'Calendar IDs', itemIndex);
	return body;
}
