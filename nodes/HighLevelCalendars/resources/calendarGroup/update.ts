import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { groupLocator, optionsFor, showFor, updateFieldsCollection } from '../../description/commonFields';
import { findReferencedGroup, readGroupReference } from '../../api/calendarGroups/groupLocator';
import type { ExecutionSession } from '../../execution/session';
import type { CalendarGroup, GroupFields } from '../../api/calendarGroups/types';
import { requireSlug, requireText } from '../../shared/validation';
import { requireUpdate } from '../../shared/fieldValues';

const show = showFor(['update']);

export const description: INodeProperties[] = [
	{ ...groupLocator, displayOptions: show },
	updateFieldsCollection(
		[
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{
				displayName: 'Slug',
				name: 'slug',
				type: 'string',
				default: '',
				placeholder: 'e.g. sales-team',
				description: 'Lower-case letters, digits and dashes',
			},
		],
		show,
	),
	optionsFor('update'),
];

function changedFields(ctx: IExecuteFunctions, itemIndex: number): Partial<GroupFields> {
	const node = ctx.getNode();
	const raw = ctx.getNodeParameter('updateFields', itemIndex, {}) as Partial<Record<keyof GroupFields, unknown>>;
	const fields: Partial<GroupFields> = {};
	if (raw.name !== undefined) fields.name = requireText(node, raw.name, 'Name', itemIndex);
	if (raw.description !== undefined) {
		fields.description = requireText(node, raw.description, 'Description', itemIndex);
	}
	if (raw.slug !== undefined) fields.slug = requireSlug(node, raw.slug, itemIndex);
	requireUpdate(node, fields, itemIndex, 'Add at least one of Name, Description or Slug under Update Fields');
	return fields;
}

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<CalendarGroup[]> {
	const changes = changedFields(this, itemIndex);
	const reference = readGroupReference(this, itemIndex);
	const settings = session.settings(itemIndex);
	const current = await findReferencedGroup(this, session.directory, settings, reference, itemIndex);
	if (changes.slug && changes.slug !== current.slug) {
		const holder = await session.directory.findBySlug(settings, changes.slug);
		if (holder) {
			throw new NodeOperationError(
				this.getNode(),
				`Slug "${changes.slug}" is taken by calendar group "${holder.name}" (${holder.id}) (item ${itemIndex})`,
				{ itemIndex, description: 'Choose a slug no other group of the location uses' },
			);
		}
	}
	const merged: GroupFields = {
		name: changes.name ?? current.name,
		description: changes.description ?? current.description,
		slug: changes.slug ?? current.slug,
	};
	const answered = await session.api.update(settings, current.id, merged);
	const group: CalendarGroup = { ...current, ...merged, ...answered };
	await session.directory.remember(settings, group);
	return [group];
}
