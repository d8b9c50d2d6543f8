import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { requireSlug } from '../../shared/validation';

export const description: INodeProperties[] = [
	{
		displayName: 'Slug',
		name: 'slug',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. sales-team',
		description: 'The calendar group slug to check (calendar slugs are not checked): lower-case letters, digits and dashes',
		displayOptions: showFor(['checkSlug']),
	},
	optionsFor('checkSlug'),
];

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<IDataObject[]> {
	const slug = requireSlug(this.getNode(), this.getNodeParameter('slug', itemIndex), itemIndex);
	const available = await session.api.isSlugAvailable(session.settings(itemIndex), slug);
	return [{ slug, available }];
}
