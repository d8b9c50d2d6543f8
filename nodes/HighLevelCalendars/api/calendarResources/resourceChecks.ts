import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { shapeProblem, type Rule, type ShapeProblem } from '../../shared/schemaCheck';
import type { ResourceType } from './types';

const text: Rule = { type: 'string' };
const number: Rule = { type: 'number' };

/** CreateCalendarResourceDTO and UpdateCalendarResourceDTO (the same in both Versions' files). */
function properties(operation: 'create' | 'update'): Record<string, Rule> {
	const shared: Record<string, Rule> = {
		locationId: text,
		name: text,
		description: text,
		quantity: number,
		outOfService: number,
		capacity: number,
		calendarIds: { type: 'array', items: text, maxItems: 100 },
	};
	return operation === 'update' ? { ...shared, isActive: { type: 'boolean' } } : shared;
}

export function resourceBodyRule(operation: 'create' | 'update'): Rule & { type: 'object' } {
	const required = operation === 'create' ? ['locationId', 'name', 'description', 'quantity', 'outOfService', 'capacity', 'calendarIds'] : [];
	return { type: 'object', properties: properties(operation), required };
}

/** The spec says in words: "One equipment can only be mapped with one service calendar." */
function equipmentProblem(type: ResourceType, body: IDataObject): ShapeProblem | undefined {
	const calendarIds = body.calendarIds as unknown[] | undefined;
	if (type === 'equipments' && Array.isArray(calendarIds) && calendarIds.length > 1) {
		return { field: 'calendarIds', problem: 'may name one calendar only for equipment (HighLevel maps one equipment to one service calendar)' };
	}
	return undefined;
}

/** The body as HighLevel's schema takes it, else the error naming the field and the item. */
export function checkResourceBody(
	node: INode,
	operation: 'create' | 'update',
	type: ResourceType,
	body: IDataObject,
	itemIndex: number,
): IDataObject {
	const found = shapeProblem(resourceBodyRule(operation), body, '') ?? equipmentProblem(type, body);
	if (found) {
		throw new NodeOperationError(node, `Calendar resource field "${found.field}" in item ${itemIndex} ${found.problem}`, {
			itemIndex,
			description: 'Correct the field to what HighLevel documents for rooms and equipment (see the README)',
		});
	}
	return body;
}
