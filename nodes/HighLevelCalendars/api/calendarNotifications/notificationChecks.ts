import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { shapeProblem, type Rule } from '../../shared/schemaCheck';

const text: Rule = { type: 'string' };
const flag: Rule = { type: 'boolean' };
const texts: Rule = { type: 'array', items: text };
const schedules: Rule = { type: 'array', items: { type: 'object', properties: { timeOffset: { type: 'number' }, unit: text }, required: [] } };

export const RECEIVER_TYPES = ['contact', 'guest', 'assignedUser', 'emails', 'phoneNumbers', 'business'] as const;
export const CHANNELS = ['email', 'inApp', 'sms', 'whatsapp'] as const;
export const NOTIFICATION_TYPES = ['booked', 'confirmation', 'cancellation', 'reminder', 'followup', 'reschedule'] as const;

/** CreateCalendarNotificationDTO and UpdateCalendarNotificationsDTO (the same in both Versions' files). */
export function notificationBodyRule(operation: 'create' | 'update'): Rule & { type: 'object' } {
	const properties: Record<string, Rule> = {
		receiverType: { type: 'string', enum: RECEIVER_TYPES },
		channel: { type: 'string', enum: CHANNELS },
		notificationType: { type: 'string', enum: NOTIFICATION_TYPES },
		isActive: flag,
		templateId: text,
		body: text,
		subject: text,
		afterTime: schedules,
		beforeTime: schedules,
		additionalEmailIds: texts,
		additionalPhoneNumbers: texts,
		selectedUsers: texts,
		fromAddress: text,
		fromName: text,
		fromNumber: text,
		...(operation === 'update' ? { deleted: flag } : {}),
	};
	const required = operation === 'create' ? ['receiverType', 'channel', 'notificationType'] : [];
	return { type: 'object', properties, required };
}

/** The notification as HighLevel's schema takes it, else the error naming the field, the notification and the item. */
export function checkNotificationBody(node: INode, operation: 'create' | 'update', body: IDataObject, itemIndex: number, position = 0): IDataObject {
	const found = shapeProblem(notificationBodyRule(operation), body, '');
	if (found) {
		const which = position > 0 ? ` (notification ${position + 1})` : '';
		throw new NodeOperationError(node, `Notification field "${found.field}"${which} in item ${itemIndex} ${found.problem}`, {
			itemIndex,
			description: 'Correct the field, or the Notifications (JSON), to what HighLevel documents for calendar notifications (see the README)',
		});
	}
	return body;
}
