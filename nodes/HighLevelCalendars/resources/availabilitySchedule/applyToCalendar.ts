import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { calendarLocator, optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { readCalendarId } from '../../api/calendars/calendarLocator';
import { readScheduleId, scheduleLocator } from './scheduleFields';

const show = showFor(['applyToCalendar'], 'availabilitySchedule');

export const description: INodeProperties[] = [
	{ ...scheduleLocator, displayOptions: show },
	{ ...calendarLocator, description: "The calendar whose free slots follow the schedule for the schedule's user", displayOptions: show },
	optionsFor('applyToCalendar', [], 'availabilitySchedule'),
];

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<IDataObject[]> {
	const id = readScheduleId(this, itemIndex);
	const calendarId = readCalendarId(this, itemIndex);
	await session.schedulesApi.applyToCalendar(session.settings(itemIndex), id, calendarId);
	return [{ applied: true, id, calendarId }];
}
