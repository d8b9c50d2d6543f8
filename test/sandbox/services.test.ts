/** v3 services, service locations and service bookings over HTTP: every answer is checked against the official spec (harness). */
import { LOCATION, OTHER, OTHER_LOCATION, READONLY, call } from '../../tools/sandbox/harness';
import { Sandbox, startSandbox } from '../../tools/sandbox/server';
import { expectLocationLimitShared } from './locationLimit';

const version = 'v3';
const service = (overrides: Record<string, unknown> = {}) => ({ locationId: LOCATION, name: 'Hair Styling', slug: 'hair-styling', staff: [{ id: 'staff1' }], ...overrides });
const place = (overrides: Record<string, unknown> = {}) => ({ locationId: LOCATION, name: 'Downtown', slug: 'downtown', ...overrides });
const booking = (serviceId: string, overrides: Record<string, unknown> = {}) => ({
	locationId: LOCATION,
	contactId: 'contact1',
	startTime: '2027-03-01T10:00:00+01:00',
	endTime: '2027-03-01T10:30:00+01:00',
	timezone: 'Europe/Berlin',
	services: [{ id: serviceId }],
	...overrides,
});
const window = (from: string, to: string) => ({ locationId: LOCATION, startTime: String(Date.parse(from)), endTime: String(Date.parse(to)) });

describe('v3 services over HTTP', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	it('the catalog: create, list with filters, get, update, delete; slugs unique per location, staff required', async () => {
		const made = await call(sandbox, 'POST', '/calendars/services/catalog', { version, body: service({ serviceCategoryId: 'cat1', isPrivate: true }) });
		expect(made).toMatchObject({ status: 201, body: { service: { id: expect.stringMatching(/^[A-Za-z0-9]{20}$/), locationId: LOCATION, name: 'Hair Styling', staff: [{ id: 'staff1' }] } } });
		const id = made.body.service.id as string;
		await call(sandbox, 'POST', '/calendars/services/catalog', { version, body: service({ slug: 'cut', name: 'Cut' }) });
		expect(await call(sandbox, 'POST', '/calendars/services/catalog', { version, body: service() })).toMatchObject({ status: 422, body: { message: ['Slug already exists'] } });
		expect(await call(sandbox, 'POST', '/calendars/services/catalog', { version, body: service({ slug: 'x', staff: [] }) })).toMatchObject({ status: 400 });
		expect(await call(sandbox, 'POST', '/calendars/services/catalog', { version, body: service({ slug: 'y', colour: 'red' }) })).toMatchObject({ status: 422 });
		const list = async (query: Record<string, string> = {}) =>
			((await call(sandbox, 'GET', '/calendars/services/catalog', { version, query: { locationId: LOCATION, ...query } })).body.services as Array<{ name: string }>).map((s) => s.name);
		expect(await list()).toEqual(['Hair Styling', 'Cut']);
		expect(await list({ serviceCategoryId: 'cat1' })).toEqual(['Hair Styling']);
		expect(await list({ isPrivate: 'false' })).toEqual(['Cut']);
		const path = `/calendars/services/catalog/${id}`;
		expect(await call(sandbox, 'GET', path, { version })).toMatchObject({ status: 200, body: made.body });
		expect(await call(sandbox, 'PUT', path, { version, body: { slug: 'cut' } })).toMatchObject({ status: 422 });
		expect(await call(sandbox, 'PUT', path, { version, body: { serviceDuration: 45 } })).toMatchObject({ status: 200, body: { service: { serviceDuration: 45, name: 'Hair Styling' } } });
		const varied = await call(sandbox, 'PUT', path, { version, body: { variations: [{ name: 'Short', serviceDuration: 20 }] } });
		expect(varied).toMatchObject({ status: 200, body: { service: { variations: [{ id: expect.any(String), name: 'Short', serviceDuration: 20 }] } } });
		expect(await call(sandbox, 'DELETE', path, { version })).toMatchObject({ status: 200, body: { success: true } });
		expect(await call(sandbox, 'GET', path, { version })).toMatchObject({ status: 404 });
		expect(await call(sandbox, 'DELETE', path, { version })).toMatchObject({ status: 404 });
	});

	it('service locations: create, list, get, update, delete', async () => {
		const made = await call(sandbox, 'POST', '/calendars/services/locations', { version, body: place({ phone: '+1 555' }) });
		expect(made).toMatchObject({ status: 201, body: { locationId: LOCATION, name: 'Downtown', slug: 'downtown', locationType: 'offline', isActive: true } });
		const path = `/calendars/services/locations/${made.body.id}`;
		expect((await call(sandbox, 'GET', '/calendars/services/locations', { version, query: { locationId: LOCATION } })).body).toEqual({ serviceLocations: [made.body] });
		expect(await call(sandbox, 'GET', path, { version })).toMatchObject({ status: 200, body: made.body });
		expect(await call(sandbox, 'PUT', path, { version, body: { locationType: 'ask_booker' } })).toMatchObject({ status: 200, body: { locationType: 'ask_booker' } });
		expect(await call(sandbox, 'DELETE', path, { version })).toMatchObject({ status: 200, body: { success: true } });
		expect(sandbox.state().services.serviceLocations).toEqual({});
	});

	it('bookings: in the catalog and a service location, listed by an epoch-millisecond window, a busy staff member refused unless overridden, soft-deleted', async () => {
		const hair = (await call(sandbox, 'POST', '/calendars/services/catalog', { version, body: service() })).body.service.id as string;
		expect(await call(sandbox, 'POST', '/calendars/services/bookings', { version, body: booking(hair) })).toMatchObject({ status: 404, body: { message: 'Service location not found' } });
		const downtown = (await call(sandbox, 'POST', '/calendars/services/locations', { version, body: place() })).body.id as string;
		const made = await call(sandbox, 'POST', '/calendars/services/bookings', { version, body: booking(hair) });
		expect(made).toMatchObject({
			status: 201,
			body: { bookingId: expect.any(String), serviceLocationId: downtown, status: 'confirmed', deleted: false, startTime: '2027-03-01T10:00:00+01:00', services: [{ id: hair, serviceStaffId: 'staff1' }] },
		});
		expect(await call(sandbox, 'POST', '/calendars/services/bookings', { version, body: booking('nope') })).toMatchObject({ status: 404 });
		expect(await call(sandbox, 'POST', '/calendars/services/bookings', { version, body: booking(hair, { endTime: '2027-03-01T09:00:00+01:00' }) })).toMatchObject({ status: 400 });
		expect(await call(sandbox, 'POST', '/calendars/services/bookings', { version, body: booking(hair, { contactId: 'c2' }) })).toMatchObject({ status: 400, body: { message: 'The slot you have selected is no longer available.' } });
		expect(await call(sandbox, 'POST', '/calendars/services/bookings', { version, query: { overrideAvailability: 'true' }, body: booking(hair, { contactId: 'c2' }) })).toMatchObject({ status: 201 });
		const list = async (from: string, to: string) => (await call(sandbox, 'GET', '/calendars/services/bookings', { version, query: window(from, to) })).body.bookings as unknown[];
		expect(await list('2027-03-01T09:00:00Z', '2027-03-01T10:00:00Z')).toHaveLength(2);
		expect(await list('2027-03-01T09:30:00Z', '2027-03-01T10:00:00Z')).toHaveLength(0);
		const path = `/calendars/services/bookings/${made.body.bookingId}`;
		expect(await call(sandbox, 'PUT', path, { version, body: { status: 'showed', title: 'Cut' } })).toMatchObject({ status: 200, body: { status: 'showed', title: 'Cut', services: [{ id: hair }] } });
		expect(await call(sandbox, 'GET', path, { version })).toMatchObject({ status: 200, body: { status: 'showed' } });
		expect(await call(sandbox, 'DELETE', path, { version })).toMatchObject({ status: 200, body: { success: true } });
		expect(await call(sandbox, 'GET', path, { version })).toMatchObject({ status: 404 });
		expect(await list('2027-03-01T09:00:00Z', '2027-03-01T10:00:00Z')).toHaveLength(1);
	});

	it('an Ask the Booker location needs a meeting location', async () => {
		const hair = (await call(sandbox, 'POST', '/calendars/services/catalog', { version, body: service() })).body.service.id as string;
		await call(sandbox, 'POST', '/calendars/services/locations', { version, body: place({ locationType: 'ask_booker' }) });
		expect(await call(sandbox, 'POST', '/calendars/services/bookings', { version, body: booking(hair) })).toMatchObject({ status: 400 });
		expect(await call(sandbox, 'POST', '/calendars/services/bookings', { version, body: booking(hair, { meetingLocation: 'At home' }) })).toMatchObject({ status: 201, body: { meetingLocation: 'At home' } });
	});

	it('under Version 2021-04-15 the v3-only routes answer 401 "version header is invalid" and store nothing (the sandbox\'s decision)', async () => {
		for (const [method, path, body] of [['POST', '/calendars/services/catalog', service()], ['POST', '/calendars/services/locations', place()], ['GET', '/calendars/services/catalog/x', undefined]] as const) {
			expect(await call(sandbox, method, path, { version: '2021-04-15', body })).toMatchObject({ status: 401, body: { message: 'version header is invalid' } });
		}
		expect(sandbox.state().services).toEqual({ services: {}, serviceLocations: {}, bookings: {} });
	});

	it('per location: another location\'s token neither sees nor changes them; read-only tokens do not write; scopes as the spec declares', async () => {
		const made = (await call(sandbox, 'POST', '/calendars/services/catalog', { version, body: service() })).body.service.id as string;
		expect(await call(sandbox, 'GET', `/calendars/services/catalog/${made}`, { version, token: OTHER })).toMatchObject({ status: 404 });
		expect(await call(sandbox, 'GET', '/calendars/services/catalog', { version, token: OTHER, query: { locationId: LOCATION } })).toMatchObject({ status: 403 });
		expect((await call(sandbox, 'GET', '/calendars/services/catalog', { version, token: OTHER, query: { locationId: OTHER_LOCATION } })).body).toEqual({ services: [] });
		expect(await call(sandbox, 'POST', '/calendars/services/locations', { version, token: READONLY, body: place() })).toMatchObject({ status: 401 });
		expect(await call(sandbox, 'GET', '/calendars/services/locations', { version, token: READONLY, query: { locationId: LOCATION } })).toMatchObject({ status: 200 });
	});
});

describe('v3 services share the location\'s rate limit', () => {
	it('answers 429 once the location\'s window is spent (the catalog, the locations and the bookings alike)', async () => {
		await expectLocationLimitShared(async (sandbox) => await call(sandbox, 'GET', '/calendars/services/catalog', { version, query: { locationId: LOCATION } }));
		await expectLocationLimitShared(async (sandbox) => await call(sandbox, 'GET', '/calendars/services/locations', { version, query: { locationId: LOCATION } }));
		await expectLocationLimitShared(async (sandbox) => await call(sandbox, 'GET', '/calendars/services/bookings', { version, query: window('2027-03-01T00:00:00Z', '2027-03-02T00:00:00Z') }));
	});
});
