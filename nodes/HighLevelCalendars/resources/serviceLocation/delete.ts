import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { readServiceLocationId, serviceLocationLocator } from './locationFields';

export const description: INodeProperties[] = [
	{ ...serviceLocationLocator, displayOptions: showFor(['delete'], 'serviceLocation') },
	optionsFor('delete', [], 'serviceLocation'),
];

export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<IDataObject[]> {
	const settings = session.settings(itemIndex, { version: 'v3', operation: 'Service Location → Delete' });
	const id = readServiceLocationId(this, itemIndex);
	await session.serviceLocationsApi.delete(settings, id);
	return [{ deleted: true, id }];
}
