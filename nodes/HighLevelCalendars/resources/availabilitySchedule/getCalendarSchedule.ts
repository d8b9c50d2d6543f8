import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { calendarLocator, optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import type { CalendarSchedule } from '../../api/availabilitySchedules/types';
import { readCalendarId } from '../../api/calendars/calendarLocator';

const show = showFor(['getCalendarSchedule'], 'availabilitySchedule');

export const description: INodeProperties[] = [
	{ ...calendarLocator, description: 'The event calendar whose own schedule to get', displayOptions: show },
	optionsFor('getCalendarSchedule', [], 'availabilitySchedule'),
];

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<CalendarSchedule[]> {
	const settings = session.settings(itemIndex, { version: 'v3', operation: "Get Calendar's Own Schedule" });
	const calendarId = readCalendarId(this, itemIndex);
	return [await session.schedulesApi.getCalendarSchedule(settings, calendarId)];
}
