import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { calendarLocator } from '../../description/commonFields';
import { readCalendarId } from '../../api/calendars/calendarLocator';
import type { BlockOwner } from '../../api/blockedSlots/types';
import { readInstant, readTimeZone } from '../../shared/dates';
import { requireText } from '../../shared/validation';

type Show = INodeProperties['displayOptions'];

const withShow = (show: Show, extra: Record<string, string[]>): Show => ({ show: { ...show?.show, ...extra } });

/** Block For (Calendar or User) and the calendar or user it names: HighLevel takes exactly one of the two. */
export const ownerFields = (show: Show): INodeProperties[] => [
	{
		displayName: 'Block For',
		name: 'blockFor',
		type: 'options',
		options: [
			{ name: 'Calendar', value: 'calendar', description: "Block the time in one calendar's booking page" },
			{ name: 'User', value: 'user', description: "Block the time in one user's availability, in every calendar" },
		],
		default: 'calendar',
		hint: "HighLevel takes a calendar or a user, not both. (Its API reference lists calendarId as required yet says either in words: a user's blocked slot is sent without one.)",
		displayOptions: show,
	},
	{ ...calendarLocator, description: 'The calendar whose time to block', displayOptions: withShow(show, { blockFor: ['calendar'] }) },
	userIdField('The sub-account user whose time to block', withShow(show, { blockFor: ['user'] })),
];

export function userIdField(description: string, show: Show): INodeProperties {
	return {
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. CVokAlI8fgw4WYWoCtQz',
		description,
		displayOptions: show,
	};
}

export function readUserId(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireText(ctx.getNode(), ctx.getNodeParameter('userId', itemIndex), 'User ID', itemIndex);
}

export function readOwner(ctx: IExecuteFunctions, itemIndex: number): BlockOwner {
	return ctx.getNodeParameter('blockFor', itemIndex, 'calendar') === 'user'
		? { assignedUserId: readUserId(ctx, itemIndex) }
		: { calendarId: readCalendarId(ctx, itemIndex) };
}

export const blockedSlotIdField = (show: Show): INodeProperties => ({
	displayName: 'Blocked Slot ID',
	name: 'blockedSlotId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 0TkCdp9PfvLeWKYRRvIz',
	description: 'The blocked slot to act on: map the "id" of a blocked slot from Create or Get Many',
	displayOptions: show,
});

export function readBlockedSlotId(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireText(ctx.getNode(), ctx.getNodeParameter('blockedSlotId', itemIndex), 'Blocked Slot ID', itemIndex);
}

const DATE_HINT =
	'An ISO date with an offset, a date and time without one (read in Options → Time Zone), epoch milliseconds, or a DateTime from an expression';

export const timeField = (displayName: 'Start' | 'End', name: string, description: string, show: Show): INodeProperties => ({
	displayName,
	name,
	type: 'dateTime',
	required: true,
	default: '',
	description: `${description}. ${DATE_HINT}.`,
	displayOptions: show,
});

/** Options → Time Zone: where a time without an offset is read and the offset sent. */
export const timeZoneOption: INodeProperties = {
	displayName: 'Time Zone',
	name: 'timeZone',
	type: 'string',
	default: '',
	placeholder: 'e.g. America/New_York',
	description: "The IANA time zone that times without an offset are read in and sent with. Leave empty for the workflow's.",
};

export function readZone(ctx: IExecuteFunctions, itemIndex: number): string {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as { timeZone?: string };
	return readTimeZone(ctx.getNode(), options.timeZone, ctx.getTimezone(), itemIndex);
}

/** A date field's instant, in epoch milliseconds. */
export function readTime(ctx: IExecuteFunctions, value: unknown, field: string, itemIndex: number, timeZone: string): number {
	return readInstant(ctx.getNode(), value, { field, itemIndex, timeZone });
}

/** Refuses an End that is not after Start. */
export function requireOrder(ctx: IExecuteFunctions, itemIndex: number, start: number, end: number): void {
	if (end <= start) {
		throw new NodeOperationError(ctx.getNode(), `End in item ${itemIndex} is not after Start`, {
			itemIndex,
			description: 'Set End to a later time than Start',
		});
	}
}

/** The Start and End fields' instants, End after Start. */
export function readRange(ctx: IExecuteFunctions, itemIndex: number, timeZone: string): { start: number; end: number } {
	const start = readTime(ctx, ctx.getNodeParameter('startTime', itemIndex), 'Start', itemIndex, timeZone);
	const end = readTime(ctx, ctx.getNodeParameter('endTime', itemIndex), 'End', itemIndex, timeZone);
	requireOrder(ctx, itemIndex, start, end);
	return { start, end };
}
