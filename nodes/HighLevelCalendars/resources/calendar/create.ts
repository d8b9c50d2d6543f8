import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { nameField, optionalGroupLocator, optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { checkCalendarBody, refuseField, teamProblem } from '../../api/calendars/calendarChecks';
import type { CalendarType } from '../../api/calendars/calendarSchema';
import type { Calendar } from '../../api/calendars/types';
import { findReferencedGroup, readOptionalGroupReference } from '../../api/calendarGroups/groupLocator';
import { chooseSlug, createWithSlug, slugOptions, type SlugOptions } from '../../shared/slugPolicy';
import { requireText } from '../../shared/validation';
import {
	additionalFieldsJson,
	calendarFieldOptions,
	calendarTypeField,
	readAdditionalFields,
	readNamedFields,
	readTeamMembers,
	teamMembersField,
} from './calendarFields';

const show = showFor(['create'], 'calendar');

export const description: INodeProperties[] = [
	nameField('e.g. Intro Call', show),
	{ ...calendarTypeField, displayOptions: show },
	{
		...teamMembersField,
		displayOptions: {
			show: {
				...show?.show,
				calendarType: ['round_robin', 'collective', 'class_booking', 'service_booking', 'personal'],
			},
		},
	},
	optionalGroupLocator('Calendar Group', 'The group to create the calendar in. Leave empty for none.', show),
	{
		displayName: 'Calendar Fields',
		name: 'calendarFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: calendarFieldOptions('create'),
	},
	{ ...additionalFieldsJson, displayOptions: show },
	optionsFor('create', slugOptions('calendar'), 'calendar'),
];

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<Calendar[]> {
	const node = this.getNode();
	const name = requireText(node, this.getNodeParameter('name', itemIndex), 'Name', itemIndex);
	const calendarType = this.getNodeParameter('calendarType', itemIndex) as CalendarType;
	const teamMembers =
		calendarType === 'event' ? [] : (readTeamMembers(this, this.getNodeParameter('teamMembers', itemIndex, {}), itemIndex) ?? []);
	const named = readNamedFields(this, this.getNodeParameter('calendarFields', itemIndex, {}) as IDataObject, itemIndex);
	const setByFields = ['name', 'calendarType', 'groupId', 'slug', 'widgetSlug', ...Object.keys(named)];
	const extra = readAdditionalFields(this, itemIndex, teamMembers.length > 0 ? [...setByFields, 'teamMembers'] : setByFields);
	const options = this.getNodeParameter('options', itemIndex, {}) as SlugOptions;
	const slug = chooseSlug(this, itemIndex, (named.slug as string | undefined) ?? '', name, options);
	const settings = session.settings(itemIndex);
	const body = (free: string, groupId?: string): IDataObject => {
		const fields: IDataObject = { ...extra, ...named, name, calendarType, slug: free, widgetSlug: named.widgetSlug ?? free };
		if (teamMembers.length > 0) fields.teamMembers = teamMembers;
		if (groupId !== undefined) fields.groupId = groupId;
		return checkCalendarBody(node, 'create', settings.version, { ...fields, locationId: settings.locationId }, itemIndex);
	};
	const checked = body(slug); // refused before any request when the schema refuses it
	const needs = teamProblem(calendarType, (checked.teamMembers as IDataObject[] | undefined) ?? []);
	if (needs) throw refuseField(node, needs, itemIndex);
	const groupReference = readOptionalGroupReference(this, itemIndex);
	// By ID is sent as it is (HighLevel checks it); a slug is looked up in the location's groups
	const groupId =
		groupReference?.by === 'slug'
			? (await findReferencedGroup(this, session.directory, settings, groupReference, itemIndex)).id
			: groupReference?.value;
	const request = { directory: session.calendars, settings, itemIndex, thing: 'calendar' as const };
	return [
		await createWithSlug(this, request, slug, options.onSlugTaken ?? 'fail', async (free) =>
			await session.calendarsApi.create(settings, body(free, groupId), free),
		),
	];
}
