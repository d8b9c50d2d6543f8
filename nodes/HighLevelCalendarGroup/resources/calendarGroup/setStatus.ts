import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { groupLocator, optionsFor, showFor } from '../../shared/descriptions';
import { findReferencedGroup, readGroupReference } from '../../calendarGroups/groupLocator';
import type { ExecutionSession } from '../../execution/session';
import type { CalendarGroup } from '../../calendarGroups/types';

/** Enable and Disable: one call, `PUT /calendars/groups/{id}/status`, with the state they set. */
function statusOperation(operation: 'enable' | 'disable', isActive: boolean) {
	return {
		description: [
			{ ...groupLocator, displayOptions: showFor([operation]) },
			optionsFor(operation),
		] as INodeProperties[],
		async execute(
			this: IExecuteFunctions,
			session: ExecutionSession,
			itemIndex: number,
		): Promise<CalendarGroup[]> {
			const reference = readGroupReference(this, itemIndex);
			const target = session.target(itemIndex);
			const current = await findReferencedGroup(this, session, target, reference);
			await session.api.setActive(target, current.id, isActive);
			const group: CalendarGroup = { ...current, isActive };
			await session.directory.update(target, group);
			return [group];
		},
	};
}

export const enable = statusOperation('enable', true);

export const disable = statusOperation('disable', false);
