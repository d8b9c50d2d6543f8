import type { IDataObject } from 'n8n-workflow';

/** A calendar's notification as HighLevel answers it (CalendarNotificationResponseDTO). */
export interface CalendarNotification extends IDataObject {
	_id: string;
	receiverType?: string;
	channel?: string;
	notificationType?: string;
	isActive?: boolean;
	deleted?: boolean;
}

/** Get Many's filters: the spec's isActive and deleted query parameters. */
export interface NotificationFilter {
	isActive?: boolean;
	deleted?: boolean;
}
