import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { calendarLocator, filtersCollection, optionsFor, returnAllAndLimit, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { readCalendarId } from '../../api/calendars/calendarLocator';
import type { CalendarNotification, NotificationFilter } from '../../api/calendarNotifications/types';

const show = showFor(['getAll'], 'calendarNotification');

export const description: INodeProperties[] = [
	{ ...calendarLocator, displayOptions: show },
	...returnAllAndLimit(show),
	filtersCollection(
		[
			{ displayName: 'Active', name: 'isActive', type: 'boolean', default: true, description: 'Whether to return only active notifications (off: only inactive ones)' },
			{ displayName: 'Deleted', name: 'deleted', type: 'boolean', default: false, description: 'Whether to return the deleted notifications instead of the others' },
		],
		show,
	),
	optionsFor('getAll', [], 'calendarNotification'),
];

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<CalendarNotification[]> {
	const calendarId = readCalendarId(this, itemIndex);
	const filter = this.getNodeParameter('filters', itemIndex, {}) as NotificationFilter;
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const max = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
	return await session.notificationsApi.list(session.settings(itemIndex), calendarId, filter, max);
}
