/**
 * The node's hand-written checks of the blocked-slot and note bodies against the official OpenAPI files: the rule
 * tables are the spec's schemas (but for the blocked slot's calendarId, see below), and what the checks let through
 * validates against the spec, what the spec refuses they refuse.
 */
import type { IDataObject } from 'n8n-workflow';

import { BLOCKED_SLOT_BODY, checkBlockedSlotBody } from '../../nodes/HighLevelCalendars/api/blockedSlots/blockedSlotBody';
import { NOTE_BODY } from '../../nodes/HighLevelCalendars/api/appointmentNotes/noteBody';
import { shapeProblem } from '../../nodes/HighLevelCalendars/shared/schemaCheck';
import { ApiVersion, validateRequest } from '../../tools/contract/openapi';
import { componentSchemas, fromRule, normalize, type Json } from '../../tools/contract/ruleTable';

const NODE = { id: 'n', name: 'HighLevel Calendars', type: 'highLevelCalendars', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
const headers = (version: string) => ({ authorization: 'Bearer pit-abc', version, 'content-type': 'application/json' });

/** Whether the node's check lets the body through (a refusal is a NodeOperationError). */
function nodeTakes(body: Json): boolean {
	try {
		checkBlockedSlotBody(NODE, body as IDataObject, 0);
		return true;
	} catch {
		return false;
	}
}

describe.each<ApiVersion>(['2021-04-15', 'v3'])("the node's blocked-slot and note checks, Version %s", (version) => {
	const schemas = componentSchemas(version);

	it.each(['BlockSlotCreateRequestDTO', 'BlockSlotEditRequestDTO'])(
		'describe %s as the spec does, but for calendarId: required there, one of calendarId or assignedUserId here',
		(name) => {
			const spec = normalize(schemas[name] as Json, schemas) as Json;
			expect(spec.required).toEqual(['calendarId', 'locationId']);
			expect((schemas[name] as { properties: Record<string, { description?: string }> }).properties.calendarId.description).toBe(
				'Either calendarId or assignedUserId can be set, not both.',
			);
			expect(fromRule(BLOCKED_SLOT_BODY)).toEqual({ ...spec, required: ['locationId'] });
		},
	);

	it('describe NotesDTO as the spec does', () => {
		expect(fromRule(NOTE_BODY)).toEqual(normalize(schemas.NotesDTO as Json, schemas));
	});

	const BASE = { locationId: 'loc1', startTime: '2026-07-01T09:00:00-04:00', endTime: '2026-07-01T10:00:00-04:00' };
	const BLOCKS: Array<[string, Json, boolean]> = [
		['a calendar\'s block', { ...BASE, calendarId: 'cal1', title: 't' }, true],
		['a user\'s block (the spec\'s required list refuses it, its descriptions allow it)', { ...BASE, assignedUserId: 'u1' }, true],
		['both owners', { ...BASE, calendarId: 'cal1', assignedUserId: 'u1' }, false],
		['no owner', BASE, false],
		['no location', { calendarId: 'cal1', startTime: BASE.startTime }, false],
		['an undocumented property', { ...BASE, calendarId: 'cal1', groupId: 'g1' }, false],
		['a title that is no text', { ...BASE, calendarId: 'cal1', title: 5 }, false],
	];

	it.each(BLOCKS)('%s: the node takes it exactly when the contract does', (_what, body, taken) => {
		for (const [method, path] of [['POST', '/calendars/events/block-slots'], ['PUT', '/calendars/events/block-slots/ev1']]) {
			const specErrors = validateRequest({ method, path, query: {}, headers: headers(version), body }).errors;
			expect([nodeTakes(body), specErrors.length === 0]).toEqual([taken, taken]);
		}
	});

	const NOTES: Array<[string, Json]> = [
		['a note', { body: 'Called back' }],
		['a note by a user', { body: 'Called back', userId: 'u1' }],
		['5,000 characters', { body: 'x'.repeat(5000) }],
		['5,001 characters', { body: 'x'.repeat(5001) }],
		['no text', { userId: 'u1' }],
		['an undocumented property', { body: 'b', contactId: 'c1' }],
	];

	it.each(NOTES)('%s: the node refuses what the spec refuses', (_what, body) => {
		for (const [method, path] of [['POST', '/calendars/appointments/a1/notes'], ['PUT', '/calendars/appointments/a1/notes/n1']]) {
			const specErrors = validateRequest({ method, path, query: {}, headers: headers(version), body }).errors;
			expect(shapeProblem(NOTE_BODY, body, '') === undefined).toBe(specErrors.length === 0);
		}
	});

	it('the list queries the node sends are the documented ones', () => {
		const range = { locationId: 'loc1', startTime: '1782900000000', endTime: '1783504800000' };
		for (const whose of [{ calendarId: 'c1' }, { groupId: 'g1' }, { userId: 'u1' }] as Array<Record<string, string>>) {
			expect(validateRequest({ method: 'GET', path: '/calendars/blocked-slots', query: { ...range, ...whose }, headers: headers(version) }).errors).toEqual([]);
		}
		expect(validateRequest({ method: 'GET', path: '/calendars/appointments/a1/notes', query: { limit: '20', offset: '40' }, headers: headers(version) }).errors).toEqual([]);
		expect(validateRequest({ method: 'GET', path: '/calendars/appointments/a1/notes', query: { limit: '21', offset: '0' }, headers: headers(version) }).errors).toHaveLength(1);
	});
});
