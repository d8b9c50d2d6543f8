import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { checkBlockedSlotBody } from '../../api/blockedSlots/blockedSlotBody';
import type { BlockedSlot } from '../../api/blockedSlots/types';
import { isoWithOffset } from '../../shared/dates';
import { ownerFields, readOwner, readRange, readZone, timeField } from './blockedSlotFields';
import { timeZoneOption } from '../appointment/appointmentFields';

const show = showFor(['create'], 'blockedSlot');

export const description: INodeProperties[] = [
	...ownerFields(show),
	timeField('Start Time', 'startTime', 'When the blocked time begins', show),
	timeField('End Time', 'endTime', 'When the blocked time ends', show),
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		placeholder: 'e.g. Team offsite',
		description: 'What the blocked time is for, as the calendar shows it. Leave empty for none.',
		displayOptions: show,
	},
	optionsFor('create', [timeZoneOption], 'blockedSlot'),
];

export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<BlockedSlot[]> {
	const owner = readOwner(this, itemIndex);
	const timeZone = readZone(this, itemIndex);
	const { start, end } = readRange(this, itemIndex, timeZone);
	const title = String(this.getNodeParameter('title', itemIndex, '') ?? '').trim();
	const settings = session.settings(itemIndex);
	const body: IDataObject = {
		locationId: settings.locationId,
		...owner,
		startTime: isoWithOffset(start, timeZone),
		endTime: isoWithOffset(end, timeZone),
	};
	if (title) body.title = title;
	return [await session.blockedSlotsApi.create(settings, checkBlockedSlotBody(this.getNode(), body, itemIndex))];
}
