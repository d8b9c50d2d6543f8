import type { INodeProperties } from 'n8n-workflow';

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
