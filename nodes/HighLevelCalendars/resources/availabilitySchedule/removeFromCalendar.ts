import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { calendarLocator, optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { readCalendarId } from '../../api/calendars/calendarLocator';
import { readScheduleId, scheduleLocator } from './scheduleFields';

const show = showFor(['removeFromCalendar'], 'availabilitySchedule');

export const description: INodeProperties[] = [
	{ ...scheduleLocator, displayOptions: show },
	{ ...calendarLocator, description: 'The calendar the schedule no longer applies to', displayOptions: show },
	optionsFor('removeFromCalendar', [], 'availabilitySchedule'),
];

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<IDataObject[]> {
	const id = readScheduleId(this, itemIndex);
	const calendarId = readCalendarId(this, itemIndex);
	await session.schedulesApi.removeFromCalendar(session.settings(itemIndex), id, calendarId);
	return [{ removed: true, id, calendarId }];
}
