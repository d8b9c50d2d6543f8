import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { groupLocator, optionsFor, showFor } from '../../description/commonFields';
import { findReferencedGroup, readGroupReference } from '../../api/calendarGroups/groupLocator';
import { groupPath } from '../../api/calendarGroups/api';
import type { ExecutionSession } from '../../execution/session';
import type { Calendar } from '../../api/calendars/types';

type CalendarsPolicy = 'fail' | 'deleteAnyway' | 'deleteCalendarsFirst';

/** How many of a group's calendars the refusal names. */
const NAMED_CALENDARS = 3;

export const description: INodeProperties[] = [
	{ ...groupLocator, displayOptions: showFor(['delete']) },
	optionsFor('delete', [
		{
			displayName: 'If It Holds Calendars',
			name: 'ifHoldsCalendars',
			type: 'options',
			default: 'fail',
			options: [
				{
					name: 'Fail',
					value: 'fail',
					description: 'Delete nothing and name the calendars (lists them first: needs the scope calendars.readonly)',
				},
				{
					name: 'Delete Even If It Holds Calendars',
					value: 'deleteAnyway',
					description: "Delete the group without looking inside; what HighLevel does with its calendars is not documented",
				},
				{
					name: 'Delete Its Calendars First',
					value: 'deleteCalendarsFirst',
					description: 'Delete each of its calendars, then the group, and list them in the output (needs the scopes calendars.readonly and calendars.write)',
				},
			],
		},
	]),
];

function holdsCalendars(ctx: IExecuteFunctions, groupId: string, calendars: Calendar[], itemIndex: number) {
	const named = calendars.slice(0, NAMED_CALENDARS).map((c) => `"${c.name}" (${c.id})`);
	const more = calendars.length > NAMED_CALENDARS ? `, and ${calendars.length - NAMED_CALENDARS} more` : '';
	const count = calendars.length === 1 ? '1 calendar' : `${calendars.length} calendars`;
	return new NodeOperationError(
		ctx.getNode(),
		`Calendar group ${groupId} holds ${count}: ${named.join(', ')}${more} (item ${itemIndex})`,
		{
			itemIndex,
			description:
				'Nothing was deleted. Move the calendars to another group or delete them (Resource: Calendar), or set Options > If It Holds Calendars to Delete Its Calendars First',
		},
	);
}

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<IDataObject[]> {
	const reference = readGroupReference(this, itemIndex);
	const settings = session.settings(itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as { ifHoldsCalendars?: CalendarsPolicy };
	const policy = options.ifHoldsCalendars ?? 'fail';
	const id =
		reference.by === 'id'
			? reference.value
			: (await findReferencedGroup(this, session.directory, settings, reference, itemIndex)).id;
	groupPath(this.getNode(), id); // an ID that would change the path is refused before the calendars are listed
	const calendars = policy === 'deleteAnyway' ? [] : await session.calendarsApi.list(settings, { groupId: id, showDrafted: true });
	if (calendars.length > 0 && policy === 'fail') throw holdsCalendars(this, id, calendars, itemIndex);
	const deletedCalendars: IDataObject[] = [];
	for (const calendar of calendars) {
		await session.calendarsApi.delete(settings, calendar.id);
		await session.calendars.forget(settings, calendar.id);
		deletedCalendars.push({ id: calendar.id, name: calendar.name });
	}
	await session.api.delete(settings, id);
	await session.directory.forget(settings, id);
	return [policy === 'deleteCalendarsFirst' ? { deleted: true, id, deletedCalendars } : { deleted: true, id }];
}
