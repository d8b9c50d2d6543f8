import type { INodeProperties } from 'n8n-workflow';

import type { V3Resource } from './commonFields';

/** The notice at the top of a v3-only resource's fields. */
export function v3Notice(resource: V3Resource, what: string): INodeProperties {
	return {
		displayName: `${what} exists in HighLevel's API Version v3 only: the node sends Version v3, and refuses Options > API Version 2021-04-15 before sending anything`,
		name: `${resource}V3Notice`,
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: [resource] } },
	};
}

/** A record picked From List (the location's records of the kind) or By ID. */
export function pickerField(displayName: string, name: string, searchListMethod: string, what: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: `The ${what} to act on`,
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', placeholder: `Select a ${what}...`, typeOptions: { searchListMethod, searchable: true } },
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 65e5f6dfacf123513228d384' },
		],
	};
}
