import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { calendarLocator, optionsFor, showFor, updateFieldsCollection } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { readCalendarId } from '../../api/calendars/calendarLocator';
import { checkNotificationBody } from '../../api/calendarNotifications/notificationChecks';
import type { CalendarNotification } from '../../api/calendarNotifications/types';
import { requireUpdate } from '../../shared/fieldValues';
import {
	channelField,
	notificationFieldOptions,
	notificationLocator,
	notificationTypeField,
	readNotificationFields,
	readNotificationId,
	receiverTypeField,
} from './notificationFields';

const show = showFor(['update'], 'calendarNotification');

export const description: INodeProperties[] = [
	{ ...calendarLocator, displayOptions: show },
	{ ...notificationLocator, displayOptions: show },
	updateFieldsCollection(
		([
			...notificationFieldOptions(),
			channelField,
			{ displayName: 'Deleted', name: 'deleted', type: 'boolean', default: false, description: 'Whether the notification is marked deleted (off restores a deleted one)' },
			notificationTypeField,
			receiverTypeField,
		] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName)),
		show,
	),
	optionsFor('update', [], 'calendarNotification'),
];

/** HighLevel answers an update with a message only: the notification is read back to output it. */
export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<CalendarNotification[]> {
	const node = this.getNode();
	const calendarId = readCalendarId(this, itemIndex);
	const id = readNotificationId(this, itemIndex);
	const fields = readNotificationFields(this, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, itemIndex);
	requireUpdate(node, fields, itemIndex);
	const body = checkNotificationBody(node, 'update', fields, itemIndex);
	const settings = session.settings(itemIndex);
	await session.notificationsApi.update(settings, calendarId, id, body);
	return [await session.notificationsApi.get(settings, calendarId, id)];
}
