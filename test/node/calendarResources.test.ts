/** Calendar Resource (rooms and equipment) in n8n-core's engine against the sandbox: every request checked against the spec. */
import type { INodeParameters } from 'n8n-workflow';

import type { ApiVersion } from '../../tools/contract/openapi';
import { validateRequest } from '../../tools/contract/openapi';
import { AGENCY_PER_ITEM, agencyCredentials } from '../../tools/engine/agency';
import { SANDBOX_LOCATION } from '../../tools/engine/credentials';
import { runWorkflow } from '../../tools/engine/runWorkflow';
import { NODE_NAME, singleNodeWorkflow, withContinueOnFail } from '../../tools/engine/workflows';
import { call, expectRequestsValid } from '../../tools/sandbox/harness';
import type { Sandbox, SandboxOptions } from '../../tools/sandbox/server';
import { ResourceSandbox } from './resourceSandbox';

const session = new ResourceSandbox('calendarResource');
let sandbox: Sandbox;
const withSandbox = async (options: SandboxOptions = {}) => (sandbox = await session.start(options));
const run = async (parameters: INodeParameters, items?: object[]) => await session.run(parameters, items);
afterAll(async () => await session.close());

const stored = (locationId = SANDBOX_LOCATION) => sandbox.state().resources.resources[locationId] ?? [];
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const calendar = async (slug: string) =>
	(await call(sandbox, 'POST', '/calendars/', { body: { locationId: SANDBOX_LOCATION, name: slug, calendarType: 'service_booking', slug, teamMembers: [{ userId: 'u1' }] } })).body.calendar.id as string;

describe.each<ApiVersion>(['2021-04-15', 'v3'])('Calendar Resource with Version %s', (version) => {
	beforeAll(async () => await withSandbox());
	beforeEach(() => sandbox.reset());
	const options = { apiVersion: version };

	test('a room: Create → Get → Get Many → Update → Delete', async () => {
		const yoga = await calendar('yoga');
		const created = await run({ operation: 'create', resourceType: 'rooms', name: '={{ $json.name }}', description: 'Second floor', capacity: 12, calendarIds: yoga, options }, [{ name: 'Yoga Room' }]);
		expect(created.error).toBeUndefined();
		const [room] = stored();
		expect(room).toMatchObject({ name: 'Yoga Room', resourceType: 'rooms', capacity: 12, calendarIds: [yoga] });
		expect(created.output).toEqual([{ json: room, pairedItem: { item: 0 } }]);
		const post = sandbox.requests().find((r) => r.method === 'POST' && r.path === '/calendars/resources/rooms');
		expect(post?.headers.version).toBe(version);
		expect(post?.body).toEqual({ locationId: SANDBOX_LOCATION, name: 'Yoga Room', description: 'Second floor', capacity: 12, quantity: 1, outOfService: 0, calendarIds: [yoga] });

		expect((await run({ operation: 'get', resourceType: 'rooms', calendarResource: byId(room.id), options })).output[0].json).toEqual(room);
		expect((await run({ operation: 'getAll', resourceType: 'rooms', returnAll: true, options })).output.map((i) => i.json)).toEqual([room]);
		expect((await run({ operation: 'getAll', resourceType: 'equipments', returnAll: true, options })).output).toEqual([]);

		const updated = await run({ operation: 'update', resourceType: 'rooms', calendarResource: byId(room.id), updateFields: { capacity: 20, isActive: false, calendarIds: '' }, options });
		expect(updated.output[0].json).toEqual({ ...room, capacity: 20, isActive: false, calendarIds: [] });
		expect(sandbox.requests().find((r) => r.method === 'PUT')?.body).toEqual({ capacity: 20, isActive: false, calendarIds: [] });

		expect((await run({ operation: 'delete', resourceType: 'rooms', calendarResource: byId(room.id), options })).output[0].json).toEqual({ deleted: true, id: room.id });
		expect(stored()).toEqual([]);
		expectRequestsValid(sandbox);
	});

	test('equipment: quantity and out of service, and one calendar at most (refused before sending, naming field and item)', async () => {
		const [a, b] = [await calendar('a'), await calendar('b')];
		const { output } = await run(
			{ operation: 'create', resourceType: 'equipments', name: '={{ $json.name }}', quantity: 4, outOfService: 1, calendarIds: '={{ $json.calendars }}', options },
			[{ name: 'Drill', calendars: [a] }, { name: 'Saw', calendars: [a, b] }, { name: '' }],
		);
		expect(output[0].json).toMatchObject({ name: 'Drill', resourceType: 'equipments', quantity: 4, outOfService: 1, capacity: 1, calendarIds: [a] });
		expect(output[1]).toEqual({ json: expect.objectContaining({ error: expect.stringMatching(/^Calendar resource field "calendarIds" in item 1 may name one calendar only/) }), pairedItem: { item: 1 } });
		expect(output[2].json.error).toBe('Name is empty in item 2');
		expect(stored().map((r) => r.name)).toEqual(['Drill']);
		expect(sandbox.requests().filter((r) => r.method === 'POST' && r.path.startsWith('/calendars/resources'))).toHaveLength(1);
	});
});

describe('Calendar Resource: pages, exactly once, agency', () => {
	test('Get Many pages through limit and skip: Return All, and a Limit that asks for no more than it returns', async () => {
		await withSandbox({ rateLimit: { max: 1000 } });
		const items = Array.from({ length: 205 }, (_, i) => ({ name: `Room ${i}` }));
		await run({ operation: 'create', resourceType: 'rooms', name: '={{ $json.name }}' }, items);
		expect(stored()).toHaveLength(205);
		const before = sandbox.requests().length;
		const all = await run({ operation: 'getAll', resourceType: 'rooms', returnAll: true });
		expect(all.output.map((i) => i.json.name)).toEqual(stored().map((r) => r.name));
		expect(new Set(all.output.map((i) => i.json.name))).toEqual(new Set(items.map((i) => i.name)));
		const pages = (from: number) => sandbox.requests().slice(from).map((r) => [r.query.limit, r.query.skip]);
		expect(pages(before)).toEqual([['100', '0'], ['100', '100'], ['100', '200']]);
		const next = sandbox.requests().length;
		expect((await run({ operation: 'getAll', resourceType: 'rooms', limit: 120 })).output).toHaveLength(120);
		expect(pages(next)).toEqual([['100', '0'], ['20', '100']]);
		// one list before the 205 creates, however many items
		expect(sandbox.requests().slice(0, before).filter((r) => r.method === 'GET')).toHaveLength(1);
	});

	test.each([5, 0])('a create whose answer is lost after HighLevel stored it is made once (Max Retries %i)', async (maxRetries) => {
		await withSandbox({ faults: { seed: 7, lostAfterStore: 1 } });
		const { output, error } = await run({ operation: 'create', resourceType: 'rooms', name: 'Lost Answer', options: { maxRetries } });
		expect(error).toBeUndefined();
		expect(stored()).toHaveLength(1);
		expect(output).toEqual([{ json: stored()[0], pairedItem: { item: 0 } }]);
		expect(sandbox.requests().map((r) => r.method)).toEqual(['GET', 'POST', 'GET']);
	});

	test('identical creates of one execution whose answers are lost give one room each, and an older identical room is not taken for one', async () => {
		await withSandbox({ faults: { seed: 7, lostAfterStore: 1 } });
		await call(sandbox, 'POST', '/calendars/resources/rooms', {
			body: { locationId: SANDBOX_LOCATION, name: 'Twin', description: '', quantity: 1, outOfService: 0, capacity: 1, calendarIds: [] },
		}).catch(() => undefined);
		const older = stored()[0];
		const { output } = await run({ operation: 'create', resourceType: 'rooms', name: 'Twin' }, [{}, {}, {}]);
		expect(stored()).toHaveLength(4);
		const ids = output.map((i) => i.json.id);
		expect(new Set(ids).size).toBe(3);
		expect(ids).not.toContain(older.id);
		expect(sandbox.requests().filter((r) => r.method === 'POST')).toHaveLength(4);
	});

	test('the agency credential: create, get, list, update and delete in two sub-accounts, per item', async () => {
		await withSandbox();
		const credentials = await agencyCredentials(sandbox);
		const locations = ['sandboxLocation0001', 'sandboxLocation0002'];
		const agency = async (parameters: INodeParameters, items: object[]) =>
			(await runWorkflow(withContinueOnFail(singleNodeWorkflow({ ...AGENCY_PER_ITEM, resource: 'calendarResource', resourceType: 'rooms', ...parameters }, items)), credentials)).output(NODE_NAME) ?? [];
		const created = await agency({ operation: 'create', name: '={{ $json.locationId }} room', capacity: 3 }, locations.map((locationId) => ({ locationId })));
		for (const [i, locationId] of locations.entries()) {
			expect(stored(locationId)).toEqual([created[i].json]);
			expect(created[i].json).toMatchObject({ locationId, name: `${locationId} room` });
		}
		const items = created.map((i) => ({ locationId: i.json.locationId, id: i.json.id }));
		const resourceId = { __rl: true, mode: 'id', value: '={{ $json.id }}' };
		expect((await agency({ operation: 'get', calendarResource: resourceId }, items)).map((i) => i.json)).toEqual(created.map((i) => i.json));
		expect((await agency({ operation: 'getAll', returnAll: true }, items)).map((i) => i.json)).toEqual(created.map((i) => i.json));
		expect((await agency({ operation: 'update', calendarResource: resourceId, updateFields: { name: 'Renamed' } }, items)).map((i) => i.json.name)).toEqual(['Renamed', 'Renamed']);
		expect((await agency({ operation: 'delete', calendarResource: resourceId }, items)).map((i) => i.json.deleted)).toEqual([true, true]);
		expect(sandbox.state().resources.resources).toEqual({});
		expect(sandbox.state().oauth.mintsByLocation).toEqual({ sandboxLocation0001: 1, sandboxLocation0002: 1 });
		for (const request of sandbox.requests().filter((r) => r.path.startsWith('/calendars'))) expect(validateRequest(request).errors).toEqual([]);
	});
});
