import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { calendarLocator, optionalGroupLocator, optionsFor, showFor, updateFieldsCollection } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { checkCalendarBody, refuseField, teamProblem } from '../../api/calendars/calendarChecks';
import { CALENDAR_TYPES } from '../../api/calendars/calendarSchema';
import { readCalendarId } from '../../api/calendars/calendarLocator';
import type { Calendar } from '../../api/calendars/types';
import { findReferencedGroup, readOptionalGroupReference } from '../../api/calendarGroups/groupLocator';
import { requireUpdate } from '../../shared/fieldValues';
import {
	additionalFieldsJson,
	calendarFieldOptions,
	readAdditionalFields,
	readNamedFields,
	readTeamMembers,
	teamMembersField,
} from './calendarFields';

type GroupChange = 'keep' | 'move' | 'remove';

/** Not `calendarGroup`: the Calendar picker would narrow its list to the destination group. */
const MOVE_TO_GROUP = 'moveToGroup';

const show = showFor(['update'], 'calendar');

const optionalName: INodeProperties = { displayName: 'Name', name: 'name', type: 'string', default: '' };

export const description: INodeProperties[] = [
	{ ...calendarLocator, displayOptions: show },
	{
		displayName: 'Group',
		name: 'groupChange',
		type: 'options',
		default: 'keep',
		options: [
			{ name: 'Keep', value: 'keep', description: 'Leave the calendar in its group (or in none)' },
			{ name: 'Move to Group', value: 'move', description: 'Put the calendar into the group picked below' },
			{ name: 'Take Out of Group', value: 'remove', description: 'Leave the calendar in no group' },
		],
		displayOptions: show,
	},
	{
		...optionalGroupLocator('Move to Group', 'The group the calendar moves to', { show: { ...show?.show, groupChange: ['move'] } }, MOVE_TO_GROUP),
		required: true,
	},
	updateFieldsCollection(
		[...calendarFieldOptions('update'), optionalName, teamMembersField].sort((a, b) => a.displayName.localeCompare(b.displayName)),
		show,
	),
	{ ...additionalFieldsJson, displayOptions: show },
	optionsFor('update', [], 'calendar'),
];

async function groupIdFor(ctx: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<IDataObject> {
	const change = ctx.getNodeParameter('groupChange', itemIndex, 'keep') as GroupChange;
	if (change === 'remove') return { groupId: '' };
	const reference = change === 'move' ? readOptionalGroupReference(ctx, itemIndex, MOVE_TO_GROUP) : undefined;
	if (change === 'move' && !reference) {
		throw new NodeOperationError(ctx.getNode(), `Move to Group is empty in item ${itemIndex}`, {
			itemIndex,
			description: 'Pick the group to move the calendar to, or set Group to Keep or Take Out of Group',
		});
	}
	if (!reference) return {};
	const settings = session.settings(itemIndex);
	return { groupId: (await findReferencedGroup(ctx, session.directory, settings, reference, itemIndex)).id };
}

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<Calendar[]> {
	const node = this.getNode();
	const calendarId = readCalendarId(this, itemIndex);
	const raw = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const named = readNamedFields(this, raw, itemIndex);
	const teamMembers = readTeamMembers(this, raw.teamMembers, itemIndex);
	if (teamMembers) named.teamMembers = teamMembers;
	const extra = readAdditionalFields(this, itemIndex, ['groupId', ...Object.keys(named)]);
	const settings = session.settings(itemIndex);
	const checked = checkCalendarBody(node, 'update', settings.version, { ...extra, ...named }, itemIndex);
	if (checked.teamMembers !== undefined) {
		// the calendar's type decides what its team needs; the type is not in the item, so ask HighLevel
		const { calendarType } = await session.calendarsApi.get(settings, calendarId);
		const known = CALENDAR_TYPES.find((type) => type === calendarType);
		const needs = known && teamProblem(known, checked.teamMembers as IDataObject[]);
		if (needs) throw refuseField(node, needs, itemIndex);
	}
	const body = { ...checked, ...(await groupIdFor(this, session, itemIndex)) };
	requireUpdate(node, body, itemIndex, 'Add a field under Update Fields or Additional Fields (JSON), or set Group to Move to Group or Take Out of Group');
	const calendar = await session.calendarsApi.update(settings, calendarId, body);
	await session.calendars.remember(settings, calendar);
	return [calendar];
}
