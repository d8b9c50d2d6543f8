import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, showFor, updateFieldsCollection } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { checkScheduleBody } from '../../api/availabilitySchedules/scheduleChecks';
import type { AvailabilitySchedule } from '../../api/availabilitySchedules/types';
import { hoursFields, readHours, readScheduleId, scheduleLocator } from './scheduleFields';
import { requireUpdate } from '../../shared/fieldValues';

const show = showFor(['update'], 'availabilitySchedule');

export const description: INodeProperties[] = [
	{ ...scheduleLocator, displayOptions: show },
	updateFieldsCollection(([...hoursFields(), { displayName: 'Name', name: 'name', type: 'string', default: '' }] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName)), show),
	optionsFor('update', [], 'availabilitySchedule'),
];

/** Weekly Hours or Date Hours set replace all the schedule's hours (HighLevel takes the rules as one list). */
export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<AvailabilitySchedule[]> {
	const node = this.getNode();
	const id = readScheduleId(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { ...readHours(this, fields, itemIndex, false) };
	if (fields.name !== undefined) body.name = fields.name;
	requireUpdate(node, body, itemIndex);
	return [await session.schedulesApi.update(session.settings(itemIndex), id, checkScheduleBody(node, 'update', body, itemIndex))];
}
