import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { refuseField } from '../../api/calendars/calendarChecks';
import { requireSlug, requireText } from '../../shared/validation';

const TIME_UNITS = [
	{ name: 'Minutes', value: 'mins' },
	{ name: 'Hours', value: 'hours' },
];

export const calendarTypeField: INodeProperties = {
	displayName: 'Calendar Type',
	name: 'calendarType',
	type: 'options',
	default: 'event',
	options: [
		{ name: 'Class Booking', value: 'class_booking', description: 'Several people book seats in one slot; needs team members' },
		{ name: 'Collective', value: 'collective', description: 'All team members meet together; needs team members, one of them Primary' },
		{ name: 'Event', value: 'event', description: 'A simple calendar with no team members' },
		{ name: 'Personal', value: 'personal', description: 'One user\'s own calendar; needs exactly one team member' },
		{ name: 'Round Robin', value: 'round_robin', description: 'Bookings go to one of the team members in turn; needs team members' },
		{ name: 'Service Booking', value: 'service_booking', description: 'Bookings of services; needs team members' },
	],
	description: 'What kind of calendar HighLevel makes. It cannot be changed later.',
};

export const teamMembersField: INodeProperties = {
	displayName: 'Team Members',
	name: 'teamMembers',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Team Member',
	default: {},
	description: 'The HighLevel users who take the bookings',
	options: [
		{
			displayName: 'Member',
			name: 'member',
			values: [
				{
					displayName: 'Meeting Location',
					name: 'location',
					type: 'string',
					default: '',
					placeholder: 'e.g. +14455550132',
					description: 'The address, phone number or link (not for Zoom, Google Meet and Teams)',
				},
				{
					displayName: 'Meeting Location Kind',
					name: 'locationKind',
					type: 'options',
					default: '',
					options: [
						{
							name: 'Address',
							value: 'physical',
						},
						{
							name: 'Booker Chooses',
							value: 'booker',
						},
						{
							name: 'Custom',
							value: 'custom',
						},
						{
							name: 'Google Meet',
							value: 'google_conference',
						},
						{
							name: 'Inbound Call',
							value: 'inbound_call',
						},
						{
							name: 'Microsoft Teams',
							value: 'ms_teams_conference',
						},
						{
							name: 'None',
							value: '',
						},
						{
							name: 'Outbound Call',
							value: 'outbound_call',
						},
						{
							name: 'Zoom',
							value: 'zoom_conference',
						},
					],
					description: 'Where this user meets the booker',
				},
				{
					displayName: 'Primary',
					name: 'isPrimary',
					type: 'boolean',
					default: false,
					description: 'Whether this user is the primary one (a collective calendar needs exactly one)',
				},
				{
					displayName: 'Priority',
					name: 'priority',
					type: 'options',
					default: 0.5,
					options: [
						{
							name: 'High',
							value: 1
						},
						{
							name: 'Medium',
							value: 0.5
						},
						{
							name: 'Low',
							value: 0
						},
						],
					description: 'How often a round robin picks this user',
				},
				{
					displayName: 'User ID',
					name: 'userId',
					type: 'string',
					default: '',
					placeholder: 'e.g. ocQHyuzHvysMo5N5VsXc',
					description: 'The ID of a user of the sub-account',
				},
			],
		},
	],
};

const slugFields: INodeProperties[] = [
	{
		displayName: 'Slug',
		name: 'slug',
		type: 'string',
		default: '',
		placeholder: 'e.g. intro-call',
		description:
			"The calendar's URL name: lower-case letters, digits and dashes. Empty: on Create made from the name (unless Options > Generate Slug From Name is off), on Update unchanged.",
	},
	{
		displayName: 'Widget Slug',
		name: 'widgetSlug',
		type: 'string',
		default: '',
		placeholder: 'e.g. intro-call',
		description: "The booking widget's URL name. Empty: on Create the calendar's slug, on Update unchanged.",
	},
];

const unitField = (displayName: string, name: string): INodeProperties => ({
	displayName: `${displayName} Unit`,
	name: `${name}Unit`,
	type: 'options',
	default: 'mins',
	options: TIME_UNITS,
});

function timeField(displayName: string, name: string, description: string): INodeProperties[] {
	return [
		{ displayName, name, type: 'number', typeOptions: { minValue: 0 }, default: 30, description },
		unitField(displayName, name),
	];
}

/** The documented fields the node offers by name (HighLevel's Update takes no slot buffer unit). */
export function calendarFieldOptions(operation: 'create' | 'update'): INodeProperties[] {
	const bufferUnit = operation === 'create' ? [unitField('Slot Buffer', 'slotBuffer')] : [];
	const fields: INodeProperties[] = [
		{ displayName: 'Active', name: 'isActive', type: 'boolean', default: true, description: 'Whether the calendar takes bookings (off: a draft)' },
		{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		{
			displayName: 'Round Robin Mode',
			name: 'eventType',
			type: 'options',
			default: 'RoundRobin_OptimizeForAvailability',
			options: [
				{ name: 'Optimize for Availability', value: 'RoundRobin_OptimizeForAvailability' },
				{ name: 'Optimize for Equal Distribution', value: 'RoundRobin_OptimizeForEqualDistribution' },
			],
			description: 'How a round robin calendar picks the team member',
		},
		...timeField('Slot Duration', 'slotDuration', 'How long a meeting lasts'),
		...timeField('Slot Interval', 'slotInterval', 'The time between the starts of the slots offered'),
		{
			displayName: 'Slot Buffer',
			name: 'slotBuffer',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Time kept free after each meeting',
		},
		...bufferUnit,
		...slugFields,
	];
	return fields.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export const additionalFieldsJson: INodeProperties = {
	displayName: 'Additional Fields (JSON)',
	name: 'additionalFields',
	type: 'json',
	default: '{}',
	description:
		'Any other property HighLevel documents for calendars, e.g. {"autoConfirm": false, "allowBookingFor": 30, "allowBookingForUnit": "days"}. Checked before sending.',
};

function member(ctx: IExecuteFunctions, raw: IDataObject, index: number, itemIndex: number): IDataObject {
	const userId = requireText(ctx.getNode(), raw.userId, `Team Members > User ID (member ${index + 1})`, itemIndex);
	const result: IDataObject = { userId, priority: Number(raw.priority ?? 0.5) };
	if (raw.isPrimary === true) result.isPrimary = true;
	const kind = String(raw.locationKind ?? '');
	const location = String(raw.location ?? '').trim();
	if (location && !kind) {
		throw new NodeOperationError(ctx.getNode(), `Team Members > Meeting Location (member ${index + 1}) in item ${itemIndex} is set, but its Meeting Location Kind is None`, {
			itemIndex,
			description: 'Choose the Meeting Location Kind (e.g. Address or Custom) for it, or clear Meeting Location',
		});
	}
	if (kind) result.locationConfigurations = [location ? { kind, location } : { kind }];
	return result;
}

/** The Team Members field as HighLevel's teamMembers (undefined when the field is not set). */
export function readTeamMembers(ctx: IExecuteFunctions, value: unknown, itemIndex: number): IDataObject[] | undefined {
	const members = (value as { member?: IDataObject[] } | undefined)?.member;
	return Array.isArray(members) ? members.map((raw, index) => member(ctx, raw, index, itemIndex)) : undefined;
}

const SLUG_FIELDS: Record<string, string> = { slug: 'Slug', widgetSlug: 'Widget Slug' };

/** The named fields that are set, as the body's properties (slugs checked; a slug field left empty is not set). */
export function readNamedFields(ctx: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (key === 'teamMembers') continue;
		const slugField = SLUG_FIELDS[key];
		if (slugField === undefined) body[key] = value;
		else if (String(value ?? '').trim() !== '') body[key] = requireSlug(ctx.getNode(), value, itemIndex, slugField);
	}
	return body;
}

/** Additional Fields (JSON) as an object; a property the node sets itself, or a named field sets too, is refused. */
export function readAdditionalFields(ctx: IExecuteFunctions, itemIndex: number, setElsewhere: string[]): IDataObject {
	const raw = ctx.getNodeParameter('additionalFields', itemIndex, '{}') as unknown;
	let parsed: unknown = raw;
	if (typeof raw === 'string') {
		try {
			parsed = raw.trim() === '' ? {} : JSON.parse(raw);
		} catch {
			parsed = undefined;
		}
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new NodeOperationError(ctx.getNode(), `Additional Fields (JSON) in item ${itemIndex} is not a JSON object`, {
			itemIndex,
			description: 'Write an object such as {"autoConfirm": false}, or leave it as {}',
		});
	}
	const extra = parsed as IDataObject;
	const twice = Object.keys(extra).find((key) => setElsewhere.includes(key) || key === 'locationId');
	if (twice !== undefined) {
		throw refuseField(ctx.getNode(), { field: twice, problem: 'is set by another field of the node: leave it out of Additional Fields (JSON)' }, itemIndex);
	}
	return extra;
}
