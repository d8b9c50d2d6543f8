import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { CalendarGroupsApi } from '../calendarGroups/api';
import { DEFAULT_API_VERSION, type ApiVersion } from '../shared/apiVersion';
import { loadConnection, type Authentication } from '../transport/connection';
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from '../shared/descriptions';

/** "From List" of the Calendar Group field: the location's groups, filtered by name or slug. */
export async function searchGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const authentication = this.getCurrentNodeParameter('authentication') as Authentication;
	const connection = await loadConnection(this, authentication);
	const override = String(this.getCurrentNodeParameter('locationId') ?? '').trim();
	const options = (this.getCurrentNodeParameter('options') ?? {}) as { apiVersion?: ApiVersion };
	const groups = await new CalendarGroupsApi(this, connection).list({
		itemIndex: 0,
		locationId: override || connection.defaultLocationId,
		version: options.apiVersion ?? DEFAULT_API_VERSION,
		maxRetries: DEFAULT_MAX_RETRIES,
		timeoutMs: DEFAULT_TIMEOUT_MS,
	});
	const needle = (filter ?? '').trim().toLowerCase();
	return {
		results: groups
			.filter((g) => !needle || `${g.name} ${g.slug}`.toLowerCase().includes(needle))
			.map((g) => ({ name: `${g.name} (${g.slug})`, value: g.id })),
	};
}
