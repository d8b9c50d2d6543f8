import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersCollection, optionsFor, returnAllAndLimit, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import type { Service } from '../../api/services/types';
import { firstOf, setFields } from '../../shared/fieldValues';

const show = showFor(['getAll'], 'service');

export const description: INodeProperties[] = [
	...returnAllAndLimit(show),
	filtersCollection([
		{ displayName: 'Private', name: 'isPrivate', type: 'boolean', default: false, description: 'Whether to return only private services (on) or only public ones (off)' },
		{ displayName: 'Service Category ID', name: 'serviceCategoryId', type: 'string', default: '' },
	], show),
	optionsFor('getAll', [], 'service'),
];

/** HighLevel answers every matching service at once (the spec pages none): a Limit keeps the first ones. */
export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<Service[]> {
	const settings = session.settings(itemIndex, { version: 'v3', operation: 'Service → Get Many' });
	const filters = setFields(this.getNodeParameter('filters', itemIndex, {}) as IDataObject);
	return firstOf(this, itemIndex, await session.serviceCatalogApi.list(settings, filters));
}
