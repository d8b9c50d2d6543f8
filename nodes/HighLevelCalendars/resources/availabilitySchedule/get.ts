import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import type { AvailabilitySchedule } from '../../api/availabilitySchedules/types';
import { readScheduleId, scheduleLocator } from './scheduleFields';

export const description: INodeProperties[] = [
	{ ...scheduleLocator, displayOptions: showFor(['get'], 'availabilitySchedule') },
	optionsFor('get', [], 'availabilitySchedule'),
];

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<AvailabilitySchedule[]> {
	return [await session.schedulesApi.get(session.settings(itemIndex), readScheduleId(this, itemIndex))];
}
