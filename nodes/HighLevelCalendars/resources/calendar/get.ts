import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { calendarLocator, optionalGroupLocator, optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { readCalendarId } from '../../api/calendars/calendarLocator';
import type { Calendar } from '../../api/calendars/types';

const show = showFor(['get'], 'calendar');

export const description: INodeProperties[] = [
	optionalGroupLocator('List Calendars of Group', 'Narrows the Calendar list below to one group. Leave empty for all.', show),
	{ ...calendarLocator, displayOptions: show },
	optionsFor('get', [], 'calendar'),
];

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<Calendar[]> {
	const calendarId = readCalendarId(this, itemIndex);
	return [await session.calendarsApi.get(session.settings(itemIndex), calendarId)];
}
