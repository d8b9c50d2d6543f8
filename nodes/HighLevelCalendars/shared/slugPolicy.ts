import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RequestSettings } from '../transport/requestSettings';
import type { SlugDirectory, Slugged } from './slugDirectory';
import { requireSlug, slugify } from './validation';

export type SlugTakenPolicy = 'fail' | 'returnExisting' | 'addSuffix';

export interface SlugOptions {
	generateSlug?: boolean;
	onSlugTaken?: SlugTakenPolicy;
}

type Thing = 'group' | 'calendar';

/** Create's options Generate Slug From Name and If Slug Is Taken, for a group or a calendar. */
export function slugOptions(thing: Thing): INodeProperties[] {
	return [
		{
			displayName: 'Generate Slug From Name',
			name: 'generateSlug',
			type: 'boolean',
			default: true,
			description: 'Whether an empty Slug is made from the Name (e.g. "Sales Team" gives "sales-team")',
		},
		{
			displayName: 'If Slug Is Taken',
			name: 'onSlugTaken',
			type: 'options',
			default: 'fail',
			options: [
				{ name: 'Fail', value: 'fail', description: `Stop with an error naming the ${thing} that has the slug` },
				{
					name: thing === 'group' ? 'Return Existing Group' : 'Return Existing Calendar',
					value: 'returnExisting',
					description: `Output the ${thing} that already has the slug, create nothing`,
				},
				{
					name: 'Add Numeric Suffix',
					value: 'addSuffix',
					description: `Create the ${thing} with the first free slug of slug-2, slug-3, …`,
				},
			],
		},
	];
}

/** The Slug given, else (unless Generate Slug From Name is off) the Name made into one. */
export function chooseSlug(ctx: IExecuteFunctions, itemIndex: number, given: string, name: string, options: SlugOptions): string {
	if (String(given ?? '').trim() !== '' || options.generateSlug === false) {
		return requireSlug(ctx.getNode(), given, itemIndex);
	}
	const generated = slugify(name);
	if (!generated) {
		throw new NodeOperationError(ctx.getNode(), `Slug cannot be made from Name "${name}" in item ${itemIndex}`, {
			itemIndex,
			description: 'Set Slug to lower-case letters, digits and dashes',
		});
	}
	return generated;
}

/**
 * Creates a group or calendar with `slug` as If Slug Is Taken says when another one of the location has it:
 * fail naming it, return it, or take the first free numeric suffix.
 */
export async function createWithSlug<T extends Slugged & { name?: unknown }>(
	ctx: IExecuteFunctions,
	request: { directory: SlugDirectory<T>; settings: RequestSettings; itemIndex: number; thing: Thing },
	slug: string,
	policy: SlugTakenPolicy,
	send: (slug: string) => Promise<T>,
): Promise<T> {
	const { directory, settings, itemIndex, thing } = request;
	for (;;) {
		const holder = await directory.findBySlug(settings, slug);
		if (holder && policy === 'returnExisting') return holder;
		if (holder && policy === 'fail') {
			const what = thing === 'group' ? 'calendar group' : 'calendar';
			throw new NodeOperationError(
				ctx.getNode(),
				`Slug "${slug}" is taken by ${what} "${String(holder.name)}" (${holder.id}) in location "${settings.locationId}" (item ${itemIndex})`,
				{ itemIndex, description: 'Choose another slug, or set Options > If Slug Is Taken' },
			);
		}
		const free = holder ? await directory.firstFreeSuffix(settings, slug) : slug;
		const created = await directory.create(settings, free, async () => await send(free));
		if (created) return created;
	}
}
