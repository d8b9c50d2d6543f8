import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { checkBody, type Rule } from '../../shared/schemaCheck';

const text: Rule = { type: 'string' };

/**
 * BlockSlotCreateRequestDTO and BlockSlotEditRequestDTO (the same properties). Their `required` list says
 * calendarId and locationId, while the descriptions of calendarId and assignedUserId say "Either calendarId or
 * assignedUserId can be set, not both", and HighLevel takes a user's blocked slot without calendarId
 * (highlevel-api-docs issue #23). So locationId is required here and exactly one owner is (blockOwnerProblem).
 */
export const BLOCKED_SLOT_BODY: Rule = {
	type: 'object',
	properties: { title: text, calendarId: text, assignedUserId: text, locationId: text, startTime: text, endTime: text },
	required: ['locationId'],
};

export function checkBlockedSlotBody(node: INode, body: IDataObject, itemIndex: number): IDataObject {
	const owners = ['calendarId', 'assignedUserId'].filter((key) => body[key] !== undefined);
	if (owners.length !== 1) {
		const found = owners.length === 0 ? 'names neither' : 'names both';
		throw new NodeOperationError(node, `Blocked slot in item ${itemIndex} ${found} a calendar and a user: HighLevel takes exactly one`, {
			itemIndex,
			description: 'Set Block For to Calendar (and pick the calendar) or to User (and give the user ID)',
		});
	}
	return checkBody(node, 'Blocked slot', BLOCKED_SLOT_BODY, body, itemIndex);
}
