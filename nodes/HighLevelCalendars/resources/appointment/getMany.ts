import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { calendarLocator, optionalGroupLocator, optionsFor, returnAllAndLimit, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { findReferencedGroup, readOptionalGroupReference } from '../../api/calendarGroups/groupLocator';
import { readCalendarId } from '../../api/calendars/calendarLocator';
import type { Appointment, EventsOwner } from '../../api/appointments/types';
import { requireText } from '../../shared/validation';
import { dateField, itemTimeZone, readDateParameter, timeZoneOption, type AppointmentOptions } from './appointmentFields';

type EventsOf = 'calendar' | 'group' | 'user';

const show = showFor(['getAll'], 'appointment');
const showOf = (of: EventsOf) => ({ show: { ...show?.show, eventsOf: [of] } });

export const description: INodeProperties[] = [
	{
		displayName: 'Appointments Of',
		name: 'eventsOf',
		type: 'options',
		default: 'calendar',
		options: [
			{ name: 'Calendar', value: 'calendar', description: "One calendar's appointments" },
			{ name: 'Calendar Group', value: 'group', description: "The appointments of a group's calendars" },
			{ name: 'User', value: 'user', description: "One user's appointments, in any calendar" },
		],
		description: 'HighLevel lists the appointments of one calendar, one group or one user: pick which',
		displayOptions: show,
	},
	{ ...calendarLocator, displayOptions: showOf('calendar') },
	{ ...optionalGroupLocator('Calendar Group', 'The group whose calendars\' appointments to list', showOf('group')), required: true },
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. YlWd2wuCAZQzh2cH1fVZ',
		description: 'The user who owns the appointments',
		displayOptions: showOf('user'),
	},
	dateField('Start Time', 'startTime', true, 'The start of the range (the date forms Book takes)', show),
	dateField('End Time', 'endTime', true, 'The end of the range', show),
	...returnAllAndLimit(show),
	optionsFor('getAll', [timeZoneOption], 'appointment'),
];

async function readOwner(ctx: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<EventsOwner> {
	const of = ctx.getNodeParameter('eventsOf', itemIndex, 'calendar') as EventsOf;
	if (of === 'calendar') return { calendarId: readCalendarId(ctx, itemIndex) };
	if (of === 'user') return { userId: requireText(ctx.getNode(), ctx.getNodeParameter('userId', itemIndex, ''), 'User ID', itemIndex) };
	const reference = readOptionalGroupReference(ctx, itemIndex);
	if (!reference) {
		throw new NodeOperationError(ctx.getNode(), `Calendar Group is empty in item ${itemIndex}`, {
			itemIndex,
			description: 'Pick the group whose appointments to list, or set Appointments Of to Calendar or User',
		});
	}
	// By ID is sent as it is (HighLevel checks it); a slug is looked up in the location's groups
	if (reference.by !== 'slug') return { groupId: reference.value };
	const group = await findReferencedGroup(ctx, session.directory, session.settings(itemIndex), reference, itemIndex);
	return { groupId: group.id };
}

export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<Appointment[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as AppointmentOptions;
	const timeZone = itemTimeZone(this, options, itemIndex);
	const startMs = readDateParameter(this, 'startTime', 'Start Time', itemIndex, timeZone);
	const endMs = readDateParameter(this, 'endTime', 'End Time', itemIndex, timeZone);
	if (endMs <= startMs) {
		throw new NodeOperationError(this.getNode(), `End Time in item ${itemIndex} is not after Start Time`, {
			itemIndex,
			description: 'Set Start Time to the start of the range and End Time to its end',
		});
	}
	const owner = await readOwner(this, session, itemIndex);
	const events = await session.appointmentsApi.events(session.settings(itemIndex), { ...owner, startMs, endMs });
	if (this.getNodeParameter('returnAll', itemIndex, false) as boolean) return events;
	return events.slice(0, this.getNodeParameter('limit', itemIndex, 50) as number);
}
