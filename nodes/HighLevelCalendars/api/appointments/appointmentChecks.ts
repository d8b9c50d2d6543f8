import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { shapeProblem } from '../../shared/schemaCheck';
import type { ApiVersion } from '../../transport/requestSettings';
import { appointmentBodyRule } from './appointmentSchema';

/**
 * The body as HighLevel's schema for the operation and Version takes it, else the error naming the field. A
 * recurrence rule is refused without ignoreFreeSlotValidation: the spec says HighLevel applies it only then.
 */
export function checkAppointmentBody(
	node: INode,
	operation: 'create' | 'update',
	version: ApiVersion,
	body: IDataObject,
	itemIndex: number,
): IDataObject {
	const found = shapeProblem(appointmentBodyRule(operation, version), body, '');
	if (found) {
		throw new NodeOperationError(node, `Appointment field "${found.field}" in item ${itemIndex} ${found.problem}`, {
			itemIndex,
			description: 'Correct the field to what HighLevel documents for appointments (see the README)',
		});
	}
	if (body.rrule !== undefined && body.ignoreFreeSlotValidation !== true) {
		throw new NodeOperationError(node, `Recurrence Rule in item ${itemIndex} needs Ignore Free-Slot Validation`, {
			itemIndex,
			description:
				"HighLevel applies a recurrence rule only if ignoreFreeSlotValidation is true (its spec's rrule field); without it the appointment would be booked once. Turn on Options > Ignore Free-Slot Validation, or remove the rule.",
		});
	}
	return body;
}
