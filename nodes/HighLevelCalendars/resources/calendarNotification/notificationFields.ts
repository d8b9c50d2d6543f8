import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTextList, requireText } from '../../shared/validation';

export const notificationLocator: INodeProperties = {
	displayName: 'Notification',
	name: 'notification',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: "The calendar's notification to act on",
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a notification...',
			typeOptions: { searchListMethod: 'searchCalendarNotifications', searchable: true },
		},
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 65f1c0a9e4b0a1b2c3d4e5f6' },
	],
};

export const receiverTypeField: INodeProperties = {
	displayName: 'Receiver',
	name: 'receiverType',
	type: 'options',
	default: 'contact',
	options: [
		{ name: 'Assigned User', value: 'assignedUser' },
		{ name: 'Business', value: 'business', description: 'The users chosen in Selected Users' },
		{ name: 'Contact', value: 'contact', description: 'The contact who booked' },
		{ name: 'Email Addresses', value: 'emails', description: 'The addresses in Additional Emails' },
		{ name: 'Guest', value: 'guest' },
		{ name: 'Phone Numbers', value: 'phoneNumbers', description: 'The numbers in Additional Phone Numbers' },
	],
	description: 'Who gets the notification',
};

export const channelField: INodeProperties = {
	displayName: 'Channel',
	name: 'channel',
	type: 'options',
	default: 'email',
	options: [
		{ name: 'Email', value: 'email' },
		{ name: 'In-App', value: 'inApp' },
		{ name: 'SMS', value: 'sms' },
		{ name: 'WhatsApp', value: 'whatsapp' },
	],
};

export const notificationTypeField: INodeProperties = {
	displayName: 'Notification Type',
	name: 'notificationType',
	type: 'options',
	default: 'confirmation',
	options: [
		{ name: 'Booked', value: 'booked' },
		{ name: 'Cancellation', value: 'cancellation' },
		{ name: 'Confirmation', value: 'confirmation' },
		{ name: 'Follow-Up', value: 'followup', description: 'Sent after the appointment (set Follow-Up Times)' },
		{ name: 'Reminder', value: 'reminder', description: 'Sent before the appointment (set Reminder Times)' },
		{ name: 'Reschedule', value: 'reschedule' },
	],
	description: 'Which appointment event sends it',
};

// HighLevel documents the time unit as text with the example "hours" only; these are the units its calendars use
const times = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Time',
	default: {},
	description,
	options: [
		{
			displayName: 'Time',
			name: 'time',
			values: [
				{ displayName: 'Offset', name: 'timeOffset', type: 'number', typeOptions: { minValue: 0 }, default: 1 },
				{
					displayName: 'Unit',
					name: 'unit',
					type: 'options',
					default: 'hours',
					options: [
						{ name: 'Minutes', value: 'mins' },
						{ name: 'Hours', value: 'hours' },
						{ name: 'Days', value: 'days' },
					],
				},
			],
		},
	],
});

const text = (displayName: string, name: string, description?: string): INodeProperties => ({ displayName, name, type: 'string', default: '', description });

/** The optional fields of a notification, as Create's Notification Fields and Update's Update Fields offer them. */
export function notificationFieldOptions(): INodeProperties[] {
	return [
		{ displayName: 'Active', name: 'isActive', type: 'boolean', default: true, description: 'Whether the notification is sent' },
		text('Additional Emails', 'additionalEmailIds', 'Email addresses that get it too, comma-separated'),
		text('Additional Phone Numbers', 'additionalPhoneNumbers', 'Phone numbers that get it too, comma-separated'),
		text('Body', 'body', 'The message (not for in-app notifications)'),
		times('Follow-Up Times', 'afterTime', 'For a follow-up: how long after the appointment it is sent'),
		text('From Address', 'fromAddress', 'The sender address of an email'),
		text('From Name', 'fromName', 'The sender name of an email or SMS'),
		text('From Number', 'fromNumber', 'The sender number of an SMS'),
		times('Reminder Times', 'beforeTime', 'For a reminder: how long before the appointment it is sent'),
		text('Selected Users', 'selectedUsers', 'User IDs (or sub_account_admin) for in-app and business notifications, comma-separated'),
		text('Subject', 'subject', 'The subject of an email'),
		text('Template ID', 'templateId', 'The email template to use'),
	];
}

const LISTS = ['additionalEmailIds', 'additionalPhoneNumbers', 'selectedUsers'];
const LIST_LABELS: Record<string, string> = { additionalEmailIds: 'Additional Emails', additionalPhoneNumbers: 'Additional Phone Numbers', selectedUsers: 'Selected Users' };

/** The fields set, as the notification's properties: lists as lists, times as HighLevel's schedules. */
export function readNotificationFields(ctx: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (LISTS.includes(key)) body[key] = readTextList(ctx.getNode(), value, LIST_LABELS[key], itemIndex);
		else if (key === 'beforeTime' || key === 'afterTime') body[key] = ((value as { time?: IDataObject[] }).time ?? []).map(({ timeOffset, unit }) => ({ timeOffset, unit }));
		else body[key] = value;
	}
	return body;
}

export function readNotificationId(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireText(ctx.getNode(), ctx.getNodeParameter('notification', itemIndex, '', { extractValue: true }), 'Notification', itemIndex);
}
