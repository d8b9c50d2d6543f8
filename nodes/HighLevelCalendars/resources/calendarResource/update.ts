import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, showFor, updateFieldsCollection } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { checkResourceBody } from '../../api/calendarResources/resourceChecks';
import type { CalendarResource } from '../../api/calendarResources/types';
import { calendarResourceLocator, readResourceFields, readResourceId, readResourceType, resourceFieldOptions } from './resourceFields';
import { requireUpdate } from '../../shared/fieldValues';

const show = showFor(['update'], 'calendarResource');

export const description: INodeProperties[] = [
	{ ...calendarResourceLocator, displayOptions: show },
	updateFieldsCollection(
		([
			...resourceFieldOptions(),
			{ displayName: 'Active', name: 'isActive', type: 'boolean', default: true, description: 'Whether bookings can take it' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName)),
		show,
	),
	optionsFor('update', [], 'calendarResource'),
];

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<CalendarResource[]> {
	const node = this.getNode();
	const id = readResourceId(this, itemIndex);
	const type = readResourceType(this, itemIndex);
	const fields = readResourceFields(this, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, itemIndex);
	requireUpdate(node, fields, itemIndex);
	const body = checkResourceBody(node, 'update', type, fields, itemIndex);
	return [await session.resourcesApi.update(session.settings(itemIndex), type, id, body)];
}
