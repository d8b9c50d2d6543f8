import type { ILoadOptionsFunctions, INodeListSearchResult, INodeParameterResourceLocator } from 'n8n-workflow';

import { calendarGroupsApi, calendarsApi } from '../execution/session';
import { searchContext } from './searchContext';

/**
 * "From List" of the Calendar field: the location's calendars, filtered by name or slug, and to one group when the
 * operation names one (List Calendars of Group).
 */
export async function searchCalendars(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const { connection, settings } = await searchContext(this);
	const group = this.getCurrentNodeParameter('calendarGroup') as INodeParameterResourceLocator | undefined;
	let groupId = String(group?.value ?? '').trim() || undefined;
	if (groupId !== undefined && group?.mode === 'slug') {
		const groups = await calendarGroupsApi(this, connection).list(settings);
		groupId = groups.find((g) => g.slug === groupId)?.id ?? groupId;
	}
	const calendars = await calendarsApi(this, connection).list(settings, { groupId });
	const needle = (filter ?? '').trim().toLowerCase();
	return {
		results: calendars
			.filter((c) => !needle || `${c.name} ${c.slug ?? ''}`.toLowerCase().includes(needle))
			.map((c) => ({ name: c.slug ? `${c.name} (${c.slug})` : c.name, value: c.id })),
	};
}
