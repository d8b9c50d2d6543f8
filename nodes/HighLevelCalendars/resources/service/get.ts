import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import type { Service } from '../../api/services/types';
import { readServiceId, serviceLocator } from './serviceFields';

export const description: INodeProperties[] = [
	{ ...serviceLocator, displayOptions: showFor(['get'], 'service') },
	optionsFor('get', [], 'service'),
];

export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<Service[]> {
	const settings = session.settings(itemIndex, { version: 'v3', operation: 'Service → Get' });
	return [await session.serviceCatalogApi.get(settings, readServiceId(this, itemIndex))];
}
