import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { calendarLocator, optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { readCalendarId } from '../../api/calendars/calendarLocator';
import { checkNotificationBody } from '../../api/calendarNotifications/notificationChecks';
import type { CalendarNotification } from '../../api/calendarNotifications/types';
import { channelField, notificationFieldOptions, notificationTypeField, readNotificationFields, receiverTypeField } from './notificationFields';

const show = showFor(['create'], 'calendarNotification');
const showWith = (define: string) => ({ show: { ...show?.show, define: [define] } });

export const description: INodeProperties[] = [
	{ ...calendarLocator, displayOptions: show },
	{
		displayName: 'Define',
		name: 'define',
		type: 'options',
		default: 'fields',
		options: [
			{ name: 'Using Fields Below', value: 'fields', description: 'One notification per item' },
			{ name: 'Using JSON', value: 'json', description: 'One or several notifications per item, as HighLevel takes them' },
		],
		displayOptions: show,
	},
	{ ...receiverTypeField, displayOptions: showWith('fields') },
	{ ...channelField, displayOptions: showWith('fields') },
	{ ...notificationTypeField, displayOptions: showWith('fields') },
	{
		displayName: 'Notification Fields',
		name: 'notificationFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showWith('fields'),
		options: notificationFieldOptions(),
	},
	{
		displayName: 'Notifications (JSON)',
		name: 'notificationsJson',
		type: 'json',
		default: '[{"receiverType": "contact", "channel": "email", "notificationType": "reminder", "beforeTime": [{"timeOffset": 1, "unit": "hours"}]}]',
		description: 'A notification or a list of them, with the properties HighLevel documents. Checked before sending.',
		displayOptions: showWith('json'),
	},
	optionsFor('create', [], 'calendarNotification'),
];

/** Notifications (JSON) as a list of objects, else the error naming the field and the item. */
function readJsonNotifications(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const raw = ctx.getNodeParameter('notificationsJson', itemIndex, '[]') as unknown;
	let parsed: unknown = raw;
	if (typeof raw === 'string') {
		try {
			parsed = JSON.parse(raw);
		} catch {
			parsed = undefined;
		}
	}
	const list = Array.isArray(parsed) ? parsed : [parsed];
	if (list.length === 0 || list.some((entry) => typeof entry !== 'object' || entry === null || Array.isArray(entry))) {
		throw new NodeOperationError(ctx.getNode(), `Notifications (JSON) in item ${itemIndex} is not a notification or a list of them`, {
			itemIndex,
			description: 'Write an object such as {"receiverType": "contact", "channel": "email", "notificationType": "confirmation"}, or a list of them',
		});
	}
	return list as IDataObject[];
}

function readFieldNotification(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = readNotificationFields(ctx, ctx.getNodeParameter('notificationFields', itemIndex, {}) as IDataObject, itemIndex);
	const required = Object.fromEntries(['receiverType', 'channel', 'notificationType'].map((name) => [name, ctx.getNodeParameter(name, itemIndex)]));
	return { ...required, ...fields };
}

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<CalendarNotification[]> {
	const calendarId = readCalendarId(this, itemIndex);
	const define = this.getNodeParameter('define', itemIndex, 'fields') as string;
	const notifications = define === 'json' ? readJsonNotifications(this, itemIndex) : [readFieldNotification(this, itemIndex)];
	notifications.forEach((notification, position) => checkNotificationBody(this.getNode(), 'create', notification, itemIndex, position));
	return await session.notificationsApi.create(session.settings(itemIndex), calendarId, notifications, session.createLookup);
}
