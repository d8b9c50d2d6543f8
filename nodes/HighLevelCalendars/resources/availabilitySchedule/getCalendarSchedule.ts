import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { calendarLocator, optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import type { CalendarSchedule } from '../../api/availabilitySchedules/types';
import { CALENDAR_SCHEDULE_NOTE, ownScheduleCalendar } from './scheduleFields';

const show = showFor(['getCalendarSchedule'], 'availabilitySchedule');

export const description: INodeProperties[] = [
	{ ...CALENDAR_SCHEDULE_NOTE, displayOptions: show },
	{ ...calendarLocator, description: 'The event calendar whose own schedule to get', displayOptions: show },
	optionsFor('getCalendarSchedule', [], 'availabilitySchedule'),
];

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<CalendarSchedule[]> {
	const settings = session.settings(itemIndex);
	const calendarId = ownScheduleCalendar(this, settings, "Get Calendar's Own Schedule", itemIndex);
	return [await session.schedulesApi.getCalendarSchedule(settings, calendarId)];
}
