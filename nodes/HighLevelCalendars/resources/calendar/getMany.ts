import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionalGroupLocator, optionsFor, returnAllAndLimit, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { findReferencedGroup, readOptionalGroupReference } from '../../api/calendarGroups/groupLocator';
import type { Calendar } from '../../api/calendars/types';

const show = showFor(['getAll'], 'calendar');

export const description: INodeProperties[] = [
	optionalGroupLocator('Calendar Group', "Return only this group's calendars. Leave empty for all of the location's.", show),
	...returnAllAndLimit(show),
	{
		displayName: 'Show Drafted',
		name: 'showDrafted',
		type: 'boolean',
		default: true,
		description: 'Whether calendars that are not active (drafts) are returned too',
		displayOptions: show,
	},
	optionsFor('getAll', [], 'calendar'),
];

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<Calendar[]> {
	const settings = session.settings(itemIndex);
	const reference = readOptionalGroupReference(this, itemIndex);
	const group = reference && (await findReferencedGroup(this, session.directory, settings, reference, itemIndex));
	const showDrafted = this.getNodeParameter('showDrafted', itemIndex, true) as boolean;
	const calendars = await session.calendarsApi.list(settings, { groupId: group?.id, showDrafted });
	if (this.getNodeParameter('returnAll', itemIndex, false) as boolean) return calendars;
	return calendars.slice(0, this.getNodeParameter('limit', itemIndex, 50) as number);
}
