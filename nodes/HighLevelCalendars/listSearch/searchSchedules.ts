import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { AvailabilitySchedulesApi } from '../api/availabilitySchedules/api';
import { apiClient, calendarsApi } from '../execution/session';
import { searchContext } from './searchContext';

/**
 * "From List" of the Schedule field: HighLevel lists schedules per user only, so the schedules of the node's User ID,
 * else of every team member of the location's calendars; filtered by name.
 */
export async function searchSchedules(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const { connection, settings } = await searchContext(this);
	const named = String(this.getCurrentNodeParameter('userId') ?? '').trim();
	const members = named ? [] : (await calendarsApi(this, connection).list(settings)).flatMap((c) => (Array.isArray(c.teamMembers) ? c.teamMembers : []));
	const userIds = named ? [named] : [...new Set(members.map((m) => (m as { userId?: unknown }).userId).filter((id): id is string => typeof id === 'string'))];
	const api = apiClient(this, connection, AvailabilitySchedulesApi);
	const schedules = (await Promise.all(userIds.map(async (userId) => await api.search(settings, { userId })))).flat();
	const needle = (filter ?? '').trim().toLowerCase();
	return {
		results: schedules
			.filter((s) => !needle || s.name.toLowerCase().includes(needle))
			.map((s) => ({ name: named ? s.name : `${s.name} (${s.userId})`, value: s.id })),
	};
}
