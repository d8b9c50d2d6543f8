import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersCollection, optionsFor, returnAllAndLimit, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import type { CalendarGroup } from '../../api/calendarGroups/types';

interface Filters {
	activeOnly?: boolean;
	nameContains?: string;
}

const show = showFor(['getAll']);

export const description: INodeProperties[] = [
	...returnAllAndLimit(show),
	filtersCollection(
		[
			{
				displayName: 'Active Only',
				name: 'activeOnly',
				type: 'boolean',
				default: true,
				description: 'Whether to return only enabled groups',
			},
			{
				displayName: 'Name Contains',
				name: 'nameContains',
				type: 'string',
				default: '',
				placeholder: 'e.g. sales',
				description: 'Return only groups whose name contains this text (case-insensitive)',
			},
		],
		show,
	),
	optionsFor('getAll'),
];

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<CalendarGroup[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as Filters;
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const needle = (filters.nameContains ?? '').trim().toLowerCase();
	const groups = (await session.directory.all(session.settings(itemIndex))).filter(
		(group) =>
			(!filters.activeOnly || group.isActive !== false) &&
			(!needle || String(group.name ?? '').toLowerCase().includes(needle)),
	);
	if (returnAll) return groups;
	return groups.slice(0, this.getNodeParameter('limit', itemIndex, 50) as number);
}
