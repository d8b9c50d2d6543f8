/** Availability Schedule in n8n-core's engine against the sandbox: every request checked against the spec. */
import type { INodeParameters } from 'n8n-workflow';

import type { ApiVersion } from '../../tools/contract/openapi';
import { validateRequest } from '../../tools/contract/openapi';
import { AGENCY_PER_ITEM, agencyCredentials } from '../../tools/engine/agency';
import { SANDBOX_LOCATION, sandboxCredentials } from '../../tools/engine/credentials';
import { runWorkflow } from '../../tools/engine/runWorkflow';
import { NODE_NAME, singleNodeWorkflow, withContinueOnFail } from '../../tools/engine/workflows';
import { OTHER, bookableCalendar, expectRequestsValid } from '../../tools/sandbox/harness';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../tools/sandbox/server';

/** Monday 1 June 2026, 12:00 UTC */
const NOW = Date.parse('2026-06-01T12:00:00Z');
let sandbox: Sandbox;
async function restart(options: SandboxOptions = {}) {
	await sandbox?.close();
	sandbox = await startSandbox({ port: 0, clock: () => NOW, ...options });
}
afterAll(async () => await sandbox.close());

/** The node in a workflow whose time zone is Berlin (an empty Time Zone is the workflow's). */
async function run(parameters: INodeParameters, items: object[] = [{}]) {
	const fixture = { ...withContinueOnFail(singleNodeWorkflow({ resource: 'availabilitySchedule', ...parameters }, items)), settings: { timezone: 'Europe/Berlin' } };
	const result = await runWorkflow(fixture, sandboxCredentials(sandbox.url));
	return { output: result.output(NODE_NAME) ?? [], error: result.error(NODE_NAME) };
}

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const stored = (locationId = SANDBOX_LOCATION) => sandbox.state().schedules.schedules[locationId] ?? [];
const tuesdayAfternoon = { hours: [{ day: 'tuesday', from: '15:00', to: '16:00' }] };
const sent = (method: string, path: RegExp) => sandbox.requests().filter((r) => r.method === method && path.test(r.path));

describe.each<ApiVersion>(['2021-04-15', 'v3'])('Availability Schedule with Version %s', (apiVersion) => {
	beforeAll(async () => await restart());
	beforeEach(() => sandbox.reset());
	const options = { apiVersion };
	const freeSlots = async (calendarId: string) =>
		(await run({ resource: 'calendar', operation: 'getFreeSlots', calendar: byId(calendarId), start: '2026-06-02T00:00:00-04:00', end: '2026-06-02T23:59:00-04:00', options })).output.map((slot) => slot.json.start);

	test('Create → Get → Search → Update → Apply to Calendar (Get Free Slots follows it) → Remove from Calendar → Delete', async () => {
		const calendar = await bookableCalendar(sandbox, { teamMembers: [{ userId: 'u1' }] });
		const created = await run({ operation: 'create', name: '={{ $json.name }}', userId: 'u1', weeklyHours: tuesdayAfternoon, dateHours: { hours: [{ date: '={{ $now.set({ year: 2026, month: 12, day: 24 }) }}', from: '9:00', to: '12:00' }] }, options }, [{ name: 'Afternoons' }]);
		expect(created.error).toBeUndefined();
		const [schedule] = stored();
		expect(created.output).toEqual([{ json: schedule, pairedItem: { item: 0 } }]);
		const [post] = sent('POST', /^\/calendars\/schedules$/);
		expect(post.headers.version).toBe(apiVersion);
		expect(post.body).toEqual({
			locationId: SANDBOX_LOCATION,
			name: 'Afternoons',
			userId: 'u1',
			timezone: 'Europe/Berlin',
			rules: [
				{ type: 'wday', day: 'tuesday', intervals: [{ from: '15:00', to: '16:00' }] },
				{ type: 'date', date: '2026-12-24', intervals: [{ from: '09:00', to: '12:00' }] },
			],
		});

		expect((await run({ operation: 'get', schedule: byId(schedule.id), options })).output[0].json).toEqual(schedule);
		expect((await run({ operation: 'search', userId: 'u1', returnAll: true, options })).output.map((i) => i.json)).toEqual([schedule]);
		expect((await run({ operation: 'search', userId: 'u2', returnAll: true, options })).output).toEqual([]);

		const updated = await run({ operation: 'update', schedule: byId(schedule.id), updateFields: { name: 'Tuesdays', weeklyHours: tuesdayAfternoon }, options });
		expect(updated.output[0].json).toMatchObject({ id: schedule.id, name: 'Tuesdays', rules: [{ type: 'wday', day: 'tuesday', intervals: [{ from: '15:00', to: '16:00' }] }] });
		expect(sent('PUT', /^\/calendars\/schedules\/[^/]+$/)[0].body).toEqual({ name: 'Tuesdays', rules: [{ type: 'wday', day: 'tuesday', intervals: [{ from: '15:00', to: '16:00' }] }] });

		expect(await freeSlots(calendar.id)).toHaveLength(16);
		const applied = await run({ operation: 'applyToCalendar', schedule: byId(schedule.id), calendar: byId(calendar.id), options });
		expect(applied.output[0].json).toEqual({ applied: true, id: schedule.id, calendarId: calendar.id });
		// the schedule's Berlin 15:00 to 16:00 in place of the calendar's open hours (New York 9:00 to 17:00)
		expect(await freeSlots(calendar.id)).toEqual(['2026-06-02T15:00:00+02:00', '2026-06-02T15:30:00+02:00']);
		expect((await run({ operation: 'search', userId: 'u1', appliedTo: byId(calendar.id), returnAll: true, options })).output).toHaveLength(1);

		expect((await run({ operation: 'removeFromCalendar', schedule: byId(schedule.id), calendar: byId(calendar.id), options })).output[0].json).toEqual({ removed: true, id: schedule.id, calendarId: calendar.id });
		expect(await freeSlots(calendar.id)).toHaveLength(16);
		expect((await run({ operation: 'delete', schedule: byId(schedule.id), options })).output[0].json).toEqual({ deleted: true, id: schedule.id });
		expect(stored()).toEqual([]);
		expectRequestsValid(sandbox);
	});

	test('bad input is refused before sending, naming the field and the item; the other items go on', async () => {
		const { output } = await run(
			{ operation: 'create', name: 'Hours', userId: '={{ $json.user }}', timeZone: '={{ $json.zone }}', weeklyHours: { hours: [{ day: 'monday', from: '={{ $json.from }}', to: '17:00' }] }, options },
			[
				{ user: 'u1', zone: 'America/New_York', from: '09:00' },
				{ user: 'u1', zone: 'America/New_York', from: '9am' },
				{ user: 'u1', zone: 'UTC', from: '09:00' },
				{ user: 'u1', zone: 'Mars/Base', from: '09:00' },
				{ user: '', zone: 'America/New_York', from: '09:00' },
				{ user: 'u1', zone: 'America/New_York', from: '18:00' },
			],
		);
		expect(output[0].json).toMatchObject({ name: 'Hours', timezone: 'America/New_York' });
		expect(output.slice(1).map((i) => [i.pairedItem, i.json.error])).toEqual([
			[{ item: 1 }, 'Weekly Hours From "9am" in item 1 is not a time of day'],
			[{ item: 2 }, expect.stringMatching(/^Availability schedule field "timezone" in item 2 "UTC" is not in the form HighLevel takes/)],
			[{ item: 3 }, 'Time Zone "Mars/Base" in item 3 is not a time zone'],
			[{ item: 4 }, 'User ID is empty in item 4'],
			[{ item: 5 }, 'Weekly Hours in item 5 ends at 17:00, not after it starts (18:00)'],
		]);
		expect(sent('POST', /^\/calendars\/schedules$/)).toHaveLength(1);
	});

	test("the calendar's own schedule: v3 only, refused on 2021-04-15 before sending, naming the field and the item", async () => {
		const calendar = await bookableCalendar(sandbox);
		const own = async (operation: string, parameters: INodeParameters = {}) => await run({ operation, calendar: byId(calendar.id), options, ...parameters });
		const created = await own('createCalendarSchedule', { timeZone: 'America/New_York', weeklyHours: tuesdayAfternoon });
		if (apiVersion === '2021-04-15') {
			expect(created.output[0].json.error).toBe('API Version 2021-04-15 in item 0 has no "Create Calendar\'s Own Schedule": it needs API Version v3');
			expect((await own('getCalendarSchedule')).output[0].json.error).toMatch(/^API Version 2021-04-15 in item 0 has no "Get Calendar's Own Schedule"/);
			expect((await own('updateCalendarSchedule', { updateFields: { timeZone: 'Europe/Berlin' } })).output[0].json.error).toMatch(/^API Version 2021-04-15 in item 0 has no "Update Calendar's Own Schedule"/);
			expect(sent('GET', /event-calendar/).length + sent('POST', /event-calendar/).length + sent('PUT', /event-calendar/).length).toBe(0);
			// with API Version not set, the route's one Version is sent
			const unset = await run({ operation: 'createCalendarSchedule', calendar: byId(calendar.id), timeZone: 'America/New_York', weeklyHours: tuesdayAfternoon });
			expect(unset.output[0].json).toMatchObject({ calendarId: calendar.id });
			expect(sent('POST', /event-calendar/).map((request) => request.headers.version)).toEqual(['v3']);
			return;
		}
		expect(created.output[0].json).toMatchObject({ calendarId: calendar.id, timezone: 'America/New_York', rules: [{ type: 'wday', day: 'tuesday', intervals: [{ from: '15:00', to: '16:00' }] }] });
		// New York 15:00 (Get Free Slots answers in the workflow's zone, Berlin)
		expect(await freeSlots(calendar.id)).toEqual(['2026-06-02T21:00:00+02:00', '2026-06-02T21:30:00+02:00']);
		expect((await own('getCalendarSchedule')).output[0].json).toEqual(created.output[0].json);
		const updated = await own('updateCalendarSchedule', { updateFields: { timeZone: 'Europe/Berlin' } });
		expect(updated.output[0].json).toMatchObject({ timezone: 'Europe/Berlin' });
		expect(sent('PUT', /event-calendar/)[0].body).toEqual({ timezone: 'Europe/Berlin' });
		expect(await freeSlots(calendar.id)).toEqual(['2026-06-02T15:00:00+02:00', '2026-06-02T15:30:00+02:00']);
		expectRequestsValid(sandbox);
	});
});

describe('Availability Schedule: pages, exactly once, agency', () => {
	test('Search pages through limit and skip: a Limit asks for no more than it returns', async () => {
		await restart();
		await run({ operation: 'create', name: '={{ $json.name }}', userId: 'u1', weeklyHours: tuesdayAfternoon }, [{ name: 'A' }, { name: 'B' }, { name: 'C' }]);
		const before = sandbox.requests().length;
		expect((await run({ operation: 'search', userId: 'u1', limit: 2 })).output.map((i) => i.json.name)).toEqual(['A', 'B']);
		expect((await run({ operation: 'search', userId: 'u1', returnAll: true })).output.map((i) => i.json.name)).toEqual(['A', 'B', 'C']);
		expect(sandbox.requests().slice(before).map((r) => [r.query.userId, r.query.limit, r.query.skip])).toEqual([['u1', '2', '0'], ['u1', '500', '0']]);
	});

	test.each([5, 0])('a create whose answer is lost after HighLevel stored it is made once (Max Retries %i)', async (maxRetries) => {
		await restart({ faults: { seed: 7, lostAfterStore: 1 } });
		const { output, error } = await run({ operation: 'create', name: 'Lost Answer', userId: 'u1', weeklyHours: tuesdayAfternoon, options: { maxRetries } });
		expect(error).toBeUndefined();
		expect(stored()).toHaveLength(1);
		expect(output).toEqual([{ json: stored()[0], pairedItem: { item: 0 } }]);
		expect(sandbox.requests().map((r) => r.method)).toEqual(['GET', 'POST', 'GET']);
	});

	test('the agency credential: create, get, search, apply, remove and delete in two sub-accounts, per item', async () => {
		await restart();
		const credentials = await agencyCredentials(sandbox);
		const locations = ['sandboxLocation0001', 'sandboxLocation0002'];
		const agency = async (parameters: INodeParameters, items: object[]) =>
			(await runWorkflow(withContinueOnFail(singleNodeWorkflow({ ...AGENCY_PER_ITEM, resource: 'availabilitySchedule', ...parameters }, items)), credentials)).output(NODE_NAME) ?? [];
		const calendars = await Promise.all(locations.map(async (locationId) => (await bookableCalendar(sandbox, { locationId, teamMembers: [{ userId: 'u1' }] }, { token: locationId === locations[0] ? undefined : OTHER })).id));
		const created = await agency({ operation: 'create', name: '={{ $json.locationId }} hours', userId: 'u1', timeZone: 'America/New_York', weeklyHours: tuesdayAfternoon }, locations.map((locationId) => ({ locationId })));
		for (const [i, locationId] of locations.entries()) expect(stored(locationId)).toEqual([created[i].json]);
		const items = created.map((item, i) => ({ locationId: item.json.locationId, id: item.json.id, calendarId: calendars[i] }));
		const scheduleId = byId('={{ $json.id }}');
		const calendar = byId('={{ $json.calendarId }}');
		expect((await agency({ operation: 'get', schedule: scheduleId }, items)).map((i) => i.json)).toEqual(created.map((i) => i.json));
		expect((await agency({ operation: 'search', userId: 'u1', returnAll: true }, items)).map((i) => i.json.id)).toEqual(items.map((i) => i.id));
		expect((await agency({ operation: 'applyToCalendar', schedule: scheduleId, calendar }, items)).map((i) => i.json.applied)).toEqual([true, true]);
		for (const [i, locationId] of locations.entries()) expect(stored(locationId)[0].calendarIds).toEqual([calendars[i]]);
		expect((await agency({ operation: 'removeFromCalendar', schedule: scheduleId, calendar }, items)).map((i) => i.json.removed)).toEqual([true, true]);
		expect((await agency({ operation: 'delete', schedule: scheduleId }, items)).map((i) => i.json.deleted)).toEqual([true, true]);
		expect(sandbox.state().schedules.schedules).toEqual({});
		expect(sandbox.state().oauth.mintsByLocation).toEqual({ sandboxLocation0001: 1, sandboxLocation0002: 1 });
		for (const request of sandbox.requests().filter((r) => r.path.startsWith('/calendars'))) expect(validateRequest(request).errors).toEqual([]);
	});
});
