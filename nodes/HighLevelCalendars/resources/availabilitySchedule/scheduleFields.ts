import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { calendarLocator, optionsFor, showFor } from '../../description/commonFields';
import { readCalendarId } from '../../api/calendars/calendarLocator';
import { WEEKDAYS } from '../../api/availabilitySchedules/scheduleChecks';
import type { ScheduleRule } from '../../api/availabilitySchedules/types';
import { readTimeZone } from '../../shared/dates';
import { requireText } from '../../shared/validation';

export const scheduleLocator: INodeProperties = {
	displayName: 'Schedule',
	name: 'schedule',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The availability schedule to act on',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a schedule...',
			typeOptions: { searchListMethod: 'searchSchedules', searchable: true },
		},
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. IkqiJlXJ7o9h61tCHHod' },
	],
};

export const userIdField = (show: INodeProperties['displayOptions']): INodeProperties => ({
	displayName: 'User ID',
	name: 'userId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. IkqiJlXJ7o9h61tCHHod',
	description: 'The user whose availability the schedule holds',
	displayOptions: show,
});

const timeOfDay = (displayName: string, name: string, placeholder: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	placeholder,
	description: '24-hour time of day, HH:MM',
});

/** The schedule's time zone, its weekly hours and its dates' hours: what Create asks for and Update offers (sorted there). */
export function hoursFields(): INodeProperties[] {
	return [
		{
			displayName: 'Time Zone',
			name: 'timeZone',
			type: 'string',
			default: '',
			placeholder: "e.g. America/New_York (empty: the workflow's time zone)",
			description: 'The IANA time zone the hours are read in',
		},
		{
			displayName: 'Weekly Hours',
			name: 'weeklyHours',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Hours',
			description: 'When the user is available each week; a day may have several ranges, a day without any is off',
			options: [
				{
					displayName: 'Hours',
					name: 'hours',
					values: [
						{
							displayName: 'Day',
							name: 'day',
							type: 'options',
							default: 'monday',
							options: WEEKDAYS.map((day) => ({ name: day.charAt(0).toUpperCase() + day.slice(1), value: day })),
						},
						timeOfDay('From', 'from', 'e.g. 09:00'),
						timeOfDay('To', 'to', 'e.g. 17:00'),
					],
				},
			],
		},
		{
			displayName: 'Date Hours',
			name: 'dateHours',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Date',
			description: "Hours of particular dates, in place of that weekday's (From and To empty: not available that date)",
			options: [
				{
					displayName: 'Hours',
					name: 'hours',
					values: [
						{ displayName: 'Date', name: 'date', type: 'string', default: '', placeholder: 'e.g. 2026-12-24', description: 'The date (YYYY-MM-DD, or a date from an expression: its date as written)' },
						timeOfDay('From', 'from', 'e.g. 09:00'),
						timeOfDay('To', 'to', 'e.g. 13:00'),
					],
				},
			],
		},
	];
}

type Interval = { from: string; to: string };

/** A time of day as the spec writes it (HH:MM), from "9:00" or "09:00". */
function readTimeOfDay(ctx: IExecuteFunctions, value: unknown, field: string, itemIndex: number): string {
	const text = requireText(ctx.getNode(), value, field, itemIndex);
	const match = /^(\d{1,2}):(\d{2})$/.exec(text);
	if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) {
		throw new NodeOperationError(ctx.getNode(), `${field} "${text}" in item ${itemIndex} is not a time of day`, {
			itemIndex,
			description: 'Use 24-hour HH:MM, e.g. 09:00 or 17:30 (HighLevel takes times up to 23:59)',
		});
	}
	return `${match[1].padStart(2, '0')}:${match[2]}`;
}

function readInterval(ctx: IExecuteFunctions, entry: IDataObject, field: string, itemIndex: number): Interval {
	const from = readTimeOfDay(ctx, entry.from, `${field} From`, itemIndex);
	const to = readTimeOfDay(ctx, entry.to, `${field} To`, itemIndex);
	if (to <= from) {
		throw new NodeOperationError(ctx.getNode(), `${field} in item ${itemIndex} ends at ${to}, not after it starts (${from})`, {
			itemIndex,
			description: 'Give To later than From on the same day',
		});
	}
	return { from, to };
}

/** A date as the spec writes it (YYYY-MM-DD): the date as written of text or of a Luxon date from an expression. */
function readScheduleDate(ctx: IExecuteFunctions, value: unknown, itemIndex: number): string {
	const written = typeof (value as { toISODate?: unknown })?.toISODate === 'function' ? (value as { toISODate: () => string }).toISODate() : value;
	const text = requireText(ctx.getNode(), written, 'Date Hours Date', itemIndex);
	const date = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(text)?.[1];
	if (date === undefined || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
		throw new NodeOperationError(ctx.getNode(), `Date Hours Date "${text}" in item ${itemIndex} is not a date`, {
			itemIndex,
			description: 'Use YYYY-MM-DD, e.g. 2026-12-24, or map a date',
		});
	}
	return date;
}

const entries = (collection: unknown): IDataObject[] => ((collection as IDataObject | undefined)?.hours as IDataObject[] | undefined) ?? [];

/** The rules of Weekly Hours and Date Hours: one rule per weekday and per date, holding its ranges. */
export function readRules(ctx: IExecuteFunctions, fields: IDataObject, itemIndex: number): ScheduleRule[] {
	const rules = new Map<string, ScheduleRule>();
	for (const entry of entries(fields.weeklyHours)) {
		const day = String(entry.day ?? 'monday');
		const rule = rules.get(day) ?? { type: 'wday', day, intervals: [] };
		rule.intervals.push(readInterval(ctx, entry, 'Weekly Hours', itemIndex));
		rules.set(day, rule);
	}
	for (const entry of entries(fields.dateHours)) {
		const date = readScheduleDate(ctx, entry.date, itemIndex);
		const rule = rules.get(date) ?? { type: 'date', date, intervals: [] };
		const unavailable = String(entry.from ?? '').trim() === '' && String(entry.to ?? '').trim() === '';
		if (!unavailable) rule.intervals.push(readInterval(ctx, entry, 'Date Hours', itemIndex));
		rules.set(date, rule);
	}
	return [...rules.values()];
}

/** The body's time zone and rules of the fields set (Update: only those given; `timeZone` empty keeps it). */
export function readHours(ctx: IExecuteFunctions, fields: IDataObject, itemIndex: number, required: boolean): IDataObject {
	const body: IDataObject = {};
	if (required || String(fields.timeZone ?? '').trim() !== '') body.timezone = readTimeZone(ctx.getNode(), fields.timeZone, ctx.getTimezone(), itemIndex);
	if (required || fields.weeklyHours !== undefined || fields.dateHours !== undefined) body.rules = readRules(ctx, fields, itemIndex);
	return body;
}

export function readScheduleId(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireText(ctx.getNode(), ctx.getNodeParameter('schedule', itemIndex, '', { extractValue: true }), 'Schedule', itemIndex);
}

/** Create's fields of the hours, read as Update Fields are. */
export function hoursOfParameters(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return {
		timeZone: ctx.getNodeParameter('timeZone', itemIndex, ''),
		weeklyHours: ctx.getNodeParameter('weeklyHours', itemIndex, {}),
		dateHours: ctx.getNodeParameter('dateHours', itemIndex, {}),
	};
}

/** The fields of an operation on a schedule and a calendar (Apply to Calendar, Remove From Calendar). */
export function scheduleAndCalendarFields(operation: string, calendarDescription: string): INodeProperties[] {
	const show = showFor([operation], 'availabilitySchedule');
	return [{ ...scheduleLocator, displayOptions: show }, { ...calendarLocator, description: calendarDescription, displayOptions: show }, optionsFor(operation, [], 'availabilitySchedule')];
}

/** The schedule and the calendar an item names. */
export function readScheduleAndCalendar(ctx: IExecuteFunctions, itemIndex: number): { id: string; calendarId: string } {
	return { id: readScheduleId(ctx, itemIndex), calendarId: readCalendarId(ctx, itemIndex) };
}
