import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { calendarLocator, optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { checkScheduleBody } from '../../api/availabilitySchedules/scheduleChecks';
import type { CalendarSchedule } from '../../api/availabilitySchedules/types';
import { readCalendarId } from '../../api/calendars/calendarLocator';
import { hoursFields, hoursOfParameters, readHours } from './scheduleFields';

const show = showFor(['createCalendarSchedule'], 'availabilitySchedule');

export const description: INodeProperties[] = [
	{ ...calendarLocator, description: 'The event calendar to give its own schedule', displayOptions: show },
	...hoursFields().map((field) => ({ ...field, displayOptions: show })),
	optionsFor('createCalendarSchedule', [], 'availabilitySchedule'),
];

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<CalendarSchedule[]> {
	const node = this.getNode();
	const settings = session.settings(itemIndex, { version: 'v3', operation: "Create Calendar's Own Schedule" });
	const calendarId = readCalendarId(this, itemIndex);
	const body = checkScheduleBody(node, 'createCalendarSchedule', readHours(this, hoursOfParameters(this, itemIndex), itemIndex, true), itemIndex);
	return [await session.schedulesApi.createCalendarSchedule(settings, calendarId, body)];
}
