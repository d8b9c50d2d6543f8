import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { calendarLocator, optionsFor, returnAllAndLimit, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import type { AvailabilitySchedule } from '../../api/availabilitySchedules/types';
import { requireText } from '../../shared/validation';
import { userIdField } from './scheduleFields';

const show = showFor(['search'], 'availabilitySchedule');

export const description: INodeProperties[] = [
	{ ...userIdField(show), description: "The user whose schedules to return (HighLevel lists schedules per user)" },
	{ ...calendarLocator, name: 'appliedTo', displayName: 'Applied to Calendar', required: false, description: 'Only the schedules applied to this calendar (empty: all of the user\'s)', displayOptions: show },
	...returnAllAndLimit(show),
	optionsFor('search', [], 'availabilitySchedule'),
];

/** Return All pages through limit and skip; a Limit asks for no more than it returns. */
export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<AvailabilitySchedule[]> {
	const userId = requireText(this.getNode(), this.getNodeParameter('userId', itemIndex), 'User ID', itemIndex);
	const calendarId = String(this.getNodeParameter('appliedTo', itemIndex, '', { extractValue: true }) ?? '').trim() || undefined;
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const max = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
	return await session.schedulesApi.search(session.settings(itemIndex), { userId, calendarId }, max);
}
