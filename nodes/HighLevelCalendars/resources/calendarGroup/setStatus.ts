import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { groupLocator, optionsFor, showFor } from '../../description/commonFields';
import { findReferencedGroup, readGroupReference } from '../../api/calendarGroups/groupLocator';
import type { ExecutionSession } from '../../execution/session';
import type { CalendarGroup } from '../../api/calendarGroups/types';

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
			const settings = session.settings(itemIndex);
			const current = await findReferencedGroup(this, session.directory, settings, reference, itemIndex);
			await session.api.setActive(settings, current.id, isActive);
			const group: CalendarGroup = { ...current, isActive };
			await session.directory.remember(settings, group);
			return [group];
		},
	};
}

export const enable = statusOperation('enable', true);

export const disable = statusOperation('disable', false);
