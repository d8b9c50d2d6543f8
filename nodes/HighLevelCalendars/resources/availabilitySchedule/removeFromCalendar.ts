import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ExecutionSession } from '../../execution/session';
import { readScheduleAndCalendar, scheduleAndCalendarFields } from './scheduleFields';

export const description: INodeProperties[] = scheduleAndCalendarFields('removeFromCalendar', "The calendar the schedule no longer applies to");

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { id, calendarId } = readScheduleAndCalendar(this, itemIndex);
	await session.schedulesApi.removeFromCalendar(session.settings(itemIndex), id, calendarId);
	return [{ removed: true, id, calendarId }];
}
