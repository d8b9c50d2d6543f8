import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import type { CalendarResource } from '../../api/calendarResources/types';
import { calendarResourceLocator, readResourceId, readResourceType } from './resourceFields';

export const description: INodeProperties[] = [
	{ ...calendarResourceLocator, displayOptions: showFor(['get'], 'calendarResource') },
	optionsFor('get', [], 'calendarResource'),
];

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<CalendarResource[]> {
	const id = readResourceId(this, itemIndex);
	return [await session.resourcesApi.get(session.settings(itemIndex), readResourceType(this, itemIndex), id)];
}
