import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection, nameField, optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { checkServiceBody } from '../../api/services/serviceChecks';
import type { Service } from '../../api/services/types';
import { refuseEmpty, requireSlug, requireText, slugify } from '../../shared/validation';
import { readServiceFields, readStaff, serviceFieldOptions, staffIdsField } from './serviceFields';

const show = showFor(['create'], 'service');

export const description: INodeProperties[] = [
	nameField('e.g. Hair Styling', show),
	{ displayName: 'Slug', name: 'slug', type: 'string', default: '', placeholder: 'e.g. hair-styling (empty: from the name)', description: "The service's unique URL-friendly name in the sub-account", displayOptions: show },
	{ ...staffIdsField, required: true, displayOptions: show },
	additionalFieldsCollection(serviceFieldOptions(), show),
	optionsFor('create', [], 'service'),
];

export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<Service[]> {
	const settings = session.settings(itemIndex, { version: 'v3', operation: 'Service → Create' });
	const node = this.getNode();
	const name = requireText(node, this.getNodeParameter('name', itemIndex), 'Name', itemIndex);
	const slug = requireSlug(node, (this.getNodeParameter('slug', itemIndex, '') as string) || slugify(name), itemIndex);
	const staff = readStaff(this, this.getNodeParameter('staffIds', itemIndex, ''), itemIndex);
	if (staff.length === 0) refuseEmpty(node, 'Staff IDs', itemIndex);
	const fields = { name, slug, staff, ...readServiceFields(this, this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, itemIndex) };
	checkServiceBody(node, 'service', 'create', { ...fields, locationId: settings.locationId }, itemIndex);
	return [await session.serviceCatalogApi.create(settings, fields, session.createLookup)];
}
