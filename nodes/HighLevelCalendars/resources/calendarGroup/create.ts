import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { nameField, optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import type { CalendarGroup } from '../../api/calendarGroups/types';
import { chooseSlug, createWithSlug, slugOptions, type SlugOptions } from '../../shared/slugPolicy';
import { requireText } from '../../shared/validation';

const show = showFor(['create']);

export const description: INodeProperties[] = [
	nameField('e.g. Sales Team', show),
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
	optionsFor('create', slugOptions('group')),
];

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<CalendarGroup[]> {
	const node = this.getNode();
	const name = requireText(node, this.getNodeParameter('name', itemIndex), 'Name', itemIndex);
	const description = requireText(node, this.getNodeParameter('description', itemIndex), 'Description', itemIndex);
	const isActive = this.getNodeParameter('isActive', itemIndex, true) as boolean;
	const options = this.getNodeParameter('options', itemIndex, {}) as SlugOptions;
	const slug = chooseSlug(this, itemIndex, this.getNodeParameter('slug', itemIndex, '') as string, name, options);
	const policy = options.onSlugTaken ?? 'fail';
	const settings = session.settings(itemIndex);

	return [
		await createWithSlug(this, { directory: session.directory, settings, itemIndex, thing: 'group' }, slug, policy, async (free) =>
			await session.api.create(settings, { name, description, slug: free }, isActive),
		),
	];
}
