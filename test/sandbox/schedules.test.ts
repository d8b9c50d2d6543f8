/** Availability schedules over HTTP (every answer checked against the official spec by the harness), and their effect on free slots. */
import { ApiVersion } from '../../tools/contract/openapi';
import { LOCATION, OTHER, OTHER_LOCATION, READONLY, bookableCalendar, call } from '../../tools/sandbox/harness';
import { Sandbox, startSandbox } from '../../tools/sandbox/server';
import { expectLocationLimitShared } from './locationLimit';

const VERSIONS: ApiVersion[] = ['2021-04-15', 'v3'];
const ms = (iso: string) => String(Date.parse(iso));
const mondays = [{ type: 'wday', day: 'monday', intervals: [{ from: '09:00', to: '10:00' }] }];
const schedule = (overrides: Record<string, unknown> = {}) => ({ locationId: LOCATION, name: 'Mornings', userId: 'u1', timezone: 'Europe/Berlin', rules: mondays, ...overrides });

describe.each(VERSIONS)('availability schedules over HTTP, Version %s', (version) => {
	let sandbox: Sandbox;
	const now = Date.parse('2026-03-01T00:00:00Z');
	beforeAll(async () => (sandbox = await startSandbox({ clock: () => now })));
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	const search = (query: Record<string, string>) => call(sandbox, 'GET', '/calendars/schedules/search', { version, query: { locationId: LOCATION, ...query } });
	const slots = async (calendarId: string, from: string, to: string) =>
		(await call(sandbox, 'GET', `/calendars/${calendarId}/free-slots`, { version, query: { startDate: ms(from), endDate: ms(to) } })).body as Record<string, { slots: string[] }>;

	it('creates, gets, searches a user\'s (paged, by calendar), updates and deletes schedules', async () => {
		const calendar = await bookableCalendar(sandbox);
		const created = await call(sandbox, 'POST', '/calendars/schedules', { version, body: schedule({ calendarIds: [calendar.id] }) });
		expect(created).toMatchObject({ status: 201, body: { schedule: { name: 'Mornings', userId: 'u1', locationId: LOCATION, calendarIds: [calendar.id], deleted: false, dateAdded: '2026-03-01T00:00:00.000Z' } } });
		const { id } = created.body.schedule;
		for (const name of ['B', 'C']) await call(sandbox, 'POST', '/calendars/schedules', { version, body: schedule({ name }) });
		await call(sandbox, 'POST', '/calendars/schedules', { version, body: schedule({ name: 'Other user', userId: 'u2' }) });

		expect((await call(sandbox, 'GET', `/calendars/schedules/${id}`, { version })).body.schedule).toEqual(created.body.schedule);
		const names = async (query: Record<string, string>) => (await search(query)).body.schedules.map((s: { name: string }) => s.name);
		expect(await names({ userId: 'u1' })).toEqual(['Mornings', 'B', 'C']);
		expect(await names({ userId: 'u1', skip: '1', limit: '1' })).toEqual(['B']);
		expect(await names({ userId: 'u1', calendarId: calendar.id })).toEqual(['Mornings']);
		expect(await search({})).toMatchObject({ status: 400, body: { message: 'userId is required' } });

		const updated = await call(sandbox, 'PUT', `/calendars/schedules/${id}`, { version, body: { name: 'Renamed', timezone: 'America/New_York' } });
		expect(updated.body.schedule).toMatchObject({ id, name: 'Renamed', timezone: 'America/New_York', rules: mondays });
		expect(await call(sandbox, 'DELETE', `/calendars/schedules/${id}`, { version })).toMatchObject({ status: 200, body: { success: true } });
		expect((await call(sandbox, 'GET', `/calendars/schedules/${id}`, { version })).status).toBe(404);
		expect((await call(sandbox, 'DELETE', `/calendars/schedules/${id}`, { version })).status).toBe(404);
	});

	it.each([
		['a zone outside the spec\'s pattern', { timezone: 'UTC' }, 400],
		['a zone the pattern takes but no IANA zone', { timezone: 'Mars/Olympus' }, 400],
		['a time of day outside the pattern', { rules: [{ type: 'wday', day: 'monday', intervals: [{ from: '9am', to: '10:00' }] }] }, 400],
		['an interval ending before it starts', { rules: [{ type: 'wday', day: 'monday', intervals: [{ from: '10:00', to: '09:00' }] }] }, 400],
		['a calendar of no calendar of the location', { calendarIds: ['nope'] }, 400],
		['an undocumented property', { colour: 'red' }, 422],
		['no name', { name: undefined }, 400],
	])('refuses %s', async (_what, overrides, status) => {
		const answer = await call(sandbox, 'POST', '/calendars/schedules', { version, body: schedule(overrides) });
		expect(answer.status).toBe(status);
		expect(sandbox.state().schedules.schedules).toEqual({});
	});

	it('a schedule applied to a calendar gives its user\'s free slots there, in the schedule\'s zone across Berlin\'s DST change; removed, the open hours again', async () => {
		const calendar = await bookableCalendar(sandbox, { teamMembers: [{ userId: 'u1' }] });
		const { id } = (await call(sandbox, 'POST', '/calendars/schedules', { version, body: schedule({ rules: [...mondays, { type: 'date', date: '2026-03-30', intervals: [{ from: '14:00', to: '15:00' }] }] }) })).body.schedule;
		const week = async () => await slots(calendar.id, '2026-03-23T00:00:00-04:00', '2026-03-30T23:59:59-04:00');
		expect(Object.keys(await week())).toHaveLength(8);

		expect(await call(sandbox, 'PUT', `/calendars/schedules/${id}/associations/${calendar.id}`, { version })).toMatchObject({ status: 200, body: { success: true } });
		// Monday 23 March: Berlin 9:00 is New York 4:00 (+01:00 / -04:00); Monday 30 March the date rule: Berlin 14:00 is New York 8:00 (+02:00)
		expect(await week()).toEqual({
			'2026-03-23': { slots: ['2026-03-23T04:00:00-04:00', '2026-03-23T04:30:00-04:00'] },
			'2026-03-30': { slots: ['2026-03-30T08:00:00-04:00', '2026-03-30T08:30:00-04:00'] },
		});
		expect((await call(sandbox, 'PUT', `/calendars/schedules/${id}/associations/${calendar.id}`, { version })).status).toBe(200);
		expect(sandbox.state().schedules.schedules[LOCATION][0].calendarIds).toEqual([calendar.id]);

		expect((await call(sandbox, 'DELETE', `/calendars/schedules/${id}/associations/${calendar.id}`, { version })).status).toBe(200);
		expect(Object.keys(await week())).toHaveLength(8);
		expect((await call(sandbox, 'DELETE', `/calendars/schedules/${id}/associations/${calendar.id}`, { version })).status).toBe(404);
		expect((await call(sandbox, 'PUT', `/calendars/schedules/${id}/associations/nope`, { version })).status).toBe(404);
	});

	it('keeps each location apart and needs calendars.write to change schedules', async () => {
		expect(await call(sandbox, 'POST', '/calendars/schedules', { version, body: schedule({ locationId: OTHER_LOCATION }) })).toMatchObject({ status: 403 });
		const { id } = (await call(sandbox, 'POST', '/calendars/schedules', { version, body: schedule() })).body.schedule;
		expect((await call(sandbox, 'GET', `/calendars/schedules/${id}`, { version, token: OTHER })).status).toBe(404);
		expect(await call(sandbox, 'PUT', `/calendars/schedules/${id}`, { version, token: READONLY, body: { name: 'x' } })).toMatchObject({
			status: 401,
			body: { message: 'The token is not authorized for this scope.' },
		});
		expect((await call(sandbox, 'GET', `/calendars/schedules/${id}`, { version, token: READONLY })).status).toBe(200);
	});
});

describe('an event calendar\'s own schedule (v3 only)', () => {
	let sandbox: Sandbox;
	beforeAll(async () => (sandbox = await startSandbox({ clock: () => Date.parse('2026-03-01T00:00:00Z') })));
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());
	const own = (calendarId: string, method = 'GET', body?: object, version: ApiVersion = 'v3') =>
		call(sandbox, method, `/calendars/schedules/event-calendar/${calendarId}`, { version, body });

	it('is refused on Version 2021-04-15', async () => {
		const calendar = await bookableCalendar(sandbox);
		expect(await own(calendar.id, 'POST', { timezone: 'Europe/Berlin', rules: mondays }, '2021-04-15')).toMatchObject({ status: 401, body: { message: 'version header is invalid' } });
		expect(sandbox.state().schedules.calendarSchedules).toEqual({});
	});

	it('is created once, got, updated, and gives the calendar\'s free slots', async () => {
		const calendar = await bookableCalendar(sandbox);
		expect((await own(calendar.id)).status).toBe(404);
		const created = await own(calendar.id, 'POST', { timezone: 'Europe/Berlin', rules: mondays });
		expect(created).toMatchObject({ status: 201, body: { schedule: { calendarId: calendar.id, timezone: 'Europe/Berlin', rules: mondays } } });
		expect((await own(calendar.id, 'POST', { timezone: 'Europe/Berlin', rules: mondays })).status).toBe(400);
		expect((await own(calendar.id)).body).toEqual(created.body);
		const updated = await own(calendar.id, 'PUT', { timezone: 'America/New_York' });
		expect(updated.body.schedule).toMatchObject({ timezone: 'America/New_York', rules: mondays });
		const slots = await call(sandbox, 'GET', `/calendars/${calendar.id}/free-slots`, { version: 'v3', query: { startDate: ms('2026-03-23T00:00:00-04:00'), endDate: ms('2026-03-29T23:59:59-04:00') } });
		expect(slots.body).toEqual({ '2026-03-23': { slots: ['2026-03-23T09:00:00-04:00', '2026-03-23T09:30:00-04:00'] } });
		expect((await own('nope')).status).toBe(404);
	});
});

describe('schedules share the location\'s rate limit and the seeded faults', () => {
	it('answers 429 once the location\'s window is spent', async () => {
		await expectLocationLimitShared(async (sandbox) => await call(sandbox, 'GET', '/calendars/schedules/search', { query: { locationId: LOCATION, userId: 'u1' } }));
	});

	it('stores a create whose answer it then drops (lostAfterStore), and answers a 5xx fault without storing', async () => {
		const lost = await startSandbox({ faults: { lostAfterStore: 1 } });
		const failing = await startSandbox({ faults: { error5xx: 1 } });
		try {
			await expect(call(lost, 'POST', '/calendars/schedules', { body: schedule() })).rejects.toThrow();
			expect(lost.state().schedules.schedules[LOCATION]).toHaveLength(1);
			expect((await call(failing, 'POST', '/calendars/schedules', { body: schedule() })).status).toBeGreaterThanOrEqual(500);
			expect(failing.state().schedules.schedules).toEqual({});
		} finally {
			await lost.close();
			await failing.close();
		}
	});
});
