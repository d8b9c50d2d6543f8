import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { calendarLocator, optionsFor, showFor, updateFieldsCollection } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { checkScheduleBody } from '../../api/availabilitySchedules/scheduleChecks';
import type { CalendarSchedule } from '../../api/availabilitySchedules/types';
import { readCalendarId } from '../../api/calendars/calendarLocator';
import { hoursFields, readHours } from './scheduleFields';
import { requireUpdate } from '../../shared/fieldValues';

const show = showFor(['updateCalendarSchedule'], 'availabilitySchedule');

export const description: INodeProperties[] = [
	{ ...calendarLocator, description: 'The event calendar whose own schedule to change', displayOptions: show },
	updateFieldsCollection(hoursFields().sort((a, b) => a.displayName.localeCompare(b.displayName)), show),
	optionsFor('updateCalendarSchedule', [], 'availabilitySchedule'),
];

/** Weekly Hours or Date Hours set replace all the schedule's hours. */
export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<CalendarSchedule[]> {
	const node = this.getNode();
	const settings = session.settings(itemIndex, { version: 'v3', operation: "Update Calendar's Own Schedule" });
	const calendarId = readCalendarId(this, itemIndex);
	const body = readHours(this, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, itemIndex, false);
	requireUpdate(node, body, itemIndex);
	return [await session.schedulesApi.updateCalendarSchedule(settings, calendarId, checkScheduleBody(node, 'updateCalendarSchedule', body, itemIndex))];
}
