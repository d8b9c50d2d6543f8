import { ApiVersion, RecordedRequest, requiredScope, validateRequest, validateResponse } from '../../tools/contract/openapi';

const VERSIONS: ApiVersion[] = ['2021-04-15', 'v3'];
const T = '2026-06-02T10:00:00-04:00';

function request(version: string, method: string, path: string, extra: Partial<RecordedRequest> = {}): RecordedRequest {
	const headers: Record<string, string> = { authorization: 'Bearer pit-abc', version };
	if (extra.body !== undefined) headers['content-type'] = 'application/json';
	return { method, path, query: {}, ...extra, headers };
}

/** One valid request per booking operation, and the scope the spec asks for. */
const VALID: Array<[string, string, string, Partial<RecordedRequest>, string]> = [
	['create-appointment', 'POST', '/calendars/events/appointments', { body: { calendarId: 'c', locationId: 'l', contactId: 'k', startTime: T, toNotify: false } }, 'calendars/events.write'],
	['edit-appointment', 'PUT', '/calendars/events/appointments/e1', { body: { startTime: T, appointmentStatus: 'cancelled' } }, 'calendars/events.write'],
	['get-appointment', 'GET', '/calendars/events/appointments/e1', {}, 'calendars/events.readonly'],
	['delete-event', 'DELETE', '/calendars/events/e1', { body: {} }, 'calendars/events.write'],
	['get-calendar-events', 'GET', '/calendars/events', { query: { locationId: 'l', calendarId: 'c', startTime: '1780000000000', endTime: '1780086400000' } }, 'calendars/events.readonly'],
	['get-slots', 'GET', '/calendars/c1/free-slots', { query: { startDate: '1780000000000', endDate: '1780086400000', timezone: 'Europe/Berlin', userIds: 'u1,u2' } }, 'calendars.readonly'],
	['create-block-slot', 'POST', '/calendars/events/block-slots', { body: { locationId: 'l', assignedUserId: 'u1', startTime: T, endTime: T } }, 'calendars/events.write'],
	['edit-block-slot', 'PUT', '/calendars/events/block-slots/e1', { body: { locationId: 'l', calendarId: 'c', title: 'Lunch' } }, 'calendars/events.write'],
	['get-blocked-slots', 'GET', '/calendars/blocked-slots', { query: { locationId: 'l', userId: 'u1', startTime: '1', endTime: '2' } }, 'calendars/events.readonly'],
	['get-appointment-notes', 'GET', '/calendars/appointments/a1/notes', { query: { limit: '10', offset: '0' } }, 'calendars/events.readonly'],
	['create-appointment-note', 'POST', '/calendars/appointments/a1/notes', { body: { body: 'Call first' } }, 'calendars/events.write'],
	['update-appointment-note', 'PUT', '/calendars/appointments/a1/notes/n1', { body: { body: 'Call first', userId: 'u1' } }, 'calendars/events.write'],
	['delete-appointment-note', 'DELETE', '/calendars/appointments/a1/notes/n1', {}, 'calendars/events.write'],
];

const EVENT = { id: 'e1', title: 't', calendarId: 'c', locationId: 'l', contactId: 'k', groupId: '', appointmentStatus: 'confirmed', assignedUserId: '', users: [], startTime: T, endTime: T, dateAdded: T, dateUpdated: T };

describe.each(VERSIONS)('booking contract, Version %s', (version) => {
	it.each(VALID)('accepts a valid %s request (%s %s) and names its scope', (operationId, method, path, extra, scope) => {
		const result = validateRequest(request(version, method, path, extra));
		expect(result.errors).toEqual([]);
		expect(result.operation).toMatchObject({ operationId, version });
		expect(requiredScope(operationId)).toBe(scope);
	});

	it('refuses what the spec refuses: undocumented fields, a missing field, a number where it wants a string, a limit over 20', () => {
		const errors = (method: string, path: string, extra: Partial<RecordedRequest>) => validateRequest(request(version, method, path, extra)).errors;
		expect(errors('POST', '/calendars/events/appointments', { body: { calendarId: 'c', locationId: 'l', contactId: 'k', startTime: T, colour: 'red' } })).toEqual([expect.stringContaining('"colour"')]);
		expect(errors('POST', '/calendars/events/appointments', { body: { calendarId: 'c', locationId: 'l', startTime: T } })).toEqual([expect.stringContaining('"contactId"')]);
		expect(errors('GET', '/calendars/c1/free-slots', { query: { startDate: 'tomorrow', endDate: '1' } })).toEqual([expect.stringContaining('"startDate"')]);
		expect(errors('GET', '/calendars/appointments/a1/notes', { query: { limit: '21', offset: '0' } })).toEqual([expect.stringContaining('"limit"')]);
		expect(errors('DELETE', '/calendars/events/e1', {})).toEqual(['request body is required']);
	});

	it('reads the block slots\' calendarId as "calendarId or assignedUserId, not both"', () => {
		const errors = (body: Record<string, unknown>) => validateRequest(request(version, 'POST', '/calendars/events/block-slots', { body: { locationId: 'l', ...body } })).errors;
		expect(errors({ calendarId: 'c' })).toEqual([]);
		expect(errors({ assignedUserId: 'u' })).toEqual([]);
		expect(errors({})).toEqual([expect.stringContaining('"calendarId"')]);
		expect(errors({ calendarId: 'c', assignedUserId: 'u' })).toEqual(['Either calendarId or assignedUserId can be set, not both.']);
	});

	it('checks answers: event dates the spec types as object are ISO strings; free slots keyed by date', () => {
		const op = (operationId: string) => ({ operationId, version });
		expect(validateResponse(op('get-appointment'), 200, { event: EVENT })).toEqual([]);
		expect(validateResponse(op('get-appointment'), 200, { event: { ...EVENT, startTime: 1780000000000 } })).toEqual(['body.event.startTime: must be string,object']);
		expect(validateResponse(op('get-calendar-events'), 200, { events: [{ ...EVENT, users: undefined }] })).toEqual(["body.events.0: must have required property 'users'"]);
		expect(validateResponse(op('get-slots'), 200, { '2024-10-28': { slots: ['2024-10-28T10:00:00-05:00'] } })).toEqual([]);
		expect(validateResponse(op('get-slots'), 200, { '2024-10-28': ['2024-10-28T10:00:00-05:00'] })).not.toEqual([]);
		const appointment = { id: 'a', calendarId: 'c', locationId: 'l', contactId: 'k' };
		expect(validateResponse(op('create-appointment'), 200, appointment)).toEqual(version === 'v3' ? ["body: must have required property 'dateAdded'", "body: must have required property 'dateUpdated'"] : []);
	});
});
