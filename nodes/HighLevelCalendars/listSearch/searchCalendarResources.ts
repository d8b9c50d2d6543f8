import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { ResourceType } from '../api/calendarResources/types';
import { CalendarResourcesApi } from '../api/calendarResources/api';
import { apiClient } from '../execution/session';
import { searchContext } from './searchContext';

/** "From List" of the Calendar Resource field: the location's rooms or equipment (as Type says), filtered by name. */
export async function searchCalendarResources(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const { connection, settings } = await searchContext(this);
	const type = (this.getCurrentNodeParameter('resourceType') ?? 'rooms') as ResourceType;
	const records = await apiClient(this, connection, CalendarResourcesApi).list(settings, type);
	const needle = (filter ?? '').trim().toLowerCase();
	return {
		results: records
			.filter((record) => (record.id ?? record._id) !== undefined && (!needle || record.name.toLowerCase().includes(needle)))
			.map((record) => ({ name: record.name, value: String(record.id ?? record._id) })),
	};
}
