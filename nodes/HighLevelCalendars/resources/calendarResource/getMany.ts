import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, returnAllAndLimit, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import type { CalendarResource } from '../../api/calendarResources/types';
import { readResourceType } from './resourceFields';

export const description: INodeProperties[] = [
	...returnAllAndLimit(showFor(['getAll'], 'calendarResource')),
	optionsFor('getAll', [], 'calendarResource'),
];

/** Return All pages through limit and skip; a Limit asks for no more than it returns. */
export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<CalendarResource[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const max = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
	return await session.resourcesApi.list(session.settings(itemIndex), readResourceType(this, itemIndex), max);
}
