import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ApiVersion } from '../../transport/requestSettings';
import { calendarBodyRule, type CalendarType } from './calendarSchema';
import { shapeProblem, type ShapeProblem } from '../../shared/schemaCheck';

/** What each calendar type needs of its team members (HighLevel's CalendarCreateDTO says so in words). */
export function teamProblem(type: CalendarType, members: IDataObject[]): ShapeProblem | undefined {
	if (type === 'personal' && members.length !== 1) {
		return { field: 'teamMembers', problem: 'must name exactly one user for a personal calendar' };
	}
	if (type !== 'event' && type !== 'personal' && members.length === 0) {
		return { field: 'teamMembers', problem: `must name at least one user for a ${type.replace('_', ' ')} calendar` };
	}
	if (type === 'collective' && members.filter((member) => member.isPrimary === true).length !== 1) {
		return { field: 'teamMembers', problem: 'must mark exactly one user as Primary for a collective calendar' };
	}
	return undefined;
}

export function refuseField(node: INode, found: ShapeProblem, itemIndex: number): NodeOperationError {
	return new NodeOperationError(node, `Calendar field "${found.field}" in item ${itemIndex} ${found.problem}`, {
		itemIndex,
		description:
			'Correct the field, or the Additional Fields (JSON), to what HighLevel documents for calendars (the README lists the properties under Calendar properties)',
	});
}

/** The body as HighLevel's schema for the operation and Version takes it, else the error naming the field. */
export function checkCalendarBody(
	node: INode,
	operation: 'create' | 'update',
	version: ApiVersion,
	body: IDataObject,
	itemIndex: number,
): IDataObject {
	const found = shapeProblem(calendarBodyRule(operation, version), body, '');
	if (found) throw refuseField(node, found, itemIndex);
	return body;
}
