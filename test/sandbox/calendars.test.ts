import { ApiVersion } from '../../tools/contract/openapi';
import { LOCATION, OTHER, OTHER_LOCATION, READONLY, call, groupBody } from '../../tools/sandbox/harness';
import { Sandbox, startSandbox } from '../../tools/sandbox/server';

const VERSIONS: ApiVersion[] = ['2021-04-15', 'v3'];
const NO_SCOPE = { status: 401, body: { statusCode: 401, message: 'The token is not authorized for this scope.', error: 'Unauthorized' } };

function calendarBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return { locationId: LOCATION, name: 'Intro call', calendarType: 'event', slug: 'intro-call', ...overrides };
}

describe.each(VERSIONS)('calendars over HTTP, Version %s', (version) => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	const list = (query: Record<string, string> = {}, token?: string) =>
		call(sandbox, 'GET', '/calendars/', { version, token, query: { locationId: LOCATION, ...query } });
	const create = (body: Record<string, unknown>, token?: string) => call(sandbox, 'POST', '/calendars/', { version, token, body });
	const group = async (slug: string) => (await call(sandbox, 'POST', '/calendars/groups', { version, body: groupBody({ slug }) })).body.group;

	it('creates calendars in a group or none, lists them all or a group\'s, drafts shown unless showDrafted=false', async () => {
		const sales = await group('sales');
		const inGroup = await create(calendarBody({ groupId: sales.id, teamMembers: [{ userId: 'user1', priority: 1 }], calendarType: 'round_robin' }));
		expect(inGroup.status).toBe(200);
		expect(inGroup.body.calendar).toMatchObject({ id: expect.stringMatching(/^[A-Za-z0-9]{20}$/), locationId: LOCATION, groupId: sales.id, isActive: true });
		const draft = (await create(calendarBody({ slug: 'draft', isActive: false }))).body.calendar;
		expect(draft.groupId).toBeUndefined();

		expect((await list()).body.calendars.map((c: { id: string }) => c.id)).toEqual([inGroup.body.calendar.id, draft.id]);
		expect((await list({ groupId: sales.id })).body.calendars).toEqual([inGroup.body.calendar]);
		expect((await list({ showDrafted: 'false' })).body.calendars).toEqual([inGroup.body.calendar]);
		expect(sandbox.state().calendars[LOCATION]).toHaveLength(2);
		expect(sandbox.state().locations[LOCATION]).toEqual([sales]);
	});

	it('refuses a groupId of no group of the location (400) and a taken slug (422)', async () => {
		const theirs = (await call(sandbox, 'POST', '/calendars/groups', { version, token: OTHER, body: groupBody({ locationId: OTHER_LOCATION }) })).body.group;
		expect(await create(calendarBody({ groupId: theirs.id }))).toMatchObject({ status: 400, body: { message: 'Calendar group not found in this location' } });
		await create(calendarBody());
		expect(await create(calendarBody({ name: 'Other' }))).toMatchObject({ status: 422, body: { message: ['Slug already exists'] } });
		expect(sandbox.state().calendars[LOCATION]).toHaveLength(1);
	});

	it('refuses undocumented properties and wrong types against the official schema', async () => {
		expect(await create(calendarBody({ colour: 'red' }))).toMatchObject({ status: 422, body: { message: ['property colour should not exist'] } });
		expect((await create(calendarBody({ calendarType: 'webinar' }))).status).toBe(400);
		expect((await create(calendarBody({ teamMembers: [{ priority: 1 }] }))).status).toBe(400);
		expect(sandbox.state().calendars).toEqual({});
	});

	it('gets, updates (a move to another group, out of its group), and deletes a calendar', async () => {
		const [sales, support] = [await group('sales'), await group('support')];
		const { calendar } = (await create(calendarBody({ groupId: sales.id }))).body;
		expect(await call(sandbox, 'GET', `/calendars/${calendar.id}`, { version })).toMatchObject({ status: 200, body: { calendar } });

		const moved = await call(sandbox, 'PUT', `/calendars/${calendar.id}`, { version, body: { groupId: support.id, slotDuration: 45 } });
		expect(moved.body.calendar).toEqual({ ...calendar, groupId: support.id, slotDuration: 45 });
		const out = await call(sandbox, 'PUT', `/calendars/${calendar.id}`, { version, body: { groupId: '' } });
		expect(out.body.calendar.groupId).toBeUndefined();
		expect((await list({ groupId: support.id })).body.calendars).toEqual([]);

		expect(await call(sandbox, 'DELETE', `/calendars/${calendar.id}`, { version })).toMatchObject({ status: 200, body: { success: true } });
		expect(await call(sandbox, 'GET', `/calendars/${calendar.id}`, { version })).toMatchObject({ status: 404, body: { message: 'Calendar not found' } });
		expect((await call(sandbox, 'DELETE', `/calendars/${calendar.id}`, { version })).status).toBe(404);
	});

	it('keeps locations apart: another location\'s token finds nothing', async () => {
		const { calendar } = (await create(calendarBody())).body;
		expect((await call(sandbox, 'GET', `/calendars/${calendar.id}`, { version, token: OTHER })).status).toBe(404);
		expect((await call(sandbox, 'DELETE', `/calendars/${calendar.id}`, { version, token: OTHER })).status).toBe(404);
		expect((await list({}, OTHER)).status).toBe(403);
		expect(sandbox.state().calendars[LOCATION]).toHaveLength(1);
	});

	it('needs calendars.readonly to read and calendars.write to change', async () => {
		const groupsOnly = await startSandbox({
			tokens: [{ token: 'pit-groups-only', locationId: LOCATION, scopes: ['calendars/groups.readonly', 'calendars/groups.write'] }],
		});
		try {
			const token = 'pit-groups-only';
			expect(await call(groupsOnly, 'GET', '/calendars/', { version, token, query: { locationId: LOCATION } })).toMatchObject(NO_SCOPE);
			expect(await call(groupsOnly, 'POST', '/calendars/', { version, token, body: calendarBody() })).toMatchObject(NO_SCOPE);
			expect((await call(groupsOnly, 'GET', '/calendars/groups', { version, token, query: { locationId: LOCATION } })).status).toBe(200);
		} finally {
			await groupsOnly.close();
		}
		expect((await list({}, READONLY)).status).toBe(200);
		expect(await create(calendarBody(), READONLY)).toMatchObject(NO_SCOPE);
		expect(await call(sandbox, 'DELETE', '/calendars/abc', { version, token: READONLY })).toMatchObject(NO_SCOPE);
	});
});
