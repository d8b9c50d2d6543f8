import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { groupLocator, optionsFor, showFor } from '../../shared/descriptions';
import { findReferencedGroup, readGroupReference } from '../../calendarGroups/groupLocator';
import type { ExecutionSession } from '../../execution/session';

export const description: INodeProperties[] = [
	{ ...groupLocator, displayOptions: showFor(['delete']) },
	optionsFor('delete'),
];

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<IDataObject[]> {
	const reference = readGroupReference(this, itemIndex);
	const settings = session.settings(itemIndex);
	const id =
		reference.by === 'id'
			? reference.value
			: (await findReferencedGroup(this, session.directory, settings, reference, itemIndex)).id;
	await session.api.delete(settings, id);
	await session.directory.forget(settings, id);
	return [{ deleted: true, id }];
}
