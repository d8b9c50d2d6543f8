/**
 * The node's checks of availability-schedule bodies against the official OpenAPI files: each table is the spec's
 * schema (patterns included), and for a table of bodies what the node lets through the spec takes, and what the spec
 * refuses the node refuses. The event-calendar bodies exist in the v3 file only.
 */
import { scheduleBodyRule, type ScheduleBody } from '../../nodes/HighLevelCalendars/api/availabilitySchedules/scheduleChecks';
import { shapeProblem } from '../../nodes/HighLevelCalendars/shared/schemaCheck';
import { ApiVersion, validateRequest } from '../../tools/contract/openapi';
import { componentSchemas, fromRule, jsonRequest, normalize, type Json } from '../../tools/contract/ruleTable';

const BODIES: Record<ScheduleBody, { schema: string; method: string; path: string; versions: ApiVersion[] }> = {
	create: { schema: 'CreateScheduleDTO', method: 'POST', path: '/calendars/schedules', versions: ['2021-04-15', 'v3'] },
	update: { schema: 'UpdateScheduleDTO', method: 'PUT', path: '/calendars/schedules/s1', versions: ['2021-04-15', 'v3'] },
	createCalendarSchedule: { schema: 'CreateEventCalendarScheduleDTO', method: 'POST', path: '/calendars/schedules/event-calendar/c1', versions: ['v3'] },
	updateCalendarSchedule: { schema: 'UpdateEventCalendarScheduleDTO', method: 'PUT', path: '/calendars/schedules/event-calendar/c1', versions: ['v3'] },
};
const PAIRS = (Object.keys(BODIES) as ScheduleBody[]).flatMap((body) => BODIES[body].versions.map((version) => [body, version] as const));

const MONDAY = { type: 'wday', day: 'monday', intervals: [{ from: '09:00', to: '17:00' }] };
const SCHEDULE = { locationId: 'loc1', name: 'Hours', userId: 'u1', timezone: 'America/New_York', rules: [MONDAY] };
const OWN = { timezone: 'Europe/Berlin', rules: [MONDAY] };
const interval = (from: string, to: string) => ({ rules: [{ ...MONDAY, intervals: [{ from, to }] }] });

/** [what, body kind, body] */
const CASES: Array<[string, ScheduleBody, Json]> = [
	['a schedule with every required property', 'create', SCHEDULE],
	['a schedule without rules', 'create', { ...SCHEDULE, rules: undefined }],
	['a schedule without a user', 'create', { ...SCHEDULE, userId: undefined }],
	['a schedule applied to calendars', 'create', { ...SCHEDULE, calendarIds: ['c1', 'c2'] }],
	['a calendar id as a number', 'create', { ...SCHEDULE, calendarIds: [1] }],
	['a zone of three parts', 'create', { ...SCHEDULE, timezone: 'America/Argentina/Buenos_Aires' }],
	['UTC', 'create', { ...SCHEDULE, timezone: 'UTC' }],
	['Etc/GMT+5', 'create', { ...SCHEDULE, timezone: 'Etc/GMT+5' }],
	['a single-digit hour', 'create', { ...SCHEDULE, ...interval('9:00', '17:00') }],
	['24:00', 'create', { ...SCHEDULE, ...interval('09:00', '24:00') }],
	['seconds', 'create', { ...SCHEDULE, ...interval('09:00:00', '17:00') }],
	['a date rule', 'create', { ...SCHEDULE, rules: [{ type: 'date', date: '2026-12-24', intervals: [] }] }],
	['a date with a time', 'create', { ...SCHEDULE, rules: [{ type: 'date', date: '2026-12-24T00:00:00Z', intervals: [] }] }],
	['an unknown day', 'create', { ...SCHEDULE, rules: [{ ...MONDAY, day: 'mon' }] }],
	['an unknown rule type', 'create', { ...SCHEDULE, rules: [{ ...MONDAY, type: 'week' }] }],
	['a rule without intervals', 'create', { ...SCHEDULE, rules: [{ type: 'wday', day: 'monday' }] }],
	['an interval without an end', 'create', { ...SCHEDULE, rules: [{ ...MONDAY, intervals: [{ from: '09:00' }] }] }],
	['an undocumented rule property', 'create', { ...SCHEDULE, rules: [{ ...MONDAY, enabled: true }] }],
	['a name only', 'update', { name: 'Renamed' }],
	['a user in an update', 'update', { userId: 'u2' }],
	['calendars in an update', 'update', { calendarIds: ['c1'] }],
	['an empty update', 'update', {}],
	['an own schedule', 'createCalendarSchedule', OWN],
	['an own schedule without rules', 'createCalendarSchedule', { timezone: 'Europe/Berlin' }],
	['an own schedule with a name', 'createCalendarSchedule', { ...OWN, name: 'x' }],
	['an own schedule\'s zone only', 'updateCalendarSchedule', { timezone: 'Europe/Berlin' }],
	['an own schedule\'s bad time', 'updateCalendarSchedule', interval('25:00', '26:00')],
];

describe('the node\'s availability-schedule checks', () => {
	it.each(PAIRS)('describe the %s body exactly as the official schema of Version %s does', (body, version) => {
		const schemas = componentSchemas(version);
		expect(fromRule(scheduleBodyRule(body))).toEqual(normalize(schemas[BODIES[body].schema] as Json, schemas));
	});

	it.each(CASES.flatMap(([what, body, sent]) => BODIES[body].versions.map((version) => [what, version, body, sent] as const)))(
		'%s (Version %s): what the node lets through the spec takes, what the spec refuses the node refuses',
		(_what, version, body, sent) => {
			const request = jsonRequest(BODIES[body].method, BODIES[body].path, version, JSON.parse(JSON.stringify(sent)) as Json);
			const specErrors = validateRequest(request).errors;
			const nodeProblem = shapeProblem(scheduleBodyRule(body), request.body, '');
			expect({ nodeRefuses: nodeProblem !== undefined, specErrors }).toEqual({ nodeRefuses: specErrors.length > 0, specErrors });
		},
	);
});
