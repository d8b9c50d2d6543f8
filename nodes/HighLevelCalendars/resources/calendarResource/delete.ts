import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { calendarResourceLocator, readResourceId, readResourceType } from './resourceFields';

export const description: INodeProperties[] = [
	{ ...calendarResourceLocator, displayOptions: showFor(['delete'], 'calendarResource') },
	optionsFor('delete', [], 'calendarResource'),
];

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<IDataObject[]> {
	const id = readResourceId(this, itemIndex);
	await session.resourcesApi.delete(session.settings(itemIndex), readResourceType(this, itemIndex), id);
	return [{ deleted: true, id }];
}
