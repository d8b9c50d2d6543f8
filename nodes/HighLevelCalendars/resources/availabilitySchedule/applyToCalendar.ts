import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ExecutionSession } from '../../execution/session';
import { readScheduleAndCalendar, scheduleAndCalendarFields } from './scheduleFields';

export const description: INodeProperties[] = scheduleAndCalendarFields('applyToCalendar', "The calendar whose free slots follow the schedule for the schedule's user");

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { id, calendarId } = readScheduleAndCalendar(this, itemIndex);
	await session.schedulesApi.applyToCalendar(session.settings(itemIndex), id, calendarId);
	return [{ applied: true, id, calendarId }];
}
