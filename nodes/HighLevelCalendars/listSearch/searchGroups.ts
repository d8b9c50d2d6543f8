import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { calendarGroupsApi } from '../execution/session';
import { searchContext } from './searchContext';

/** "From List" of the Calendar Group field: the location's groups, filtered by name or slug. */
export async function searchGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const { connection, settings } = await searchContext(this);
	const groups = await calendarGroupsApi(this, connection).list(settings);
	const needle = (filter ?? '').trim().toLowerCase();
	return {
		results: groups
			.filter((g) => !needle || `${g.name} ${g.slug}`.toLowerCase().includes(needle))
			.map((g) => ({ name: `${g.name} (${g.slug})`, value: g.id })),
	};
}
