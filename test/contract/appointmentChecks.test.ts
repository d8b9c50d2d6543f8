/**
 * The node's hand-written checks of an appointment body against the official OpenAPI files: the rule table is the
 * spec's schema, and what the checks let through validates against the spec, what the spec refuses they refuse.
 */
import { appointmentBodyRule } from '../../nodes/HighLevelCalendars/api/appointments/appointmentSchema';
import { shapeProblem } from '../../nodes/HighLevelCalendars/shared/schemaCheck';
import { ApiVersion, validateRequest } from '../../tools/contract/openapi';
import { componentSchemas, fromRule, jsonRequest, normalize, type Json } from '../../tools/contract/ruleTable';

const BODY_SCHEMA = { create: 'AppointmentCreateSchema', update: 'AppointmentEditSchema' } as const;

describe.each<ApiVersion>(['2021-04-15', 'v3'])("the node's appointment checks, Version %s", (version) => {
	it.each(['create', 'update'] as const)("describe %s's body exactly as the official schema does", (operation) => {
		const schemas = componentSchemas(version);
		expect(fromRule(appointmentBodyRule(operation, version))).toEqual(normalize(schemas[BODY_SCHEMA[operation]] as Json, schemas));
	});

	const BASE = { calendarId: 'cal1', locationId: 'loc1', contactId: 'c1', startTime: '2026-03-09T10:00:00-04:00' };
	const CASES: Array<[string, 'create' | 'update', Json]> = [
		['the least a booking needs', 'create', BASE],
		['no contact', 'create', { calendarId: 'cal1', locationId: 'loc1', startTime: BASE.startTime }],
		['every option', 'create', { ...BASE, endTime: '2026-03-09T10:30:00-04:00', title: 't', meetingLocationType: 'ms_teams', meetingLocationId: 'custom_0', overrideLocationConfig: true, appointmentStatus: 'showed', assignedUserId: 'u1', description: 'd', address: 'a', ignoreDateRange: true, toNotify: false, ignoreFreeSlotValidation: true, rrule: 'RRULE:FREQ=DAILY;COUNT=2' }],
		['status completed (v3 only)', 'create', { ...BASE, appointmentStatus: 'completed' }],
		['an unknown meeting location type', 'create', { ...BASE, meetingLocationType: 'skype' }],
		['an undocumented userId', 'create', { ...BASE, userId: 'u1' }],
		['toNotify as text', 'create', { ...BASE, toNotify: 'false' }],
		['a reschedule', 'update', { startTime: '2026-03-10T10:00:00-04:00', endTime: '2026-03-10T10:30:00-04:00', toNotify: true }],
		['a cancel', 'update', { appointmentStatus: 'cancelled', toNotify: true }],
		['a contact in an update', 'update', { contactId: 'c2' }],
		['a location in an update', 'update', { locationId: 'loc1' }],
	];

	it.each(CASES)('%s: what the node lets through the spec takes, what the spec refuses the node refuses', (_what, operation, body) => {
		const request =
			operation === 'create'
				? jsonRequest('POST', '/calendars/events/appointments', version, body)
				: jsonRequest('PUT', '/calendars/events/appointments/ev1', version, body);
		const specErrors = validateRequest(request).errors;
		const nodeProblem = shapeProblem(appointmentBodyRule(operation, version), body, '');
		expect(nodeProblem === undefined).toBe(specErrors.length === 0);
	});
});
