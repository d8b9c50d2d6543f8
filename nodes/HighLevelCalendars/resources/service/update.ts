import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, showFor, updateFieldsCollection } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { checkServiceBody } from '../../api/services/serviceChecks';
import type { Service } from '../../api/services/types';
import { requireUpdate } from '../../shared/fieldValues';
import { requireSlug } from '../../shared/validation';
import { readServiceFields, readServiceId, serviceFieldOptions, serviceLocator, staffIdsField } from './serviceFields';

const show = showFor(['update'], 'service');

export const description: INodeProperties[] = [
	{ ...serviceLocator, displayOptions: show },
	updateFieldsCollection(
		[
			...serviceFieldOptions(),
			{ displayName: 'Name', name: 'name', type: 'string', default: '' } as INodeProperties,
			{ displayName: 'Slug', name: 'slug', type: 'string', default: '' } as INodeProperties,
			{ ...staffIdsField, description: 'The users who give the service, comma-separated: they replace the ones it has' },
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
		show,
	),
	optionsFor('update', [], 'service'),
];

export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<Service[]> {
	const settings = session.settings(itemIndex, { version: 'v3', operation: 'Service → Update' });
	const id = readServiceId(this, itemIndex);
	const fields = requireUpdate(this.getNode(), readServiceFields(this, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, itemIndex), itemIndex);
	if (fields.slug !== undefined) fields.slug = requireSlug(this.getNode(), fields.slug, itemIndex);
	const body = checkServiceBody(this.getNode(), 'service', 'update', fields, itemIndex);
	return [await session.serviceCatalogApi.update(settings, id, body)];
}
