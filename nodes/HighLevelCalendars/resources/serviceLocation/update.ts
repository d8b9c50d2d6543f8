import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, showFor, updateFieldsCollection } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { checkServiceBody } from '../../api/services/serviceChecks';
import type { ServiceLocation } from '../../api/services/types';
import { requireUpdate, setFields } from '../../shared/fieldValues';
import { requireSlug } from '../../shared/validation';
import { readServiceLocationId, serviceLocationFieldOptions, serviceLocationLocator } from './locationFields';

const show = showFor(['update'], 'serviceLocation');

export const description: INodeProperties[] = [
	{ ...serviceLocationLocator, displayOptions: show },
	updateFieldsCollection(
		[
			...serviceLocationFieldOptions(),
			{ displayName: 'Name', name: 'name', type: 'string', default: '' } as INodeProperties,
			{ displayName: 'Slug', name: 'slug', type: 'string', default: '' } as INodeProperties,
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
		show,
	),
	optionsFor('update', [], 'serviceLocation'),
];

export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<ServiceLocation[]> {
	const settings = session.settings(itemIndex, { version: 'v3', operation: 'Service Location → Update' });
	const id = readServiceLocationId(this, itemIndex);
	const fields = requireUpdate(this.getNode(), setFields(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject), itemIndex);
	if (fields.slug !== undefined) fields.slug = requireSlug(this.getNode(), fields.slug, itemIndex);
	const body = checkServiceBody(this.getNode(), 'serviceLocation', 'update', fields, itemIndex);
	return [await session.serviceLocationsApi.update(settings, id, body)];
}
