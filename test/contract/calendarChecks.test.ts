/**
 * The node's hand-written checks of a calendar body (no ajv at run time) against the official OpenAPI files: the
 * table of properties is the spec's schema, and for a table of bodies whatever the node's checks let through
 * validates against the spec, and whatever the spec refuses the node refuses.
 */
import { calendarBodyRule } from '../../nodes/HighLevelCalendars/api/calendars/calendarSchema';
import { shapeProblem } from '../../nodes/HighLevelCalendars/shared/schemaCheck';
import { ApiVersion, validateRequest } from '../../tools/contract/openapi';
import { componentSchemas, fromRule, jsonRequest, normalize, type Json } from '../../tools/contract/ruleTable';

const VERSIONS: ApiVersion[] = ['2021-04-15', 'v3'];

const BODY_SCHEMA = { create: 'CalendarCreateDTO', update: 'CalendarUpdateDTO' } as const;

describe.each(VERSIONS)('the node\'s calendar checks, Version %s', (version) => {
	it.each(['create', 'update'] as const)('describe %s\'s body exactly as the official schema does', (operation) => {
		const schemas = componentSchemas(version);
		expect(fromRule(calendarBodyRule(operation, version))).toEqual(normalize(schemas[BODY_SCHEMA[operation]] as Json, schemas));
	});

	it('cover the 55 documented properties of a create', () => {
		expect(Object.keys(calendarBodyRule('create', version).properties)).toHaveLength(55);
	});

	const BASE = { locationId: 'loc1', name: 'Intro call' };
	/** [what, operation, body] */
	const CASES: Array<[string, 'create' | 'update', Json]> = [
		['the least a create needs', 'create', BASE],
		['no name', 'create', { locationId: 'loc1' }],
		['each calendar type', 'create', { ...BASE, calendarType: 'collective' }],
		['an unknown calendar type', 'create', { ...BASE, calendarType: 'webinar' }],
		['team members with priority and a meeting location', 'create', { ...BASE, teamMembers: [{ userId: 'u1', priority: 1, isPrimary: true, locationConfigurations: [{ kind: 'physical', location: 'Main St 1' }] }] }],
		['a priority of 0.7', 'create', { ...BASE, teamMembers: [{ userId: 'u1', priority: 0.7 }] }],
		['a team member without userId', 'create', { ...BASE, teamMembers: [{ priority: 1 }] }],
		['an undocumented team member property', 'create', { ...BASE, teamMembers: [{ userId: 'u1', email: 'a@b.c' }] }],
		['a meeting location without kind', 'create', { ...BASE, locationConfigurations: [{ location: 'x' }] }],
		['an unknown meeting location kind', 'create', { ...BASE, locationConfigurations: [{ kind: 'skype' }] }],
		['slot settings with units', 'create', { ...BASE, slotDuration: 45, slotDurationUnit: 'mins', slotInterval: 1, slotIntervalUnit: 'hours', slotBuffer: 5, slotBufferUnit: 'mins' }],
		['a slot duration as text', 'create', { ...BASE, slotDuration: '45' }],
		['a slot unit of days', 'create', { ...BASE, slotDurationUnit: 'days' }],
		['a notice in minutes', 'create', { ...BASE, allowBookingAfter: 30, allowBookingAfterUnit: 'mins' }],
		['open hours', 'create', { ...BASE, openHours: [{ daysOfTheWeek: [1, 2], hours: [{ openHour: 9, openMinute: 0, closeHour: 17, closeMinute: 30 }] }] }],
		['a day of the week 7', 'create', { ...BASE, openHours: [{ daysOfTheWeek: [7], hours: [] }] }],
		['an hour of 24', 'create', { ...BASE, openHours: [{ daysOfTheWeek: [1], hours: [{ openHour: 24, openMinute: 0, closeHour: 1, closeMinute: 0 }] }] }],
		['recurring 25 times', 'create', { ...BASE, recurring: { freq: 'DAILY', count: 25 } }],
		['look busy', 'create', { ...BASE, lookBusyConfig: { enabled: true, LookBusyPercentage: 20 } }],
		['look busy without its percentage', 'create', { ...BASE, lookBusyConfig: { enabled: true } }],
		['an availability with an id', 'create', { ...BASE, availabilities: [{ date: '2026-12-24T00:00:00.000Z', hours: [], id: 'a1' }] }],
		['an availability type of 2', 'create', { ...BASE, availabilityType: 2 }],
		['a notification', 'create', { ...BASE, notifications: [{ shouldSendToContact: true, shouldSendToGuest: false, shouldSendToUser: true, shouldSendToSelectedUsers: false, selectedUsers: '' }] }],
		['an undocumented property', 'create', { ...BASE, colour: 'red' }],
		['null for a text', 'create', { ...BASE, description: null }],
		['the deprecated read-only meeting location', 'create', { ...BASE, meetingLocation: 'Main St 1' }],
		['an update of slot duration and group', 'update', { slotDuration: 60, groupId: '' }],
		['an availability with an id in an update', 'update', { availabilities: [{ date: '2026-12-24T00:00:00.000Z', hours: [], id: 'a1' }] }],
		['a calendar type in an update', 'update', { calendarType: 'event' }],
		['a slot buffer unit in an update', 'update', { slotBufferUnit: 'mins' }],
		['a location in an update', 'update', { locationId: 'loc1' }],
	];

	it.each(CASES)('%s: what the node lets through the spec takes, what the spec refuses the node refuses', (_what, operation, body) => {
		const request = operation === 'create' ? jsonRequest('POST', '/calendars/', version, body) : jsonRequest('PUT', '/calendars/cal1', version, body);
		const specErrors = validateRequest(request).errors;
		const nodeProblem = shapeProblem(calendarBodyRule(operation, version), body, '');
		if (nodeProblem === undefined) expect(specErrors).toEqual([]);
		if (specErrors.length > 0) expect(nodeProblem).toBeDefined();
		// the node is stricter only about the read-only properties it does not send
		expect(nodeProblem === undefined || specErrors.length > 0 || nodeProblem.problem.startsWith('is read-only')).toBe(true);
	});

	it('name the field, nested ones with their path', () => {
		const rule = calendarBodyRule('create', version);
		expect(shapeProblem(rule, { locationId: 'l', name: 'n', teamMembers: [{ userId: 'u' }, { userId: 'v', priority: 2 }] }, '')).toEqual({
			field: 'teamMembers[1].priority',
			problem: 'must be one of 0, 0.5, 1',
		});
		expect(shapeProblem(rule, { locationId: 'l', name: 'n', recurring: { freq: 'HOURLY' } }, '')).toEqual({
			field: 'recurring.freq',
			problem: 'must be one of "DAILY", "WEEKLY", "MONTHLY"',
		});
	});
});
