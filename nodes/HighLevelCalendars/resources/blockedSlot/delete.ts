import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { blockedSlotIdField, readBlockedSlotId } from './blockedSlotFields';

const show = showFor(['delete'], 'blockedSlot');

export const description: INodeProperties[] = [blockedSlotIdField(show), optionsFor('delete', [], 'blockedSlot')];

export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<IDataObject[]> {
	const id = readBlockedSlotId(this, itemIndex);
	await session.blockedSlotsApi.delete(session.settings(itemIndex), id);
	return [{ deleted: true, id }];
}
