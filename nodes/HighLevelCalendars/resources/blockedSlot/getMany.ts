import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { calendarLocator, groupLocator, optionsFor, returnAllAndLimit, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { findReferencedGroup, readGroupReference } from '../../api/calendarGroups/groupLocator';
import { readCalendarId } from '../../api/calendars/calendarLocator';
import type { BlockedSlot, BlockedSlotsOf } from '../../api/blockedSlots/types';
import { epochMsText } from '../../shared/dates';
import { readRange, readUserId, readZone, timeField, userIdField } from './blockedSlotFields';
import { timeZoneOption } from '../appointment/appointmentFields';

const show = showFor(['getAll'], 'blockedSlot');
const showOf = (of: string): INodeProperties['displayOptions'] => ({ show: { ...show?.show, blockedSlotsOf: [of] } });

export const description: INodeProperties[] = [
	{
		displayName: 'Blocked Slots Of',
		name: 'blockedSlotsOf',
		type: 'options',
		options: [
			{ name: 'Calendar', value: 'calendar' },
			{ name: 'Calendar Group', value: 'group' },
			{ name: 'User', value: 'user' },
		],
		default: 'calendar',
		description: 'Whose blocked slots to list: HighLevel lists those of one calendar, one group or one user, never a whole location',
		displayOptions: show,
	},
	{ ...calendarLocator, description: 'The calendar whose blocked slots to list', displayOptions: showOf('calendar') },
	{ ...groupLocator, description: 'The group whose blocked slots to list', displayOptions: showOf('group') },
	userIdField('The sub-account user whose blocked slots to list', showOf('user')),
	timeField('Start Time', 'startTime', 'The beginning of the range to list', show),
	timeField('End Time', 'endTime', 'The end of the range to list', show),
	...returnAllAndLimit(show),
	optionsFor('getAll', [timeZoneOption], 'blockedSlot'),
];

async function readWhose(ctx: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<BlockedSlotsOf> {
	const of = ctx.getNodeParameter('blockedSlotsOf', itemIndex, 'calendar') as string;
	if (of === 'user') return { userId: readUserId(ctx, itemIndex) };
	if (of === 'calendar') return { calendarId: readCalendarId(ctx, itemIndex) };
	const reference = readGroupReference(ctx, itemIndex);
	if (reference.by === 'id') return { groupId: reference.value };
	return { groupId: (await findReferencedGroup(ctx, session.directory, session.settings(itemIndex), reference, itemIndex)).id };
}

export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<BlockedSlot[]> {
	const timeZone = readZone(this, itemIndex);
	const { start, end } = readRange(this, itemIndex, timeZone);
	const whose = await readWhose(this, session, itemIndex);
	const range = { startTime: epochMsText(start), endTime: epochMsText(end) };
	const slots = await session.blockedSlotsApi.list(session.settings(itemIndex), whose, range);
	if (this.getNodeParameter('returnAll', itemIndex, false) as boolean) return slots;
	return slots.slice(0, this.getNodeParameter('limit', itemIndex, 50) as number);
}
