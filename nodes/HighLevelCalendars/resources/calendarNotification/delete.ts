import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { calendarLocator, optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { readCalendarId } from '../../api/calendars/calendarLocator';
import { notificationLocator, readNotificationId } from './notificationFields';

const show = showFor(['delete'], 'calendarNotification');

export const description: INodeProperties[] = [
	{ ...calendarLocator, displayOptions: show },
	{ ...notificationLocator, displayOptions: show },
	optionsFor('delete', [], 'calendarNotification'),
];

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<IDataObject[]> {
	const calendarId = readCalendarId(this, itemIndex);
	const id = readNotificationId(this, itemIndex);
	await session.notificationsApi.delete(session.settings(itemIndex), calendarId, id);
	return [{ deleted: true, id }];
}
