import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, returnAllAndLimit, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import type { ServiceLocation } from '../../api/services/types';
import { firstOf } from '../../shared/fieldValues';

export const description: INodeProperties[] = [
	...returnAllAndLimit(showFor(['getAll'], 'serviceLocation')),
	optionsFor('getAll', [], 'serviceLocation'),
];

/** HighLevel answers every service location at once (the spec pages none): a Limit keeps the first ones. */
export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<ServiceLocation[]> {
	const settings = session.settings(itemIndex, { version: 'v3', operation: 'Service Location → Get Many' });
	return firstOf(this, itemIndex, await session.serviceLocationsApi.list(settings));
}
