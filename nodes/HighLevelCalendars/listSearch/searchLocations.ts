import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { loadConnection } from '../transport/connection';
import { sendToHighLevel } from '../transport/request';
import { requestSettings } from '../transport/requestSettings';

interface Location {
	id?: string;
	name?: string;
}

function readLocations(body: unknown): Location[] {
	const locations = (body as { locations?: unknown } | undefined)?.locations;
	return Array.isArray(locations) ? (locations as Location[]) : [];
}

/** "From List" of Location ID with the agency credential: the agency's sub-accounts, filtered by name or ID. */
export async function searchLocations(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const connection = await loadConnection(this, 'agencyOAuth2');
	const companyId = connection.companyId ?? '';
	const locations = await sendToHighLevel(this, connection, requestSettings(companyId), {
		method: 'GET',
		path: '/locations/search',
		version: '2021-07-28',
		scope: 'locations.readonly',
		query: { companyId, limit: 1000 },
		read: readLocations,
	});
	const needle = (filter ?? '').trim().toLowerCase();
	return {
		results: locations
			.filter((location) => typeof location.id === 'string')
			.filter((location) => !needle || `${location.name ?? ''} ${location.id}`.toLowerCase().includes(needle))
			.map((location) => ({ name: `${location.name ?? location.id} (${location.id})`, value: location.id as string })),
	};
}
