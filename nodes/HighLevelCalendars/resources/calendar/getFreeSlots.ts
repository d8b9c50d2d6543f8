import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { calendarLocator, optionalGroupLocator, optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { readCalendarId } from '../../api/calendars/calendarLocator';
import { slotDurationMs } from '../../api/calendars/slotDuration';
import type { FreeDay } from '../../api/freeSlots/api';
import { answerInstant, isoWithOffset, readInstant, readTimeZone } from '../../shared/dates';

type Output = 'slots' | 'days' | 'first';

const show = showFor(['getFreeSlots'], 'calendar');

const DATE_FORMS = 'An ISO date with an offset, a date and time without one (read in Time Zone), epoch milliseconds, or a DateTime expression';

export const description: INodeProperties[] = [
	optionalGroupLocator('List Calendars of Group', 'Narrows the Calendar list below to one group. Leave empty for all.', show),
	{ ...calendarLocator, description: 'The calendar whose free slots to list', displayOptions: show },
	{ displayName: 'Start', name: 'start', type: 'dateTime', required: true, default: '', description: `The first moment to look at. ${DATE_FORMS}.`, displayOptions: show },
	{
		displayName: 'End',
		name: 'end',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'The last moment to look at. A range over 31 days is asked for in parts of 31 days and merged.',
		displayOptions: show,
	},
	{
		displayName: 'Time Zone',
		name: 'timeZone',
		type: 'string',
		default: '',
		placeholder: 'e.g. America/New_York',
		description: "The IANA time zone HighLevel writes the slots and their dates in, and a Start or End without an offset is read in. Empty: the workflow's time zone.",
		displayOptions: show,
	},
	{
		displayName: 'User IDs',
		name: 'userIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. YlWd2wuCAZQzh2cH1fVZ, 9NkT25Vor1v4aQatFsv2',
		description: "Only the slots these users (comma-separated) are free in. Empty: the calendar's team as it books.",
		displayOptions: show,
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'slots',
		options: [
			{ name: 'One Item per Slot', value: 'slots', description: 'Start, end (from the slot duration), date and time zone of each free slot' },
			{ name: 'One Item per Day', value: 'days', description: "Each date with its free slots' start times" },
			{ name: 'First Free Slot Only', value: 'first', description: 'One item: the earliest free slot (none if there is none)' },
		],
		displayOptions: show,
	},
	optionsFor('getFreeSlots', [], 'calendar'),
];

export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const timeZone = readTimeZone(node, this.getNodeParameter('timeZone', itemIndex, ''), this.getTimezone(), itemIndex);
	const startMs = readInstant(node, this.getNodeParameter('start', itemIndex, ''), { field: 'Start', itemIndex, timeZone });
	const endMs = readInstant(node, this.getNodeParameter('end', itemIndex, ''), { field: 'End', itemIndex, timeZone });
	if (endMs <= startMs) {
		throw new NodeOperationError(node, `End in item ${itemIndex} is not after Start`, {
			itemIndex,
			description: `Start is ${isoWithOffset(startMs, timeZone)}, End ${isoWithOffset(endMs, timeZone)}`,
		});
	}
	const calendarId = readCalendarId(this, itemIndex);
	const userIds = String(this.getNodeParameter('userIds', itemIndex, '') ?? '')
		.split(',')
		.map((id) => id.trim())
		.filter(Boolean);
	const output = this.getNodeParameter('output', itemIndex, 'slots') as Output;
	const settings = session.settings(itemIndex);
	const query = { startMs, endMs, timeZone, userIds };
	const days: FreeDay[] =
		output === 'first'
			? await session.freeSlotsApi.untilFirstSlot(settings, calendarId, query)
			: await session.freeSlotsApi.between(settings, calendarId, query);
	if (output === 'days') return days.map((day) => ({ ...day, timeZone }));
	const durationMs = slotDurationMs(await session.calendar(settings, calendarId));
	const slots = days.flatMap((day) =>
		day.slots.map((start) => ({ start, end: isoWithOffset((answerInstant(start) as number) + durationMs, timeZone), date: day.date, timeZone })),
	);
	return output === 'first' ? slots.slice(0, 1) : slots;
}
