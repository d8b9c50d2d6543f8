import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { CalendarNotificationsApi } from '../api/calendarNotifications/api';
import { apiClient } from '../execution/session';
import { searchContext } from './searchContext';

/** "From List" of the Notification field: the picked calendar's notifications, named by type, channel and receiver. */
export async function searchCalendarNotifications(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const calendarId = String(this.getCurrentNodeParameter('calendar', { extractValue: true }) ?? '').trim();
	if (calendarId === '') return { results: [] };
	const { connection, settings } = await searchContext(this);
	const notifications = await apiClient(this, connection, CalendarNotificationsApi).list(settings, calendarId);
	const needle = (filter ?? '').trim().toLowerCase();
	return {
		results: notifications
			.map((n) => ({ name: `${n.notificationType ?? '?'} by ${n.channel ?? '?'} to ${n.receiverType ?? '?'}${n.isActive === false ? ' (inactive)' : ''}`, value: n._id }))
			.filter((result) => !needle || result.name.toLowerCase().includes(needle)),
	};
}
