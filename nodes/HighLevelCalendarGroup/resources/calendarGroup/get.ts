import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { groupLocator, optionsFor, showFor } from '../../shared/descriptions';
import { findReferencedGroup, readGroupReference } from '../../calendarGroups/groupLocator';
import type { ExecutionSession } from '../../execution/session';
import type { CalendarGroup } from '../../calendarGroups/types';

export const description: INodeProperties[] = [
	{ ...groupLocator, displayOptions: showFor(['get']) },
	optionsFor('get'),
];

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<CalendarGroup[]> {
	const reference = readGroupReference(this, itemIndex);
	return [await findReferencedGroup(this, session.directory, session.settings(itemIndex), reference, itemIndex)];
}
