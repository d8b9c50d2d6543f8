/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * The README's scope table against the code: the table is rendered from test/package/scopeTable.ts, and each row is run
 * against the sandbox, the scopes it needs read from the requests it sent (HighLevel's OpenAPI files name each route's
 * scope). The credentials' scope strings are checked against the same rows.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

import { LoadOptionsContext } from 'n8n-core';

import { HighLevelCalendarsAgencyOAuth2Api } from '../../credentials/HighLevelCalendarsAgencyOAuth2Api.credentials';
import { HighLevelCalendarsApi } from '../../credentials/HighLevelCalendarsApi.credentials';
import { HighLevelCalendarsOAuth2Api } from '../../credentials/HighLevelCalendarsOAuth2Api.credentials';
import { searchLocations } from '../../nodes/HighLevelCalendars/listSearch/searchLocations';
import { listGroupsTest } from '../../nodes/HighLevelCalendars/transport/credentialTest';
import { requiredScope, routeRequest } from '../../tools/contract/openapi';
import { AGENCY_PER_ITEM, agencyCredentials } from '../../tools/engine/agency';
import { SANDBOX_LOCATION, SANDBOX_TOKEN, sandboxCredentials } from '../../tools/engine/credentials';
import { TestCredentialsHelper } from '../../tools/engine/credentialsHelper';
import { buildWorkflow, runWorkflow, stubbedAdditionalData } from '../../tools/engine/runWorkflow';
import { NODE_NAME, singleNodeWorkflow } from '../../tools/engine/workflows';
import { CONTACT, OPEN_EVERY_DAY } from '../../tools/sandbox/harness';
import type { LoggedRequest } from '../../tools/sandbox/request-log';
import { startSandbox, type Sandbox } from '../../tools/sandbox/server';
import { AGENCY_SCOPES, OPERATION_SCOPES, renderScopeTable, SCOPE_ROWS, type Seed } from './scopeTable';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
/** `text` when the README holds it (a failure shows the text missing, not the whole README). */
const inReadme = (text: string) => (readme.replace(/\s*\n\s*/g, ' ').includes(text.replace(/\s*\n\s*/g, ' ')) ? text : 'not in the README');

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox({ port: 0 })));
afterAll(async () => await sandbox.close());

/** The scopes HighLevel documents for the routes these requests took, in table order. */
function scopesOf(requests: LoggedRequest[]): string[] {
	const scopes = requests.map((request) => {
		const route = routeRequest(request.method, request.path, request.headers.version);
		if (!route) throw new Error(`no documented route for ${request.method} ${request.path}`);
		return requiredScope(route.operationId);
	});
	return [...new Set(scopes)].sort((a, b) => order(a) - order(b));
}
const order = (scope: string) => (OPERATION_SCOPES as readonly string[]).indexOf(scope);

/** The id in the answer to a POST of `body` (a list as it is; an object with the location unless `located` is false). */
async function post(path: string, body: object, located = true, version = '2021-04-15'): Promise<string> {
	const response = await fetch(`${sandbox.url}${path}`, {
		method: 'POST',
		headers: { authorization: `Bearer ${SANDBOX_TOKEN}`, version, 'content-type': 'application/json' },
		body: JSON.stringify(located && !Array.isArray(body) ? { locationId: SANDBOX_LOCATION, ...body } : body),
	});
	const answer = (await response.json()) as { group?: { id: string }; calendar?: { id: string }; note?: { id: string }; schedule?: { id?: string; calendarId?: string }; id?: string } & Array<{ _id: string }>;
	return String(answer.group?.id ?? answer.calendar?.id ?? answer.note?.id ?? answer.schedule?.id ?? answer.schedule?.calendarId ?? answer.id ?? answer[0]?._id);
}

/** The answer to a v3 POST of `body` with the location (the v3 services). */
async function postV3(path: string, body: object): Promise<{ service?: { id: string }; id?: string; bookingId?: string }> {
	const headers = { authorization: `Bearer ${SANDBOX_TOKEN}`, version: 'v3', 'content-type': 'application/json' };
	return (await (await fetch(`${sandbox.url}${path}`, { method: 'POST', headers, body: JSON.stringify({ locationId: SANDBOX_LOCATION, ...body }) })).json()) as { id?: string };
}

async function seed(): Promise<Seed> {
	sandbox.reset();
	const salesId = await post('/calendars/groups', { name: 'Sales', description: 'Sales calls', slug: 'sales' });
	const emptyId = await post('/calendars/groups', { name: 'Empty', description: 'Nothing yet', slug: 'empty' });
	const team = [{ userId: 'user1', priority: 0.5 }];
	const calendarId = await post('/calendars/', { name: 'Team Calls', calendarType: 'personal', slug: 'team-calls', groupId: salesId, teamMembers: team });
	const bookableId = await post('/calendars/', { name: 'Consultation', calendarType: 'event', slug: 'consultation', slotDuration: 30, slotInterval: 30, openHours: OPEN_EVERY_DAY });
	// 14:00 UTC is 9:00 or 10:00 in New York (the seeded zone): on the calendar's grid, a day and two days from now
	const day = (days: number) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + days, 14)).toISOString();
	const appointmentId = await post('/calendars/events/appointments', { calendarId: bookableId, contactId: CONTACT, startTime: day(2) });
	const blockedSlotId = await post('/calendars/events/block-slots', { calendarId: bookableId, startTime: day(4), endTime: day(5) });
	const noteId = await post(`/calendars/appointments/${appointmentId}/notes`, { body: 'Seeded' }, false);
	const roomId = await post('/calendars/resources/rooms', { name: 'Yoga Room', description: '', quantity: 1, outOfService: 0, capacity: 8, calendarIds: [] });
	const notificationId = await post(`/calendars/${calendarId}/notifications`, [{ receiverType: 'contact', channel: 'sms', notificationType: 'reminder' }]);
	const weekdays = [{ type: 'wday', day: 'monday', intervals: [{ from: '09:00', to: '17:00' }] }];
	const scheduleId = await post('/calendars/schedules', { name: 'Weekdays', userId: 'user1', timezone: 'America/New_York', rules: weekdays, calendarIds: [calendarId] });
	const ownScheduleCalendarId = await post('/calendars/', { name: 'Workshop', calendarType: 'event', slug: 'workshop' });
	await post(`/calendars/schedules/event-calendar/${ownScheduleCalendarId}`, { timezone: 'America/New_York', rules: weekdays }, false, 'v3');
	const serviceId = String((await postV3('/calendars/services/catalog', { name: 'Cut', slug: 'cut', staff: [{ id: 'user1' }] })).service?.id);
	const serviceLocationId = String((await postV3('/calendars/services/locations', { name: 'Studio', slug: 'studio' })).id);
	const serviceBookingStart = day(6);
	const booking = { contactId: CONTACT, startTime: serviceBookingStart, endTime: day(6).replace('T14', 'T15'), timezone: 'UTC', services: [{ id: serviceId }] };
	const serviceBookingId = String((await postV3('/calendars/services/bookings', booking)).bookingId);
	return { salesId, emptyId, calendarId, bookableId, appointmentId, freeSlot: day(3), blockedSlotId, noteId, roomId, notificationId, scheduleId, ownScheduleCalendarId, serviceId, serviceLocationId, serviceBookingId, serviceBookingStart };
}

test('the README\'s scope table is the one scopeTable.ts renders', () => {
	expect(readme.includes(renderScopeTable()) ? 'in the README' : renderScopeTable()).toBe('in the README');
});

test.each(SCOPE_ROWS.map((row) => [row.operation, row] as const))('%s needs what the table says', async (_operation, row) => {
	const seeded = await seed();
	const before = sandbox.requests().length;
	const run = await runWorkflow(singleNodeWorkflow(row.parameters(seeded)), sandboxCredentials(sandbox.url));
	expect(run.error(NODE_NAME)?.message).toBeUndefined();
	expect(scopesOf(sandbox.requests().slice(before))).toEqual(row.scopes);
});

describe('the credentials ask for the scopes the table names', () => {
	const tableScopes = [...new Set(SCOPE_ROWS.flatMap((row) => row.scopes))];
	const scopeOf = (properties: Array<{ name: string; default: unknown }>) => String(properties.find((p) => p.name === 'scope')?.default).split(' ');

	test('every operation scope is used by a row', () => {
		expect(tableScopes.sort((a, b) => order(a) - order(b))).toEqual([...OPERATION_SCOPES]);
	});

	test('OAuth2: the operations\' scopes, as the README lists them', () => {
		const scopes = scopeOf(new HighLevelCalendarsOAuth2Api().properties);
		expect(scopes).toEqual([...OPERATION_SCOPES]);
		expect(inReadme(`\`${scopes.join(' ')}\``)).toBe(`\`${scopes.join(' ')}\``);
	});

	test('Agency (OAuth2): the operations\' scopes and the agency\'s, each named in the README with its use', () => {
		const scopes = scopeOf(new HighLevelCalendarsAgencyOAuth2Api().properties);
		expect(scopes).toEqual([...OPERATION_SCOPES, ...AGENCY_SCOPES.map((entry) => entry.scope)]);
		expect(inReadme(`\`${scopes.join(' ')}\``)).toBe(`\`${scopes.join(' ')}\``);
		for (const entry of AGENCY_SCOPES) expect(inReadme(`| \`${entry.scope}\` | ${entry.use} |`)).toBe(`| \`${entry.scope}\` | ${entry.use} |`);
	});

	test('Private Integration Token: the field names the operations\' scopes', () => {
		const field = new HighLevelCalendarsApi().properties.find((p) => p.name === 'accessToken');
		for (const scope of OPERATION_SCOPES) expect(field?.description).toContain(scope);
	});

	test('the agency\'s minting needs oauth.write, its Location ID From List locations.readonly', async () => {
		sandbox.reset();
		const credentials = await agencyCredentials(sandbox);
		const locationId = sandbox.state().agency.companies[0].locations[0].id;
		const before = sandbox.requests().length;
		const run = await runWorkflow(singleNodeWorkflow({ ...AGENCY_PER_ITEM, operation: 'getAll', returnAll: true }, [{ locationId }]), credentials);
		expect(run.error(NODE_NAME)?.message).toBeUndefined();
		const sent = sandbox.requests().slice(before);
		expect(scopesOf(sent.filter((request) => request.path.startsWith('/oauth/')))).toEqual(['oauth.write']);

		const fixture = singleNodeWorkflow({ authentication: 'agencyOAuth2', operation: 'getAll' });
		const node = fixture.nodes.find((n) => n.name === NODE_NAME)!;
		const additionalData = stubbedAdditionalData({ credentialsHelper: new TestCredentialsHelper(credentials), currentNodeParameters: node.parameters });
		const searched = sandbox.requests().length;
		await searchLocations.call(new LoadOptionsContext(buildWorkflow(fixture), node, additionalData, 'parameters.locationId'));
		expect(scopesOf(sandbox.requests().slice(searched))).toEqual(['locations.readonly']);
	});
});

test('the README quotes the credential test\'s 401 message in full', () => {
	const rule = listGroupsTest('', '').rules?.find((r) => r.type === 'responseSuccessBody' && r.properties.value === 401);
	const message = (rule?.properties as { message: string }).message;
	expect(inReadme(`*${message}*`)).toBe(`*${message}*`);
});
