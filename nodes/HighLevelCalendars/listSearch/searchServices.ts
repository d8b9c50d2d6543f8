import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { ServiceCatalogApi } from '../api/services/api';
import { apiClient } from '../execution/session';
import { namedResults } from './namedResults';
import { searchContext } from './searchContext';

/** "From List" of the Service field: the location's service catalog, filtered by name. */
export async function searchServices(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const { connection, settings } = await searchContext(this);
	return namedResults(await apiClient(this, connection, ServiceCatalogApi).list(settings), filter);
}
