import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { readServiceId, serviceLocator } from './serviceFields';

export const description: INodeProperties[] = [
	{ ...serviceLocator, displayOptions: showFor(['delete'], 'service') },
	optionsFor('delete', [], 'service'),
];

export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<IDataObject[]> {
	const settings = session.settings(itemIndex, { version: 'v3', operation: 'Service → Delete' });
	const id = readServiceId(this, itemIndex);
	await session.serviceCatalogApi.delete(settings, id);
	return [{ deleted: true, id }];
}
