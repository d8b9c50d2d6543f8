import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { readScheduleId, scheduleLocator } from './scheduleFields';

export const description: INodeProperties[] = [
	{ ...scheduleLocator, displayOptions: showFor(['delete'], 'availabilitySchedule') },
	optionsFor('delete', [], 'availabilitySchedule'),
];

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<IDataObject[]> {
	const id = readScheduleId(this, itemIndex);
	await session.schedulesApi.delete(session.settings(itemIndex), id);
	return [{ deleted: true, id }];
}
