import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { groupLocator, optionsFor, showFor } from '../../description/commonFields';
import { findReferencedGroup, readGroupReference } from '../../api/calendarGroups/groupLocator';
import type { ExecutionSession } from '../../execution/session';
import type { CalendarGroup } from '../../api/calendarGroups/types';

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
