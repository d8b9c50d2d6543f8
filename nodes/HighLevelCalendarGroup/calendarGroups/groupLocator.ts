import type { IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ExecutionSession } from '../execution/session';
import type { CalendarGroup, ItemTarget } from './types';
import { requireText } from './validation';

export interface GroupReference {
	by: 'id' | 'slug';
	value: string;
}

export function readGroupReference(ctx: IExecuteFunctions, itemIndex: number): GroupReference {
	const locator = ctx.getNodeParameter('group', itemIndex, undefined, {
		extractValue: false,
	}) as INodeParameterResourceLocator;
	const value = requireText(ctx.getNode(), locator?.value, 'Calendar Group', itemIndex);
	return { by: locator.mode === 'slug' ? 'slug' : 'id', value };
}

/** The group the item points at, read from the location's list (HighLevel has no get-one call). */
export async function findReferencedGroup(
	ctx: IExecuteFunctions,
	session: ExecutionSession,
	target: ItemTarget,
	reference: GroupReference,
): Promise<CalendarGroup> {
	const group =
		reference.by === 'slug'
			? await session.directory.findBySlug(target, reference.value)
			: await session.directory.findById(target, reference.value);
	if (!group) {
		const label = reference.by === 'slug' ? 'slug' : 'ID';
		throw new NodeOperationError(
			ctx.getNode(),
			`No calendar group with ${label} "${reference.value}" in location "${target.locationId}" (item ${target.itemIndex})`,
			{
				itemIndex: target.itemIndex,
				description: 'Pick the group from the list, or check the Location ID and the value mapped to Calendar Group',
			},
		);
	}
	return group;
}
