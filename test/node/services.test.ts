/**
 * Service Booking, Service and Service Location (v3) in n8n-core's engine against the sandbox: every request checked
 * against the spec; Version 2021-04-15 refused before anything is sent.
 */
import type { INodeParameters } from 'n8n-workflow';

import { validateRequest } from '../../tools/contract/openapi';
import { AGENCY_PER_ITEM, agencyCredentials } from '../../tools/engine/agency';
import { SANDBOX_LOCATION, sandboxCredentials } from '../../tools/engine/credentials';
import { runWorkflow } from '../../tools/engine/runWorkflow';
import { NODE_NAME, singleNodeWorkflow, withContinueOnFail } from '../../tools/engine/workflows';
import { call, expectRequestsValid } from '../../tools/sandbox/harness';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../tools/sandbox/server';

let sandbox: Sandbox;
const withSandbox = async (options: SandboxOptions = {}) => {
	await sandbox?.close();
	sandbox = await startSandbox({ port: 0, ...options });
};
afterAll(async () => await sandbox?.close());

/** The node in a workflow of time zone Europe/Berlin, with On Error → Continue. */
async function run(resource: string, parameters: INodeParameters, items: object[] = [{}]) {
	const fixture = { ...withContinueOnFail(singleNodeWorkflow({ resource, ...parameters }, items)), settings: { timezone: 'Europe/Berlin' } };
	const result = await runWorkflow(fixture, sandboxCredentials(sandbox.url));
	return { output: result.output(NODE_NAME) ?? [], error: result.error(NODE_NAME) };
}
const json = (output: Array<{ json: Record<string, unknown> }>) => output.map((item) => item.json);
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const state = (locationId = SANDBOX_LOCATION) => {
	const { services, serviceLocations, bookings } = sandbox.state().services;
	return { services: services[locationId] ?? [], serviceLocations: serviceLocations[locationId] ?? [], bookings: bookings[locationId] ?? [] };
};
const apiRequests = () => sandbox.requests().filter((r) => r.path.startsWith('/calendars/services'));
/** A service and a service location made through the API (with seeded faults the answer may be lost: read from the state). */
async function seedCatalog(): Promise<{ serviceId: string; serviceLocationId: string }> {
	const body = { locationId: SANDBOX_LOCATION, staff: [{ id: 'staff1' }] };
	await call(sandbox, 'POST', '/calendars/services/catalog', { version: 'v3', body: { ...body, name: 'Cut', slug: 'cut' } }).catch(() => undefined);
	await call(sandbox, 'POST', '/calendars/services/locations', { version: 'v3', body: { locationId: SANDBOX_LOCATION, name: 'Studio', slug: 'studio' } }).catch(() => undefined);
	return { serviceId: state().services[0].id, serviceLocationId: state().serviceLocations[0].id };
}

describe('v3 services: create → get → list → update → delete (Version v3 unset or set)', () => {
	beforeAll(async () => await withSandbox());
	beforeEach(() => sandbox.reset());

	test.each([{}, { apiVersion: 'v3' }])('Service Location with Options %j', async (options) => {
		const created = await run('serviceLocation', { operation: 'create', name: '={{ $json.name }}', additionalFields: { phone: '+1 555 0100', locationType: 'offline' }, options }, [{ name: 'Midtown Studio' }]);
		expect(created.error).toBeUndefined();
		const [place] = state().serviceLocations;
		expect(place).toMatchObject({ name: 'Midtown Studio', slug: 'midtown-studio', phone: '+1 555 0100' });
		expect(created.output).toEqual([{ json: place, pairedItem: { item: 0 } }]);
		const post = apiRequests().find((r) => r.method === 'POST');
		expect(post?.headers.version).toBe('v3');
		expect(post?.body).toEqual({ locationId: SANDBOX_LOCATION, name: 'Midtown Studio', slug: 'midtown-studio', phone: '+1 555 0100', locationType: 'offline' });

		expect(json((await run('serviceLocation', { operation: 'get', serviceLocation: byId(place.id), options })).output)).toEqual([place]);
		expect(json((await run('serviceLocation', { operation: 'getAll', returnAll: true, options })).output)).toEqual([place]);
		const updated = await run('serviceLocation', { operation: 'update', serviceLocation: byId(place.id), updateFields: { locationType: 'ask_booker', address: 'Home visits' }, options });
		expect(json(updated.output)).toEqual([{ ...place, locationType: 'ask_booker', address: 'Home visits' }]);
		expect(apiRequests().find((r) => r.method === 'PUT')?.body).toEqual({ locationType: 'ask_booker', address: 'Home visits' });
		expect(json((await run('serviceLocation', { operation: 'delete', serviceLocation: byId(place.id), options })).output)).toEqual([{ deleted: true, id: place.id }]);
		expect(state().serviceLocations).toEqual([]);
		expectRequestsValid(sandbox);
	});

	test('Service: staff as a list of ids, price and deposit as payment; Get Many with a Limit and filters', async () => {
		const created = await run(
			'service',
			{ operation: 'create', name: '={{ $json.name }}', staffIds: 'staff1, staff2', additionalFields: { serviceDuration: 45, serviceDurationUnit: 'mins', amount: 60, depositType: 'percentage', deposit: 20, isPrivate: true } },
			[{ name: 'Hair Styling' }, { name: 'Beard Trim' }],
		);
		expect(created.error).toBeUndefined();
		const [hair, beard] = state().services;
		expect(apiRequests().filter((r) => r.method === 'POST')[0].body).toEqual({
			locationId: SANDBOX_LOCATION,
			name: 'Hair Styling',
			slug: 'hair-styling',
			staff: [{ id: 'staff1' }, { id: 'staff2' }],
			serviceDuration: 45,
			serviceDurationUnit: 'mins',
			isPrivate: true,
			payment: { amount: 60, deposit: 20, depositType: 'percentage' },
		});
		expect(json(created.output)).toEqual([hair, beard]);
		expect(json((await run('service', { operation: 'get', service: byId(beard.id) })).output)).toEqual([beard]);
		expect(json((await run('service', { operation: 'getAll', limit: 1 })).output)).toEqual([hair]);
		expect(json((await run('service', { operation: 'getAll', returnAll: true, filters: { isPrivate: false } })).output)).toEqual([]);
		expect(apiRequests().at(-1)?.query).toEqual({ locationId: SANDBOX_LOCATION, isPrivate: 'false' });
		const updated = await run('service', { operation: 'update', service: byId(hair.id), updateFields: { staffIds: 'staff3', amount: 75 } });
		expect(json(updated.output)).toEqual([{ ...hair, staff: [{ id: 'staff3' }], payment: { amount: 75 } }]);
		expect(json((await run('service', { operation: 'delete', service: byId(hair.id) })).output)).toEqual([{ deleted: true, id: hair.id }]);
		expect(state().services).toEqual([beard]);
		expectRequestsValid(sandbox);
	});

	test("Service Booking: local times read in the workflow's zone and sent as ISO with the offset of each date (across the DST change), Get Many by an epoch-ms window", async () => {
		const { serviceId, serviceLocationId } = await seedCatalog();
		const services = { service: [{ id: serviceId, staffId: 'staff1', addOns: '[{ "id": "addOn1", "quantity": 2 }]' }] };
		const created = await run('serviceBooking', { operation: 'create', contactId: 'contact1', startTime: '2027-03-28T01:30:00', endTime: '={{ DateTime.fromISO("2027-03-28T01:30:00", { zone: "Europe/Berlin" }).plus({ hours: 2 }) }}', services, additionalFields: { title: 'Night cut' } });
		expect(created.error).toBeUndefined();
		const post = apiRequests().find((r) => r.method === 'POST' && r.path === '/calendars/services/bookings');
		expect(post?.body).toEqual({
			locationId: SANDBOX_LOCATION,
			contactId: 'contact1',
			startTime: '2027-03-28T01:30:00+01:00',
			endTime: '2027-03-28T04:30:00+02:00',
			timezone: 'Europe/Berlin',
			services: [{ id: serviceId, staffId: 'staff1', addOns: [{ id: 'addOn1', quantity: 2 }] }],
			title: 'Night cut',
		});
		const [booking] = state().bookings;
		expect(created.output).toEqual([{ json: booking, pairedItem: { item: 0 } }]);
		expect(booking).toMatchObject({ serviceLocationId, status: 'confirmed' });

		expect(json((await run('serviceBooking', { operation: 'get', serviceBooking: byId(booking.bookingId) })).output)).toEqual([booking]);
		const listed = await run('serviceBooking', { operation: 'getAll', startTime: '2027-03-28T00:00:00Z', endTime: '2027-03-28T23:00:00+02:00', returnAll: true, filters: { serviceLocationId } });
		expect(json(listed.output)).toEqual([booking]);
		expect(apiRequests().at(-1)?.query).toEqual({ locationId: SANDBOX_LOCATION, startTime: String(Date.parse('2027-03-28T00:00:00Z')), endTime: String(Date.parse('2027-03-28T21:00:00Z')), serviceLocationId });

		const moved = await run('serviceBooking', { operation: 'update', serviceBooking: byId(booking.bookingId), updateFields: { startTime: '2027-04-01T09:00:00', endTime: '2027-04-01T10:00:00', status: 'showed' }, options: { timeZone: 'America/New_York', skipSchedulingNotice: true } });
		const put = apiRequests().find((r) => r.method === 'PUT');
		expect(put?.body).toEqual({ startTime: '2027-04-01T09:00:00-04:00', endTime: '2027-04-01T10:00:00-04:00', timezone: 'America/New_York', status: 'showed' });
		expect(put?.query).toEqual({ skipSchedulingNotice: 'true' });
		expect(json(moved.output)[0]).toMatchObject({ bookingId: booking.bookingId, startTime: '2027-04-01T09:00:00-04:00', status: 'showed' });
		expect(json((await run('serviceBooking', { operation: 'delete', serviceBooking: byId(booking.bookingId) })).output)).toEqual([{ deleted: true, id: booking.bookingId }]);
		expect(state().bookings[0].deleted).toBe(true);
		expectRequestsValid(sandbox);
	});
});

describe('v3 services: Version 2021-04-15 refused, bad input, exactly once, agency', () => {
	test.each<[string, string, INodeParameters]>([
		['Service Booking → Get Many', 'serviceBooking', { operation: 'getAll', startTime: '2027-01-01T00:00:00Z', endTime: '2027-01-02T00:00:00Z' }],
		['Service Booking → Create', 'serviceBooking', { operation: 'create', contactId: 'c1', startTime: '2027-01-01T10:00:00Z', endTime: '2027-01-01T11:00:00Z', services: { service: [{ id: 's1' }] } }],
		['Service → Create', 'service', { operation: 'create', name: 'Cut', staffIds: 'staff1' }],
		['Service → Delete', 'service', { operation: 'delete', service: byId('s1') }],
		['Service Location → Get Many', 'serviceLocation', { operation: 'getAll', returnAll: true }],
		['Service Location → Update', 'serviceLocation', { operation: 'update', serviceLocation: byId('l1'), updateFields: { name: 'X' } }],
	])('%s under API Version 2021-04-15: refused naming the field and the item, nothing sent, the other items run', async (operation, resource, parameters) => {
		await withSandbox();
		const { output } = await run(resource, { ...parameters, options: { apiVersion: '={{ $json.version }}' } }, [{ version: '2021-04-15' }, { version: '2021-04-15' }]);
		expect(output.map((item) => item.json.error)).toEqual([0, 1].map((i) => `API Version 2021-04-15 in item ${i} has no "${operation}": it needs API Version v3`));
		expect(output[0].json.description).toMatch(/Version v3 only/);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(sandbox.requests()).toEqual([]);
		const mixed = await run('serviceLocation', { operation: 'create', name: '={{ $json.name }}', options: { apiVersion: '={{ $json.version }}' } }, [{ name: 'A', version: 'v3' }, { name: 'B', version: '2021-04-15' }]);
		expect(json(mixed.output).map((item) => item.name ?? item.error)).toEqual(['A', 'API Version 2021-04-15 in item 1 has no "Service Location → Create": it needs API Version v3']);
	});

	test('bad input names the field and the item, and the other items are made', async () => {
		await withSandbox();
		const services = await run('service', { operation: 'create', name: '={{ $json.name }}', slug: '={{ $json.slug }}', staffIds: '={{ $json.staff }}', additionalFields: { variations: '={{ $json.variations }}' } }, [
			{ name: 'Good', staff: 's1', variations: '[{ "name": "Short", "serviceDuration": 30 }]' },
			{ name: 'Bad slug', slug: 'Bad Slug', staff: 's1' },
			{ name: 'No staff', staff: '' },
			{ name: 'Nameless variation', staff: 's1', variations: [{ serviceDuration: 30 }] },
			{ name: 'Not JSON', staff: 's1', variations: '{ name: Short }' },
		]);
		expect(json(services.output).map((item) => item.name ?? item.error)).toEqual([
			'Good',
			'Slug "Bad Slug" in item 1 has characters HighLevel slugs do not use',
			'Staff IDs is empty in item 2',
			'Service field "variations[0].name" in item 3 is required',
			'Variations (JSON) in item 4 is not a JSON list',
		]);
		expect(state().services[0].variations).toEqual([{ id: expect.any(String), name: 'Short', serviceDuration: 30 }]);
		const bookings = await run('serviceBooking', { operation: 'create', contactId: 'c1', startTime: '={{ $json.start }}', endTime: '={{ $json.end }}', services: { service: [{ id: '={{ $json.service }}', addOns: '={{ $json.addOns }}' }] } }, [
			{ start: '2027-01-01T11:00:00Z', end: '2027-01-01T10:00:00Z', service: 's1' },
			{ start: 'tomorrow', end: '2027-01-01T10:00:00Z', service: 's1' },
			{ start: '2027-01-01T10:00:00Z', end: '2027-01-01T11:00:00Z', service: '' },
			{ start: '2027-01-01T10:00:00Z', end: '2027-01-01T11:00:00Z', service: 's1', addOns: '[{ "quantity": 2 }]' },
			{ start: '2027-01-01T10:00:00Z', end: '2027-01-01T11:00:00Z', service: 's1', addOns: 'two' },
		]);
		expect(json(bookings.output).map((item) => item.error)).toEqual([
			'End Time in item 0 is not after Start Time',
			expect.stringMatching(/^Start Time .*item 1/),
			'Services 1: Service ID is empty in item 2',
			'Service booking field "services[0].addOns[0].id" in item 3 is required',
			'Services 1: Add-Ons (JSON) in item 4 is not a JSON list',
		]);
		expect(apiRequests().filter((r) => r.method === 'POST')).toHaveLength(1);
	});

	test.each([
		['service', 'service'],
		['serviceLocation', 'serviceLocation'],
	])('%s Update refuses a slug HighLevel slugs do not allow before sending, and the other items are changed', async (resource, locator) => {
		await withSandbox();
		const { serviceId, serviceLocationId } = await seedCatalog();
		const id = resource === 'service' ? serviceId : serviceLocationId;
		const { output } = await run(resource, { operation: 'update', [locator]: byId(id), updateFields: { slug: '={{ $json.slug }}' } }, [{ slug: 'Hair Cut!' }, { slug: 'hair-cut' }]);
		expect(json(output).map((item) => item.error ?? item.slug)).toEqual(['Slug "Hair Cut!" in item 0 has characters HighLevel slugs do not use', 'hair-cut']);
		expect(output[0].json.description).toBe('Use lower-case letters, digits and dashes only, e.g. "hair-cut"');
		expect(apiRequests().filter((r) => r.method === 'PUT')).toHaveLength(1);
	});

	test.each([
		['serviceLocation', { operation: 'create', name: 'Lost Answer' }, 'serviceLocations'],
		['service', { operation: 'create', name: 'Lost Answer', staffIds: 'staff1' }, 'services'],
	] as const)('a %s create whose answer is lost after HighLevel stored it is made once', async (resource, parameters, kind) => {
		await withSandbox({ faults: { seed: 7, lostAfterStore: 1 } });
		const { output, error } = await run(resource, parameters);
		expect(error).toBeUndefined();
		expect(state()[kind]).toHaveLength(1);
		expect(output).toEqual([{ json: state()[kind][0], pairedItem: { item: 0 } }]);
		expect(apiRequests().map((r) => r.method)).toEqual(['GET', 'POST', 'GET']);
	});

	test('identical service bookings of one execution whose answers are lost give one booking each; an older one of the contact is not taken', async () => {
		await withSandbox({ faults: { seed: 7, lostAfterStore: 1 } });
		const { serviceId } = await seedCatalog();
		const slot = { startTime: '2027-05-03T10:00:00+02:00', endTime: '2027-05-03T11:00:00+02:00' };
		await call(sandbox, 'POST', '/calendars/services/bookings', { version: 'v3', query: { overrideAvailability: 'true' }, body: { locationId: SANDBOX_LOCATION, contactId: 'c1', timezone: 'Europe/Berlin', services: [{ id: serviceId }], ...slot } }).catch(() => undefined);
		const older = state().bookings[0];
		const before = apiRequests().length;
		const { output } = await run('serviceBooking', { operation: 'create', contactId: 'c1', ...slot, services: { service: [{ id: serviceId }] }, options: { overrideAvailability: true } }, [{}, {}]);
		expect(state().bookings).toHaveLength(3);
		const ids = json(output).map((item) => item.bookingId);
		expect(new Set(ids).size).toBe(2);
		expect(ids).not.toContain(older.bookingId);
		expect(apiRequests().slice(before).filter((r) => r.method === 'POST')).toHaveLength(2);
		expect(apiRequests().slice(before).find((r) => r.method === 'POST')?.query).toEqual({ overrideAvailability: 'true' });
	});

	test('under 10% 429s, 5% 500s, 2% resets and 2% answers lost after the store: 60 service locations made once each, read, renamed and deleted', async () => {
		await withSandbox({
			faults: { seed: 20261207, rateLimited: 0.1, error5xx: 0.05, reset: 0.02, lostAfterStore: 0.02 },
			rateLimit: { max: 100_000, intervalMs: 50, retryAfter: false },
		});
		const items = Array.from({ length: 60 }, (_, i) => ({ name: `Studio ${i}` }));
		const options = { maxRetries: 8 };
		const created = json((await run('serviceLocation', { operation: 'create', name: '={{ $json.name }}', options }, items)).output);
		expect(created.map((record) => record.name ?? record.error)).toEqual(items.map((item) => item.name));
		expect(state().serviceLocations).toHaveLength(60);
		const picked = created.map((record) => ({ id: record.id }));
		const locator = { serviceLocation: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, options };
		expect(json((await run('serviceLocation', { operation: 'get', ...locator }, picked)).output).map((record) => record.name ?? record.error)).toEqual(items.map((item) => item.name));
		const renamed = json((await run('serviceLocation', { operation: 'update', ...locator, updateFields: { name: 'Renamed' } }, picked)).output);
		expect(renamed.map((record) => record.name ?? record.error)).toEqual(items.map(() => 'Renamed'));
		const deleted = json((await run('serviceLocation', { operation: 'delete', ...locator }, picked)).output);
		expect(deleted.map((record) => record.deleted ?? record.error)).toEqual(items.map(() => true));
		expect(state().serviceLocations).toEqual([]);
		const statuses = apiRequests().map((r) => r.status);
		expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(5);
		expect(statuses.filter((status) => status >= 500).length).toBeGreaterThan(2);
		expect(apiRequests().filter((r) => r.dropped !== undefined).length).toBeGreaterThan(1);
		for (const request of apiRequests()) expect(validateRequest(request).errors).toEqual([]);
	}, 60_000);

	test('the agency credential: create, get, list, update and delete service locations in two sub-accounts, per item', async () => {
		await withSandbox();
		const credentials = await agencyCredentials(sandbox);
		const locations = ['sandboxLocation0001', 'sandboxLocation0002'];
		const agency = async (parameters: INodeParameters, items: object[]) =>
			json((await runWorkflow(withContinueOnFail(singleNodeWorkflow({ ...AGENCY_PER_ITEM, resource: 'serviceLocation', ...parameters }, items)), credentials)).output(NODE_NAME) ?? []);
		const created = await agency({ operation: 'create', name: '={{ $json.locationId }} studio' }, locations.map((locationId) => ({ locationId })));
		for (const [i, locationId] of locations.entries()) {
			expect(state(locationId).serviceLocations).toEqual([created[i]]);
			expect(created[i]).toMatchObject({ locationId, name: `${locationId} studio` });
		}
		const items = created.map((record) => ({ locationId: record.locationId, id: record.id }));
		const picked = { __rl: true, mode: 'id', value: '={{ $json.id }}' };
		expect(await agency({ operation: 'get', serviceLocation: picked }, items)).toEqual(created);
		expect(await agency({ operation: 'getAll', returnAll: true }, items)).toEqual(created);
		expect((await agency({ operation: 'update', serviceLocation: picked, updateFields: { name: 'Renamed' } }, items)).map((record) => record.name)).toEqual(['Renamed', 'Renamed']);
		expect((await agency({ operation: 'delete', serviceLocation: picked }, items)).map((record) => record.deleted)).toEqual([true, true]);
		expect(sandbox.state().services.serviceLocations).toEqual({});
		expect(sandbox.state().oauth.mintsByLocation).toEqual({ sandboxLocation0001: 1, sandboxLocation0002: 1 });
		for (const request of apiRequests()) expect(validateRequest(request).errors).toEqual([]);
	});
});
