import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import type { ServiceLocation } from '../../api/services/types';
import { readServiceLocationId, serviceLocationLocator } from './locationFields';

export const description: INodeProperties[] = [
	{ ...serviceLocationLocator, displayOptions: showFor(['get'], 'serviceLocation') },
	optionsFor('get', [], 'serviceLocation'),
];

export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<ServiceLocation[]> {
	const settings = session.settings(itemIndex, { version: 'v3', operation: 'Service Location → Get' });
	return [await session.serviceLocationsApi.get(settings, readServiceLocationId(this, itemIndex))];
}
