import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { optionsFor, showFor } from '../../shared/descriptions';
import type { ExecutionSession } from '../../execution/session';
import type { CalendarGroup } from '../../calendarGroups/types';
import { requireSlug, requireText, slugify } from '../../calendarGroups/validation';

type SlugTakenPolicy = 'fail' | 'returnExisting' | 'addSuffix';

interface CreateOptions {
	generateSlug?: boolean;
	onSlugTaken?: SlugTakenPolicy;
}

const show = showFor(['create']);

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Sales Team',
		displayOptions: show,
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Calendars of the sales team',
		displayOptions: show,
	},
	{
		displayName: 'Slug',
		name: 'slug',
		type: 'string',
		default: '',
		placeholder: 'e.g. sales-team',
		description:
			'The group\'s URL name: lower-case letters, digits and dashes. Leave empty to make it from the name.',
		displayOptions: show,
	},
	{
		displayName: 'Active',
		name: 'isActive',
		type: 'boolean',
		default: true,
		description: 'Whether the group is enabled once created',
		displayOptions: show,
	},
	optionsFor('create', [
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
				{ name: 'Fail', value: 'fail', description: 'Stop with an error naming the group that has the slug' },
				{
					name: 'Return Existing Group',
					value: 'returnExisting',
					description: 'Output the group that already has the slug, create nothing',
				},
				{
					name: 'Add Numeric Suffix',
					value: 'addSuffix',
					description: 'Create the group with the first free slug of slug-2, slug-3, …',
				},
			],
		},
	]),
];

function chooseSlug(ctx: IExecuteFunctions, itemIndex: number, name: string, options: CreateOptions): string {
	const given = ctx.getNodeParameter('slug', itemIndex, '') as string;
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

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<CalendarGroup[]> {
	const node = this.getNode();
	const name = requireText(node, this.getNodeParameter('name', itemIndex), 'Name', itemIndex);
	const description = requireText(node, this.getNodeParameter('description', itemIndex), 'Description', itemIndex);
	const isActive = this.getNodeParameter('isActive', itemIndex, true) as boolean;
	const options = this.getNodeParameter('options', itemIndex, {}) as CreateOptions;
	const slug = chooseSlug(this, itemIndex, name, options);
	const policy = options.onSlugTaken ?? 'fail';
	const settings = session.settings(itemIndex);

	for (;;) {
		const holder = await session.directory.findBySlug(settings, slug);
		if (holder && policy === 'returnExisting') return [holder];
		if (holder && policy === 'fail') {
			throw new NodeOperationError(
				node,
				`Slug "${slug}" is taken by calendar group "${holder.name}" (${holder.id}) in location "${settings.locationId}" (item ${itemIndex})`,
				{ itemIndex, description: 'Choose another slug, or set Options > If Slug Is Taken' },
			);
		}
		const free = holder ? await session.directory.firstFreeSuffix(settings, slug) : slug;
		const group = await session.directory.create(settings, { name, description, slug: free }, isActive);
		if (group) return [group];
	}
}
