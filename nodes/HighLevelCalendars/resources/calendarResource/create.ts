import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { nameField, optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { checkResourceBody } from '../../api/calendarResources/resourceChecks';
import type { CalendarResource } from '../../api/calendarResources/types';
import { readTextList, requireText } from '../../shared/validation';
import { readResourceType, resourceFieldOptions } from './resourceFields';

const show = showFor(['create'], 'calendarResource');

/** HighLevel requires all of them on create; what the other type's fields are sent as (see SOURCE.md). */
const ROOM_DEFAULTS = { quantity: 1, outOfService: 0 };
const EQUIPMENT_DEFAULTS = { capacity: 1 };

export const description: INodeProperties[] = [
	nameField('e.g. Yoga Room', show),
	...resourceFieldOptions().map((field) => ({ ...field, displayOptions: { show: { ...show?.show, ...field.displayOptions?.show } } })),
	optionsFor('create', [], 'calendarResource'),
];

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<CalendarResource[]> {
	const type = readResourceType(this, itemIndex);
	const name = requireText(this.getNode(), this.getNodeParameter('name', itemIndex), 'Name', itemIndex);
	const number = (field: string, fallback: number) => this.getNodeParameter(field, itemIndex, fallback) as number;
	const counts =
		type === 'rooms'
			? { ...ROOM_DEFAULTS, capacity: number('capacity', 1) }
			: { ...EQUIPMENT_DEFAULTS, quantity: number('quantity', 1), outOfService: number('outOfService', 0) };
	const fields: IDataObject = {
		name,
		description: this.getNodeParameter('description', itemIndex, '') as string,
		...counts,
		calendarIds: readTextList(this.getNode(), this.getNodeParameter('calendarIds', itemIndex, ''), 'Calendar IDs', itemIndex),
	};
	const settings = session.settings(itemIndex);
	checkResourceBody(this.getNode(), 'create', type, { ...fields, locationId: settings.locationId }, itemIndex);
	return [await session.resourcesApi.create(settings, type, fields, session.createLookup)];
}
