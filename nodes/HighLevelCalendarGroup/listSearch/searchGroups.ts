import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { calendarGroupsApi, locationOf, withLocationTokens } from '../execution/session';
import { loadConnection, type Authentication } from '../transport/connection';
import { requestSettings, type RequestOptions } from '../transport/requestSettings';

/** "From List" of the Calendar Group field: the location's groups, filtered by name or slug. */
export async function searchGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const authentication = this.getCurrentNodeParameter('authentication') as Authentication;
	const connection = withLocationTokens(this, await loadConnection(this, authentication));
	const locationId = locationOf(connection, this.getCurrentNodeParameter('locationId', { extractValue: true }));
	const options = (this.getCurrentNodeParameter('options') ?? {}) as RequestOptions;
	const groups = await calendarGroupsApi(this, connection).list(requestSettings(locationId, options));
	const needle = (filter ?? '').trim().toLowerCase();
	return {
		results: groups
			.filter((g) => !needle || `${g.name} ${g.slug}`.toLowerCase().includes(needle))
			.map((g) => ({ name: `${g.name} (${g.slug})`, value: g.id })),
	};
}
