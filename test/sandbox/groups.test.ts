import { ApiVersion } from '../../tools/contract/openapi';
import { LOCATION, OTHER, OTHER_LOCATION, call, groupBody } from '../../tools/sandbox/harness';
import { Sandbox, startSandbox } from '../../tools/sandbox/server';

const VERSIONS: ApiVersion[] = ['2021-04-15', 'v3'];

describe.each(VERSIONS)('calendar groups over HTTP, Version %s', (version) => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	const list = (token?: string, locationId = LOCATION) => call(sandbox, 'GET', '/calendars/groups', { version, token, query: { locationId } });
	const create = (body: Record<string, unknown>, token?: string) => call(sandbox, 'POST', '/calendars/groups', { version, token, body });

	it('starts empty', async () => {
		expect(await list()).toMatchObject({ status: 200, body: { groups: [] } });
	});

	it('creates groups (201, isActive defaults to true) and lists them in creation order', async () => {
		const first = await create(groupBody());
		expect(first.status).toBe(201);
		expect(first.body.group).toEqual({ ...groupBody(), id: expect.stringMatching(/^[A-Za-z0-9]{20}$/), isActive: true });
		const second = await create(groupBody({ slug: 'support', name: 'Support', isActive: false }));
		expect(second.body.group.isActive).toBe(false);
		expect(second.body.group.id).not.toBe(first.body.group.id);

		const listed = await list();
		expect(listed.body.groups).toEqual([first.body.group, second.body.group]);
		expect(sandbox.state().locations[LOCATION]).toEqual(listed.body.groups);
	});

	it('keeps locations apart', async () => {
		await create(groupBody());
		await create(groupBody({ locationId: OTHER_LOCATION }), OTHER);
		expect((await list()).body.groups).toHaveLength(1);
		expect((await list(OTHER, OTHER_LOCATION)).body.groups).toEqual([expect.objectContaining({ locationId: OTHER_LOCATION })]);
	});

	it('refuses a duplicate slug in the same location with 422, allows it in another', async () => {
		await create(groupBody());
		const duplicate = await create(groupBody({ name: 'Other name' }));
		expect(duplicate).toMatchObject({ status: 422, body: { statusCode: 422, message: ['Slug already exists'], error: 'Unprocessable Entity' } });
		expect((await create(groupBody({ locationId: OTHER_LOCATION }), OTHER)).status).toBe(201);
		expect(sandbox.state().locations[LOCATION]).toHaveLength(1);
	});

	it('answers validate-slug from the store', async () => {
		const check = (slug: string, token?: string, locationId = LOCATION) =>
			call(sandbox, 'POST', '/calendars/groups/validate-slug', { version, token, body: { locationId, slug } });
		expect(await check('sales-team')).toMatchObject({ status: 200, body: { available: true } });
		await create(groupBody());
		expect((await check('sales-team')).body).toEqual({ available: false });
		expect((await check('Sales-Team')).body).toEqual({ available: true });
		expect((await check('sales-team', OTHER, OTHER_LOCATION)).body).toEqual({ available: true });
	});

	it('updates a group as a full replace of name, description and slug', async () => {
		const { group } = (await create(groupBody({ isActive: false }))).body;
		await create(groupBody({ slug: 'taken' }));
		const fields = { name: 'Renamed', description: '', slug: 'renamed' };
		const updated = await call(sandbox, 'PUT', `/calendars/groups/${group.id}`, { version, body: fields });
		expect(updated).toMatchObject({ status: 200, body: { group: { ...group, ...fields } } });
		expect(updated.body.group.isActive).toBe(false);
		// keeping its own slug is fine; taking another group's is not
		expect((await call(sandbox, 'PUT', `/calendars/groups/${group.id}`, { version, body: fields })).status).toBe(200);
		const clash = await call(sandbox, 'PUT', `/calendars/groups/${group.id}`, { version, body: { ...fields, slug: 'taken' } });
		expect(clash).toMatchObject({ status: 422, body: { message: ['Slug already exists'] } });
		expect((await list()).body.groups[0]).toEqual({ ...group, ...fields });
	});

	it('disables and enables a group through /status', async () => {
		const { group } = (await create(groupBody())).body;
		const disable = await call(sandbox, 'PUT', `/calendars/groups/${group.id}/status`, { version, body: { isActive: false } });
		expect(disable).toMatchObject({ status: 200, body: { success: true } });
		expect((await list()).body.groups[0].isActive).toBe(false);
		await call(sandbox, 'PUT', `/calendars/groups/${group.id}/status`, { version, body: { isActive: true } });
		expect((await list()).body.groups[0].isActive).toBe(true);
	});

	it('deletes a group, then answers 404 for it', async () => {
		const { group } = (await create(groupBody())).body;
		expect(await call(sandbox, 'DELETE', `/calendars/groups/${group.id}`, { version })).toMatchObject({ status: 200, body: { success: true } });
		expect((await list()).body.groups).toEqual([]);
		const again = await call(sandbox, 'DELETE', `/calendars/groups/${group.id}`, { version });
		expect(again).toMatchObject({ status: 404, body: { statusCode: 404, message: 'Group not found' } });
	});

	it('answers 404 for unknown groups and for groups of another location', async () => {
		const { group } = (await create(groupBody())).body;
		for (const [method, suffix, body] of [
			['PUT', '', { name: 'n', description: 'd', slug: 's' }],
			['PUT', '/status', { isActive: false }],
			['DELETE', '', undefined],
		] as const) {
			const other = await call(sandbox, method, `/calendars/groups/${group.id}${suffix}`, { version, token: OTHER, body });
			expect(other).toMatchObject({ status: 404, body: { message: 'Group not found' } });
			const unknown = await call(sandbox, method, `/calendars/groups/${encodeURIComponent('no such/id')}${suffix}`, { version, body });
			expect(unknown.status).toBe(404);
		}
		expect(sandbox.state().locations[LOCATION]).toEqual([group]);
	});

	it('logs what it received', async () => {
		await create(groupBody());
		const [entry] = sandbox.requests();
		expect(entry).toMatchObject({ method: 'POST', path: '/calendars/groups', query: {}, body: groupBody(), status: 201 });
		expect(entry.headers).toMatchObject({ version, 'content-type': 'application/json', authorization: 'Bearer [REDACTED]' });
		expect(entry.answeredAt).toBeGreaterThanOrEqual(entry.receivedAt);
		expect(sandbox.stats()).toEqual({ total: 1, byStatus: { 201: 1 }, resets: 0 });
	});
});

describe('reset()', () => {
	it('clears the store, the log and the counters', async () => {
		const sandbox = await startSandbox({ rateLimit: { max: 2 } });
		try {
			await call(sandbox, 'POST', '/calendars/groups', { body: groupBody() });
			await call(sandbox, 'GET', '/calendars/groups', { query: { locationId: LOCATION } });
			expect((await call(sandbox, 'GET', '/calendars/groups', { query: { locationId: LOCATION } })).status).toBe(429);
			sandbox.reset();
			expect(sandbox.state().locations).toEqual({ [LOCATION]: [], [OTHER_LOCATION]: [] });
			expect(sandbox.requests()).toEqual([]);
			expect(sandbox.stats()).toEqual({ total: 0, byStatus: {}, resets: 0 });
			expect((await call(sandbox, 'GET', '/calendars/groups', { query: { locationId: LOCATION } })).status).toBe(200);
		} finally {
			await sandbox.close();
		}
	});
});
