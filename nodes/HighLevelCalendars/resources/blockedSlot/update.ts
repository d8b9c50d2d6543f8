import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, showFor, updateFieldsCollection } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { checkBlockedSlotBody } from '../../api/blockedSlots/blockedSlotBody';
import type { BlockedSlot } from '../../api/blockedSlots/types';
import { isoWithOffset } from '../../shared/dates';
import { readOptionalDateParameter, timeZoneOption } from '../appointment/appointmentFields';
import { requireUpdate } from '../../shared/fieldValues';
import {
	blockedSlotIdField,
	ownerFields,
	readBlockedSlotId,
	readOwner,
	requireOrder,
	readZone,
	timeField,
} from './blockedSlotFields';

const show = showFor(['update'], 'blockedSlot');

export const description: INodeProperties[] = [
	blockedSlotIdField(show),
	...ownerFields(show),
	updateFieldsCollection(
		[
			timeField('End Time', 'endTime', 'When the blocked time ends', undefined, false),
			timeField('Start Time', 'startTime', 'When the blocked time begins', undefined, false),
			{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'What the blocked time is for' },
		],
		show,
	),
	optionsFor('update', [timeZoneOption], 'blockedSlot'),
];

/** HighLevel's BlockSlotEditRequestDTO requires the owner and the location, so they are sent with the changes. */
export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<BlockedSlot[]> {
	const eventId = readBlockedSlotId(this, itemIndex);
	const owner = readOwner(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const timeZone = readZone(this, itemIndex);
	const read = (name: string, label: string) => readOptionalDateParameter(this, fields[name], label, itemIndex, timeZone);
	const [start, end] = [read('startTime', 'Start Time'), read('endTime', 'End Time')];
	if (start !== undefined && end !== undefined) requireOrder(this, itemIndex, start, end);
	const changes: IDataObject = {};
	if (start !== undefined) changes.startTime = isoWithOffset(start, timeZone);
	if (end !== undefined) changes.endTime = isoWithOffset(end, timeZone);
	if (fields.title !== undefined) changes.title = String(fields.title);
	requireUpdate(this.getNode(), changes, itemIndex);
	const settings = session.settings(itemIndex);
	const body = checkBlockedSlotBody(this.getNode(), { locationId: settings.locationId, ...owner, ...changes }, itemIndex);
	return [await session.blockedSlotsApi.update(settings, eventId, body)];
}
