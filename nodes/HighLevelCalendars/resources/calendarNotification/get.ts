import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { calendarLocator, optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { readCalendarId } from '../../api/calendars/calendarLocator';
import type { CalendarNotification } from '../../api/calendarNotifications/types';
import { notificationLocator, readNotificationId } from './notificationFields';

const show = showFor(['get'], 'calendarNotification');

export const description: INodeProperties[] = [
	{ ...calendarLocator, displayOptions: show },
	{ ...notificationLocator, displayOptions: show },
	optionsFor('get', [], 'calendarNotification'),
];

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<CalendarNotification[]> {
	const calendarId = readCalendarId(this, itemIndex);
	const id = readNotificationId(this, itemIndex);
	return [await session.notificationsApi.get(session.settings(itemIndex), calendarId, id)];
}
