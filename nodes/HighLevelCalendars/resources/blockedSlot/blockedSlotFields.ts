import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { calendarLocator } from '../../description/commonFields';
import { readCalendarId } from '../../api/calendars/calendarLocator';
import type { BlockOwner } from '../../api/blockedSlots/types';
import { requireText } from '../../shared/validation';
import { DATE_HELP, dateField, itemTimeZone, readDateParameter, type AppointmentOptions } from '../appointment/appointmentFields';

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
	description: 'The blocked slot to act on: the ID a Create or Get Many of blocked slots output',
	displayOptions: show,
});

export function readBlockedSlotId(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireText(ctx.getNode(), ctx.getNodeParameter('blockedSlotId', itemIndex), 'Blocked Slot ID', itemIndex);
}

/** Start Time or End Time, required or (under Update Fields) not. */
export const timeField = (displayName: 'Start Time' | 'End Time', name: string, description: string, show: Show, required = true): INodeProperties =>
	dateField(displayName, name, required, `${description}. ${DATE_HELP}.`, show);

/** The item's Options > Time Zone, else the workflow's. */
export function readZone(ctx: IExecuteFunctions, itemIndex: number): string {
	return itemTimeZone(ctx, ctx.getNodeParameter('options', itemIndex, {}) as AppointmentOptions, itemIndex);
}

/** Refuses an End Time that is not after Start Time. */
export function requireOrder(ctx: IExecuteFunctions, itemIndex: number, start: number, end: number): void {
	if (end <= start) {
		throw new NodeOperationError(ctx.getNode(), `End Time in item ${itemIndex} is not after Start Time`, {
			itemIndex,
			description: 'Set End Time to a later time than Start Time',
		});
	}
}

/** The Start Time and End Time fields' instants, the end after the start. */
export function readRange(ctx: IExecuteFunctions, itemIndex: number, timeZone: string): { start: number; end: number } {
	const start = readDateParameter(ctx, 'startTime', 'Start Time', itemIndex, timeZone);
	const end = readDateParameter(ctx, 'endTime', 'End Time', itemIndex, timeZone);
	requireOrder(ctx, itemIndex, start, end);
	return { start, end };
}
