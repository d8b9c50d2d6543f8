import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { calendarsApi } from '../execution/session';
import { searchContext } from './searchContext';

/** "From List" of Assigned User: the team members of the calendar the node names (HighLevel's calendar lists their IDs). */
export async function searchCalendarUsers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const calendarId = String(this.getCurrentNodeParameter('calendar', { extractValue: true }) ?? '').trim();
	if (!calendarId) return { results: [] };
	const { connection, settings } = await searchContext(this);
	const calendar = await calendarsApi(this, connection).get(settings, calendarId);
	const members = Array.isArray(calendar.teamMembers) ? (calendar.teamMembers as Array<{ userId?: unknown; isPrimary?: unknown }>) : [];
	const needle = (filter ?? '').trim().toLowerCase();
	return {
		results: members
			.filter((member) => typeof member.userId === 'string' && member.userId.toLowerCase().includes(needle))
			.map((member) => ({ name: member.isPrimary === true ? `${String(member.userId)} (primary)` : String(member.userId), value: String(member.userId) })),
	};
}
