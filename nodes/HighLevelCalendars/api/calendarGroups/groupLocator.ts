import type { IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RequestSettings } from '../../transport/requestSettings';
import type { SlugDirectory } from '../../shared/slugDirectory';
import type { CalendarGroup } from './types';
import { requireText } from '../../shared/validation';

export interface GroupReference {
	by: 'id' | 'slug';
	value: string;
}

function readLocator(ctx: IExecuteFunctions, parameter: string, itemIndex: number): INodeParameterResourceLocator | undefined {
	return ctx.getNodeParameter(parameter, itemIndex, undefined, { extractValue: false }) as
		| INodeParameterResourceLocator
		| undefined;
}

export function readGroupReference(ctx: IExecuteFunctions, itemIndex: number): GroupReference {
	const locator = readLocator(ctx, 'group', itemIndex);
	const value = requireText(ctx.getNode(), locator?.value, 'Calendar Group', itemIndex);
	return { by: locator?.mode === 'slug' ? 'slug' : 'id', value };
}

/** The group a calendar field names (parameter calendarGroup, or the one given), or undefined when it is left empty. */
export function readOptionalGroupReference(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameter = 'calendarGroup',
): GroupReference | undefined {
	const locator = readLocator(ctx, parameter, itemIndex);
	const value = String(locator?.value ?? '').trim();
	return value === '' ? undefined : { by: locator?.mode === 'slug' ? 'slug' : 'id', value };
}

/** The group the item points at, read from the location's list (HighLevel has no get-one call). */
export async function findReferencedGroup(
	ctx: IExecuteFunctions,
	directory: SlugDirectory<CalendarGroup>,
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
