import type { IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RequestSettings } from '../transport/requestSettings';
import type { GroupDirectory } from './groupDirectory';
import type { CalendarGroup } from './types';
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
	directory: GroupDirectory,
	settings: RequestSettings,
	reference: GroupReference,
	itemIndex: number,
): Promise<CalendarGroup> {
	const group =
		reference.by === 'slug'
			? await directory.findBySlug(settings, reference.value)
			: await directory.findById(settings, reference.value);
	if (!group) {
		const label = reference.by === 'slug' ? 'slug' : 'ID';
		throw new NodeOperationError(
			ctx.getNode(),
			`No calendar group with ${label} "${reference.value}" in location "${settings.locationId}" (item ${itemIndex})`,
			{
				itemIndex,
				description: 'Pick the group from the list, or check the Location ID and the value mapped to Calendar Group',
			},
		);
	}
	return group;
}
