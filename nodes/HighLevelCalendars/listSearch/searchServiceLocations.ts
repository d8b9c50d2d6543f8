import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { ServiceLocationsApi } from '../api/services/api';
import { apiClient } from '../execution/session';
import { namedResults } from './namedResults';
import { searchContext } from './searchContext';

/** "From List" of the Service Location field: the location's service locations, filtered by name. */
export async function searchServiceLocations(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const { connection, settings } = await searchContext(this);
	return namedResults(await apiClient(this, connection, ServiceLocationsApi).list(settings), filter);
}
