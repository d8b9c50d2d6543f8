import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { APPOINTMENT_STATUSES } from '../../api/appointments/appointmentSchema';
import { readInstant, readOptionalInstant, readTimeZone } from '../../shared/dates';
import { requireText } from '../../shared/validation';

type Show = INodeProperties['displayOptions'];

export const appointmentIdField = (show: Show, description = 'The ID of the appointment (an occurrence ID for one occurrence of a series)'): INodeProperties => ({
	displayName: 'Appointment ID',
	name: 'appointmentId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. ocQHyuzHvysMo5N5VsXc',
	description,
	displayOptions: show,
});

export function dateField(displayName: string, name: string, required: boolean, description: string, show: Show): INodeProperties {
	return { displayName, name, type: 'dateTime', required, default: '', description, displayOptions: show };
}

export const DATE_HELP = "An ISO date with an offset, a date and time without one (read in Options > Time Zone), epoch milliseconds, or a DateTime expression such as {{ $now.plus({ days: 1 }) }}";

export const startTimeField = (show: Show) => dateField('Start Time', 'startTime', true, `When it starts. ${DATE_HELP}.`, show);

export const timeZoneOption: INodeProperties = {
	displayName: 'Time Zone',
	name: 'timeZone',
	type: 'string',
	default: '',
	placeholder: 'e.g. America/New_York',
	description:
		"The IANA time zone a date without an offset is read in, and the times HighLevel is sent and errors show are written in. Empty: the workflow's time zone.",
};

export const toNotifyField = (show: Show): INodeProperties => ({
	displayName: "Run the Sub-Account's Automations",
	name: 'toNotify',
	type: 'boolean',
	default: true,
	description:
		"Whether HighLevel runs the sub-account's own automations (workflows and notifications) for this change. HighLevel's default is on; off sends toNotify: false.",
	displayOptions: show,
});

export const ignoreDateRangeOption: INodeProperties = {
	displayName: 'Ignore Date Range',
	name: 'ignoreDateRange',
	type: 'boolean',
	default: false,
	description: "Whether HighLevel ignores the calendar's minimum scheduling notice and date range",
};

export const ignoreFreeSlotValidationOption: INodeProperties = {
	displayName: 'Ignore Free-Slot Validation',
	name: 'ignoreFreeSlotValidation',
	type: 'boolean',
	default: false,
	description: 'Whether HighLevel books even when the time is not a free slot (needed for a Recurrence Rule)',
};

const statusOptions = APPOINTMENT_STATUSES.map((status) => ({
	name: { noshow: 'No Show' }[status] ?? `${status[0].toUpperCase()}${status.slice(1)}`,
	value: status,
})).sort((a, b) => a.name.localeCompare(b.name));

/** The documented appointment fields the node offers by name, for Book's Additional Fields and Update's Update Fields. */
export function appointmentDetailFields(operation: 'book' | 'update'): INodeProperties[] {
	const fields: INodeProperties[] = [
		{ displayName: 'Address', name: 'address', type: 'string', default: '', description: 'Where it takes place (an address or a link)' },
		{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		{
			displayName: 'Meeting Location ID',
			name: 'meetingLocationId',
			type: 'string',
			default: '',
			placeholder: 'e.g. custom_0',
			description: "One of the calendar's or team member's location configurations",
		},
		{
			displayName: 'Meeting Location Type',
			name: 'meetingLocationType',
			type: 'options',
			default: 'custom',
			options: [
				{ name: 'Address', value: 'address' },
				{ name: 'Custom', value: 'custom' },
				{ name: 'Google', value: 'google' },
				{ name: 'Google Meet', value: 'gmeet' },
				{ name: 'Microsoft Teams', value: 'ms_teams' },
				{ name: 'Phone', value: 'phone' },
				{ name: 'Zoom', value: 'zoom' },
			],
		},
		{
			displayName: 'Override Location Config',
			name: 'overrideLocationConfig',
			type: 'boolean',
			default: true,
			description: "Whether Meeting Location Type replaces the calendar's location configuration",
		},
		{ displayName: 'Status', name: 'appointmentStatus', type: 'options', default: 'confirmed', options: statusOptions },
		{ displayName: 'Title', name: 'title', type: 'string', default: '' },
	];
	if (operation === 'book') {
		fields.push({
			displayName: 'Recurrence Rule',
			name: 'rrule',
			type: 'string',
			default: '',
			placeholder: 'e.g. RRULE:FREQ=WEEKLY;COUNT=4',
			description: 'An iCalendar (RFC 5545) rule. HighLevel applies it only with Options > Ignore Free-Slot Validation.',
		});
	} else {
		fields.push(
			{ displayName: 'Assigned User ID', name: 'assignedUserId', type: 'string', default: '', placeholder: 'e.g. YlWd2wuCAZQzh2cH1fVZ' },
			{ displayName: 'Calendar ID', name: 'calendarId', type: 'string', default: '', description: 'Moves the appointment to another calendar' },
			dateField('End Time', 'endTime', false, `When it ends. ${DATE_HELP}.`, undefined),
			dateField('Start Time', 'startTime', false, `When it starts (without End Time the appointment keeps its length). ${DATE_HELP}.`, undefined),
		);
	}
	return fields.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** What an appointment operation's Options hold besides request tuning. */
export interface AppointmentOptions {
	timeZone?: string;
	ignoreDateRange?: boolean;
	ignoreFreeSlotValidation?: boolean;
}

/** The item's Options > Time Zone, else the workflow's. */
export function itemTimeZone(ctx: IExecuteFunctions, options: AppointmentOptions, itemIndex: number): string {
	return readTimeZone(ctx.getNode(), options.timeZone, ctx.getTimezone(), itemIndex);
}

/** The two validation switches as HighLevel's body properties, only when on. */
export function validationSwitches(options: AppointmentOptions): IDataObject {
	const body: IDataObject = {};
	if (options.ignoreDateRange) body.ignoreDateRange = true;
	if (options.ignoreFreeSlotValidation) body.ignoreFreeSlotValidation = true;
	return body;
}

/** A required date parameter as an instant. */
export function readDateParameter(ctx: IExecuteFunctions, name: string, field: string, itemIndex: number, timeZone: string): number {
	return readInstant(ctx.getNode(), ctx.getNodeParameter(name, itemIndex, ''), { field, itemIndex, timeZone });
}

/** An optional date parameter as an instant, or undefined when empty. */
export function readOptionalDateParameter(ctx: IExecuteFunctions, value: unknown, field: string, itemIndex: number, timeZone: string): number | undefined {
	return readOptionalInstant(ctx.getNode(), value, { field, itemIndex, timeZone });
}

export function readAppointmentId(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireText(ctx.getNode(), ctx.getNodeParameter('appointmentId', itemIndex, ''), 'Appointment ID', itemIndex);
}

/** Text fields left empty are not sent. */
export function withoutEmptyText(fields: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(fields).filter(([, value]) => !(typeof value === 'string' && value.trim() === '')));
}

/** Book's Assigned User: one of the calendar's team members (From List), or any user's ID. */
export const assignedUserLocator = (show: Show): INodeProperties => ({
	displayName: 'Assigned User',
	name: 'assignedUser',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description: "The user who takes the appointment. Empty: HighLevel picks one of the calendar's team members.",
	displayOptions: show,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: "Select one of the calendar's team members...",
			typeOptions: { searchListMethod: 'searchCalendarUsers', searchable: true },
		},
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. YlWd2wuCAZQzh2cH1fVZ' },
	],
});
