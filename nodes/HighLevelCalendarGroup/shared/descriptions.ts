import type { INodeProperties } from 'n8n-workflow';

import { API_VERSIONS, DEFAULT_API_VERSION } from './apiVersion';

export const locationField: INodeProperties = {
	displayName: 'Location ID',
	name: 'locationId',
	type: 'string',
	default: '',
	placeholder: "e.g. ve9EPM428h8vShlRW1KT (empty: the credential's location)",
	description:
		"The sub-account whose calendar groups to use. Leave empty to use the credential's location.",
};

export const groupLocator: INodeProperties = {
	displayName: 'Calendar Group',
	name: 'group',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The calendar group to act on',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a group...',
			typeOptions: { searchListMethod: 'searchGroups', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. ocQHyuzHvysMo5N5VsXc',
		},
		{
			displayName: 'By Slug',
			name: 'slug',
			type: 'string',
			placeholder: 'e.g. sales-team',
		},
	],
};

export const apiVersionOption: INodeProperties = {
	displayName: 'API Version',
	name: 'apiVersion',
	type: 'options',
	options: API_VERSIONS.map((version) => ({
		name: version === DEFAULT_API_VERSION ? `${version} (Default)` : version,
		value: version,
	})),
	default: DEFAULT_API_VERSION,
	description: 'The value of the Version header HighLevel requires',
};

/** The Options collection of one operation: its own options, then the API version. */
export function optionsFor(operation: string, options: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['calendarGroup'], operation: [operation] } },
		options: [apiVersionOption, ...options],
	};
}

export function showFor(operations: string[]): INodeProperties['displayOptions'] {
	return { show: { resource: ['calendarGroup'], operation: operations } };
}
