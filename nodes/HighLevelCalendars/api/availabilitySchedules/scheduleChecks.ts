import type { IDataObject, INode } from 'n8n-workflow';

import { checkBody, listOf, oneOf, shape, text, type Rule } from '../../shared/schemaCheck';

/** The spec's patterns (ScheduleIntervalDTO, ScheduleRuleDTO, the DTOs' timezone). */
const TIME_OF_DAY: Rule = { type: 'string', pattern: '^([01]?[0-9]|2[0-3]):[0-5][0-9]$' };
const TIME_ZONE: Rule = { type: 'string', pattern: '^[A-Za-z_]+/[A-Za-z_]+$' };
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

const rule = shape(
	{
		type: oneOf('wday', 'date'),
		intervals: listOf(shape({ from: TIME_OF_DAY, to: TIME_OF_DAY }, ['from', 'to'])),
		date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
		day: oneOf(...WEEKDAYS),
	},
	['type', 'intervals'],
);

export type ScheduleBody = 'create' | 'update' | 'createCalendarSchedule' | 'updateCalendarSchedule';

/** CreateScheduleDTO, UpdateScheduleDTO, and v3's CreateEventCalendarScheduleDTO and UpdateEventCalendarScheduleDTO. */
export function scheduleBodyRule(body: ScheduleBody): Rule & { type: 'object' } {
	const rulesAndZone = { rules: listOf(rule), timezone: TIME_ZONE };
	switch (body) {
		case 'create':
			return { type: 'object', properties: { ...rulesAndZone, locationId: text, name: text, userId: text, calendarIds: listOf(text) }, required: ['timezone', 'locationId', 'name', 'userId'] };
		case 'update':
			return { type: 'object', properties: { ...rulesAndZone, name: text }, required: [] };
		case 'createCalendarSchedule':
			return { type: 'object', properties: rulesAndZone, required: ['rules', 'timezone'] };
		case 'updateCalendarSchedule':
			return { type: 'object', properties: rulesAndZone, required: [] };
	}
}

/** The body as HighLevel's schema takes it, else the error naming the field and the item. */
export function checkScheduleBody(node: INode, body: ScheduleBody, fields: IDataObject, itemIndex: number): IDataObject {
	return checkBody(node, 'Availability schedule', scheduleBodyRule(body), fields, itemIndex);
}
