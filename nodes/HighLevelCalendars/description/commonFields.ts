import type { INodeProperties } from 'n8n-workflow';

import {
	API_VERSIONS,
	DEFAULT_API_VERSION,
	DEFAULT_MAX_RETRIES,
	DEFAULT_TIMEOUT_MS,
} from '../transport/requestSettings';

/** The three HighLevel credentials, as Authentication offers them (here and in the HighLevel Trigger). */
export const authenticationOptions = [
	{ name: 'Private Integration Token', value: 'privateIntegrationToken' },
	{ name: 'OAuth2', value: 'oAuth2' },
	{ name: 'Agency (OAuth2)', value: 'agencyOAuth2' },
];

export const locationField: INodeProperties = {
	displayName: 'Location ID',
	name: 'locationId',
	type: 'string',
	default: '',
	placeholder: "e.g. ve9EPM428h8vShlRW1KT (empty: the credential's location)",
	description:
		"The sub-account whose calendars and appointments to use. Leave empty to use the credential's location.",
	displayOptions: { show: { authentication: ['privateIntegrationToken', 'oAuth2'] } },
};

/** With the agency credential every item names its sub-account, usually mapped from the trigger's data. */
export const agencyLocationField: INodeProperties = {
	displayName: 'Location ID',
	name: 'locationId',
	type: 'resourceLocator',
	default: { mode: 'id', value: '' },
	required: true,
	description: "The agency's sub-account whose calendars and appointments to use",
	displayOptions: { show: { authentication: ['agencyOAuth2'] } },
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a sub-account...',
			typeOptions: { searchListMethod: 'searchLocations', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. ve9EPM428h8vShlRW1KT',
		},
	],
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

export const DEFAULT_MAX_IN_FLIGHT = 16;

const requestOptions: INodeProperties[] = [
	{
		displayName: 'Max Requests In Flight',
		name: 'maxInFlight',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 50 },
		default: DEFAULT_MAX_IN_FLIGHT,
		description:
			'How many items are sent to HighLevel at once, read from the first item. The node keeps under the rate limit either way; more is faster when HighLevel answers slowly.',
	},
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 10 },
		default: DEFAULT_MAX_RETRIES,
		description:
			'How often a request is tried again after a 429, or after a server error, timeout or dropped connection when repeating it is safe. A request sent again with a newly minted sub-account token counts too.',
	},
	{
		displayName: 'Timeout (Ms)',
		name: 'timeoutMs',
		type: 'number',
		typeOptions: { minValue: 1000 },
		default: DEFAULT_TIMEOUT_MS,
		description: 'How long to wait for each answer, in milliseconds',
	},
];

export type Resource = 'calendarGroup' | 'calendar' | 'calendarResource' | 'calendarNotification' | 'appointment' | 'blockedSlot' | 'appointmentNote' | 'availabilitySchedule' | V3Resource;

/** The resources whose routes only HighLevel's v3 file has (calendars-v3.openapi.json). */
export type V3Resource = 'serviceBooking' | 'service' | 'serviceLocation';
const V3_RESOURCES: readonly Resource[] = ['serviceBooking', 'service', 'serviceLocation'];

const v3ApiVersionOption: INodeProperties = {
	...apiVersionOption,
	default: 'v3',
	description: 'The value of the Version header. HighLevel has this operation in v3 only: 2021-04-15 is refused before anything is sent.',
};

/** The Options collection of one operation: the API version, its own options, then request tuning. */
export function optionsFor(
	operation: string,
	options: INodeProperties[] = [],
	resource: Resource = 'calendarGroup',
): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: [resource], operation: [operation] } },
		options: [V3_RESOURCES.includes(resource) ? v3ApiVersionOption : apiVersionOption, ...options, ...requestOptions],
	};
}

export function showFor(operations: string[], resource: Resource = 'calendarGroup'): INodeProperties['displayOptions'] {
	return { show: { resource: [resource], operation: operations } };
}

/**
 * A group picked for a calendar (From List, By ID, By Slug); empty for none. Named `calendarGroup` unless told
 * otherwise: the Calendar picker's From List narrows itself to the group of that name.
 */
export function optionalGroupLocator(
	displayName: string,
	description: string,
	displayOptions: INodeProperties['displayOptions'],
	name = 'calendarGroup',
): INodeProperties {
	return { ...groupLocator, name, displayName, description, required: false, displayOptions };
}

export const calendarLocator: INodeProperties = {
	displayName: 'Calendar',
	name: 'calendar',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The calendar to act on',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a calendar...',
			typeOptions: { searchListMethod: 'searchCalendars', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. ocQHyuzHvysMo5N5VsXc',
		},
	],
};

/** Get Many's Return All and Limit. */
export function returnAllAndLimit(show: INodeProperties['displayOptions']): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: show,
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show?.show, returnAll: [false] } },
		},
	];
}

/** Create's required Name. */
export function nameField(placeholder: string, show: INodeProperties['displayOptions']): INodeProperties {
	return { displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder, displayOptions: show };
}

/** Update's Update Fields: only the fields set there change. */
export function updateFieldsCollection(options: INodeProperties[], show: INodeProperties['displayOptions']): INodeProperties {
	return {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		description: 'Only the fields set here change; the others keep their current values',
		options,
	};
}

/** Get Many's Filters. */
export function filtersCollection(options: INodeProperties[], show: INodeProperties['displayOptions']): INodeProperties {
	return { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, displayOptions: show, options };
}

/** Create's Additional Fields. */
export function additionalFieldsCollection(options: INodeProperties[], show: INodeProperties['displayOptions']): INodeProperties {
	return { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show, options };
}
