/** Rooms, equipment and calendar notifications over HTTP: every answer is checked against the official spec (harness). */
import { ApiVersion } from '../../tools/contract/openapi';
import { LOCATION, OTHER, OTHER_LOCATION, READONLY, call } from '../../tools/sandbox/harness';
import { Sandbox, startSandbox } from '../../tools/sandbox/server';
import { expectLocationLimitShared } from './locationLimit';

const VERSIONS: ApiVersion[] = ['2021-04-15', 'v3'];

const room = (overrides: Record<string, unknown> = {}) => ({
	locationId: LOCATION,
	name: 'Yoga room',
	description: 'Second floor',
	quantity: 1,
	outOfService: 0,
	capacity: 12,
	calendarIds: [],
	...overrides,
});

describe.each(VERSIONS)('rooms, equipment and notifications over HTTP, Version %s', (version) => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	const calendar = async (slug: string, token?: string, locationId = LOCATION) =>
		(await call(sandbox, 'POST', '/calendars/', { version, token, body: { locationId, name: slug, calendarType: 'event', slug } })).body.calendar as { id: string };
	const list = (type: string, query: Record<string, string> = {}) =>
		call(sandbox, 'GET', `/calendars/resources/${type}`, { version, query: { locationId: LOCATION, limit: '100', skip: '0', ...query } });

	it('creates rooms and equipment per type, pages them through limit and skip, gets, updates and deletes one', async () => {
		const intro = await calendar('intro');
		const made = [];
		for (const name of ['A', 'B', 'C']) made.push((await call(sandbox, 'POST', '/calendars/resources/rooms', { version, body: room({ name, calendarIds: [intro.id] }) })).body);
		expect(made[0]).toMatchObject({ id: expect.stringMatching(/^[A-Za-z0-9]{20}$/), locationId: LOCATION, name: 'A', resourceType: 'rooms', isActive: true, capacity: 12, calendarIds: [intro.id] });
		const drill = await call(sandbox, 'POST', '/calendars/resources/equipments', { version, body: room({ name: 'Drill', quantity: 3 }) });
		expect(drill).toMatchObject({ status: 201, body: { resourceType: 'equipments', quantity: 3 } });

		expect((await list('rooms')).body.map((r: { name: string }) => r.name)).toEqual(['A', 'B', 'C']);
		expect((await list('rooms', { limit: '2', skip: '1' })).body.map((r: { name: string }) => r.name)).toEqual(['B', 'C']);
		expect((await list('equipments')).body).toEqual([drill.body]);

		const path = `/calendars/resources/rooms/${made[1].id}`;
		expect(await call(sandbox, 'GET', path, { version })).toMatchObject({ status: 200, body: made[1] });
		expect(await call(sandbox, 'GET', `/calendars/resources/equipments/${made[1].id}`, { version })).toMatchObject({ status: 404 });
		const updated = await call(sandbox, 'PUT', path, { version, body: { capacity: 20, isActive: false } });
		expect(updated).toMatchObject({ status: 200, body: { ...made[1], capacity: 20, isActive: false } });
		expect(await call(sandbox, 'DELETE', path, { version })).toMatchObject({ status: 200, body: { success: true } });
		expect(await call(sandbox, 'DELETE', path, { version })).toMatchObject({ status: 404 });
		expect(sandbox.state().resources.resources[LOCATION].map((r) => r.name)).toEqual(['A', 'C', 'Drill']);
	});

	it('refuses what the spec refuses: a missing required property, an undocumented one, limit and skip left out', async () => {
		expect(await call(sandbox, 'POST', '/calendars/resources/rooms', { version, body: room({ capacity: undefined }) })).toMatchObject({ status: 400, body: { message: 'capacity is required' } });
		expect(await call(sandbox, 'POST', '/calendars/resources/rooms', { version, body: room({ colour: 'red' }) })).toMatchObject({ status: 422 });
		expect(await call(sandbox, 'POST', '/calendars/resources/desks', { version, body: room() })).toMatchObject({ status: 400 });
		expect(await call(sandbox, 'GET', '/calendars/resources/rooms', { version, query: { locationId: LOCATION } })).toMatchObject({ status: 400, body: { message: 'limit is required' } });
		expect(sandbox.state().resources.resources).toEqual({});
	});

	it('maps a room or equipment only to calendars of its location, and equipment to one calendar', async () => {
		const [a, b] = [await calendar('a'), await calendar('b')];
		const theirs = await calendar('theirs', OTHER, OTHER_LOCATION);
		expect(await call(sandbox, 'POST', '/calendars/resources/rooms', { version, body: room({ calendarIds: [a.id, theirs.id] }) })).toMatchObject({
			status: 400,
			body: { message: `Calendar ${theirs.id} not found in this location` },
		});
		expect(await call(sandbox, 'POST', '/calendars/resources/equipments', { version, body: room({ calendarIds: [a.id, b.id] }) })).toMatchObject({
			status: 400,
			body: { message: 'One equipment can only be mapped with one service calendar' },
		});
		const ok = await call(sandbox, 'POST', '/calendars/resources/rooms', { version, body: room({ calendarIds: [a.id, b.id] }) });
		expect(ok.status).toBe(201);
		expect(await call(sandbox, 'PUT', `/calendars/resources/rooms/${ok.body.id}`, { version, body: { calendarIds: ['nope'] } })).toMatchObject({ status: 400 });
	});

	it('keeps each location apart and needs calendars/resources scopes', async () => {
		expect(await call(sandbox, 'POST', '/calendars/resources/rooms', { version, body: room({ locationId: OTHER_LOCATION }) })).toMatchObject({ status: 403 });
		const mine = (await call(sandbox, 'POST', '/calendars/resources/rooms', { version, body: room() })).body;
		expect(await call(sandbox, 'GET', `/calendars/resources/rooms/${mine.id}`, { version, token: OTHER })).toMatchObject({ status: 404 });
		expect(await call(sandbox, 'POST', '/calendars/resources/rooms', { version, token: READONLY, body: room() })).toMatchObject({
			status: 401,
			body: { message: 'The token is not authorized for this scope.' },
		});
		expect((await call(sandbox, 'GET', '/calendars/resources/rooms', { version, token: READONLY, query: { locationId: LOCATION, limit: '10', skip: '0' } })).status).toBe(200);
	});

	describe('notifications', () => {
		const notification = (overrides: Record<string, unknown> = {}) => ({ receiverType: 'contact', channel: 'email', notificationType: 'reminder', beforeTime: [{ timeOffset: 1, unit: 'hours' }], ...overrides });

		it('creates several at once, lists them with the active and deleted filters, updates, soft-deletes', async () => {
			const intro = await calendar('intro');
			const path = `/calendars/${intro.id}/notifications`;
			const created = await call(sandbox, 'POST', path, { version, body: [notification(), notification({ channel: 'sms', isActive: false })] });
			expect(created.status).toBe(200);
			expect(created.body).toEqual([
				expect.objectContaining({ _id: expect.any(String), channel: 'email', isActive: true, deleted: false }),
				expect.objectContaining({ channel: 'sms', isActive: false }),
			]);
			const [email, sms] = created.body;
			expect((await call(sandbox, 'GET', path, { version })).body).toEqual([email, sms]);
			expect((await call(sandbox, 'GET', path, { version, query: { isActive: 'false' } })).body).toEqual([sms]);

			expect(await call(sandbox, 'PUT', `${path}/${sms._id}`, { version, body: { isActive: true, subject: 'See you' } })).toMatchObject({ status: 200, body: { message: expect.any(String) } });
			expect((await call(sandbox, 'GET', `${path}/${sms._id}`, { version })).body).toEqual({ ...sms, isActive: true, subject: 'See you' });
			expect(await call(sandbox, 'DELETE', `${path}/${email._id}`, { version })).toMatchObject({ status: 200 });
			expect(await call(sandbox, 'DELETE', `${path}/${email._id}`, { version })).toMatchObject({ status: 404 });
			expect((await call(sandbox, 'GET', path, { version })).body.map((n: { _id: string }) => n._id)).toEqual([sms._id]);
			expect((await call(sandbox, 'GET', path, { version, query: { deleted: 'true' } })).body).toEqual([{ ...email, deleted: true }]);
		});

		it('answers 404 for a calendar of no location of the token, and refuses what the spec refuses', async () => {
			const theirs = await calendar('theirs', OTHER, OTHER_LOCATION);
			expect(await call(sandbox, 'POST', `/calendars/${theirs.id}/notifications`, { version, body: [notification()] })).toMatchObject({ status: 404, body: { message: 'Calendar not found' } });
			const intro = await calendar('intro');
			const path = `/calendars/${intro.id}/notifications`;
			expect(await call(sandbox, 'POST', path, { version, body: [notification({ channel: 'pigeon' })] })).toMatchObject({ status: 400 });
			expect(await call(sandbox, 'POST', path, { version, body: [{ channel: 'email', notificationType: 'booked' }] })).toMatchObject({ status: 400, body: { message: expect.stringContaining('receiverType') } });
			expect(await call(sandbox, 'POST', path, { version, body: notification() })).toMatchObject({ status: 400 });
			expect(await call(sandbox, 'PUT', `${path}/nope`, { version, body: { isActive: false } })).toMatchObject({ status: 404 });
			expect(sandbox.state().resources.notifications).toEqual({});
		});

		it('fails on a limit, as HighLevel docs issue #3 reports, and pages through skip', async () => {
			const intro = await calendar('intro');
			const path = `/calendars/${intro.id}/notifications`;
			await call(sandbox, 'POST', path, { version, body: Array.from({ length: 101 }, (_, i) => notification({ subject: `n${i}` })) });
			expect((await call(sandbox, 'GET', path, { version, query: { limit: '10' } })).status).toBe(500);
			expect((await call(sandbox, 'GET', path, { version })).body).toHaveLength(100);
			expect((await call(sandbox, 'GET', path, { version, query: { skip: '100' } })).body.map((n: { subject: string }) => n.subject)).toEqual(['n100']);
		});
	});
});

describe('rooms and notifications share the location\'s rate limit and the seeded faults', () => {
	it('answers 429 with the limit\'s headers once the location\'s window is spent', async () => {
		await expectLocationLimitShared(async (sandbox) => await call(sandbox, 'GET', '/calendars/resources/rooms', { query: { locationId: LOCATION, limit: '10', skip: '0' } }));
	});

	it('stores a create whose answer it then drops (lostAfterStore), and answers a 5xx fault without storing', async () => {
		const lost = await startSandbox({ faults: { lostAfterStore: 1 } });
		const failing = await startSandbox({ faults: { error5xx: 1 } });
		try {
			const body = { locationId: LOCATION, name: 'Yoga', description: '', quantity: 1, outOfService: 0, capacity: 4, calendarIds: [] };
			await expect(call(lost, 'POST', '/calendars/resources/rooms', { body })).rejects.toThrow();
			expect(lost.state().resources.resources[LOCATION]).toHaveLength(1);
			expect((await call(failing, 'POST', '/calendars/resources/rooms', { body })).status).toBeGreaterThanOrEqual(500);
			expect(failing.state().resources.resources).toEqual({});
		} finally {
			await lost.close();
			await failing.close();
		}
	});
});
