import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection, nameField, optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { checkServiceBody } from '../../api/services/serviceChecks';
import type { ServiceLocation } from '../../api/services/types';
import { requireSlug, requireText, slugify } from '../../shared/validation';
import { setFields } from '../../shared/fieldValues';
import { serviceLocationFieldOptions } from './locationFields';

const show = showFor(['create'], 'serviceLocation');

export const description: INodeProperties[] = [
	nameField('e.g. Midtown Therapy Studio', show),
	{ displayName: 'Slug', name: 'slug', type: 'string', default: '', placeholder: 'e.g. midtown-therapy-studio (empty: from the name)', description: "The service location's unique URL-friendly name in the sub-account", displayOptions: show },
	additionalFieldsCollection(serviceLocationFieldOptions(), show),
	optionsFor('create', [], 'serviceLocation'),
];

export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<ServiceLocation[]> {
	const settings = session.settings(itemIndex, { version: 'v3', operation: 'Service Location → Create' });
	const node = this.getNode();
	const name = requireText(node, this.getNodeParameter('name', itemIndex), 'Name', itemIndex);
	const slug = requireSlug(node, (this.getNodeParameter('slug', itemIndex, '') as string) || slugify(name), itemIndex);
	const fields = { name, slug, ...setFields(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject) };
	checkServiceBody(node, 'serviceLocation', 'create', { ...fields, locationId: settings.locationId }, itemIndex);
	return [await session.serviceLocationsApi.create(settings, fields, session.createLookup)];
}
