import { DEFAULT_COMPANY } from '../../tools/sandbox/agency';
import { DEMO, LOCATION, OTHER_LOCATION, appointmentBody, bookableCalendar, call, groupBody } from '../../tools/sandbox/harness';
import { authorizeUrl, approve, connect, exchangeCode } from '../../tools/sandbox/oauth-client';
import { Sandbox, SandboxOptions, startSandbox } from '../../tools/sandbox/server';

const V2 = '2021-07-28';
const THIRD_LOCATION = 'sandboxLocation0003';
const OTHER_COMPANY = 'otherCompany000001';
const unauthorized = (message: string) => ({ status: 401, body: { statusCode: 401, message, error: 'Unauthorized' } });
const badRequest = (message: string) => ({ status: 400, body: { statusCode: 400, message } });
const forbidden = (message: string) => ({ status: 403, body: { statusCode: 403, message, error: 'Forbidden' } });
const AUTH_CLASS = unauthorized('This authClass type is not allowed to access this scope. Please reach out to the Platform team to get it added.');
const NOT_INSTALLED = badRequest('The app is not installed in this location');

const AGENCY: SandboxOptions['agency'] = {
	companies: [
		{ id: DEFAULT_COMPANY, locations: [{ id: LOCATION, name: 'Dental' }, { id: OTHER_LOCATION, name: 'Fitness' }, { id: THIRD_LOCATION, name: 'Salon' }] },
		{ id: OTHER_COMPANY, locations: [{ id: 'foreignLocation001' }] },
	],
	apps: [{ distribution: 'Location' }, { distribution: 'Company' }],
};

describe('agency routes: location tokens, installed locations, sub-account search, new sub-accounts', () => {
	let sandbox: Sandbox;
	const start = async (options: SandboxOptions = {}) => {
		await sandbox?.close();
		sandbox = await startSandbox({ agency: AGENCY, ...options });
	};
	beforeAll(() => start());
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	const agencyToken = async (picks: Record<string, string> = {}) => (await connect(sandbox.url, sandbox.app('Company'), picks)).access_token as string;
	const mint = (token: string, form: Record<string, string>, options: { version?: string | null; path?: string } = {}) =>
		call(sandbox, 'POST', options.path ?? '/oauth/locationToken', { token, version: options.version === undefined ? V2 : options.version, form });
	const mintFor = (token: string, locationId: string) => mint(token, { companyId: DEFAULT_COMPANY, locationId });

	it('mints a location token from an agency token: the spec\'s answer, no refresh token, counted per location', async () => {
		const token = await agencyToken();
		const answer = await mintFor(token, OTHER_LOCATION);
		expect(answer).toMatchObject({
			status: 200,
			body: { access_token: expect.stringMatching(/^oauth-access-/), token_type: 'Bearer', expires_in: 86399, locationId: OTHER_LOCATION, userId: expect.any(String), appId: sandbox.app('Company').appId },
		});
		expect(answer.body).not.toHaveProperty('refresh_token');
		expect(answer.body.scope.split(' ')).toEqual(expect.arrayContaining(['calendars/groups.readonly', 'calendars/groups.write', 'calendars.readonly', 'calendars.write']));
		await mintFor(token, OTHER_LOCATION);
		await mintFor(token, LOCATION);
		expect(sandbox.state().oauth).toMatchObject({ mints: 3, mintsByLocation: { [OTHER_LOCATION]: 2, [LOCATION]: 1 } });
	});

	it('a minted token works on the group and calendar routes of its location only', async () => {
		const minted = (await mintFor(await agencyToken(), OTHER_LOCATION)).body.access_token;
		expect((await call(sandbox, 'POST', '/calendars/groups', { token: minted, body: groupBody({ locationId: OTHER_LOCATION }) })).status).toBe(201);
		expect(sandbox.state().locations[OTHER_LOCATION]).toEqual([expect.objectContaining({ name: 'Sales team' })]);
		expect((await call(sandbox, 'POST', '/calendars/groups', { token: minted, body: groupBody() })).status).toBe(403);
		const calendar = { locationId: OTHER_LOCATION, name: 'Intro call', slug: 'intro-call' };
		expect((await call(sandbox, 'POST', '/calendars/', { token: minted, body: calendar })).status).toBe(200);
		expect((await call(sandbox, 'POST', '/calendars/', { token: minted, body: { ...calendar, locationId: LOCATION } })).status).toBe(403);
		expect(sandbox.state().calendars[OTHER_LOCATION]).toEqual([expect.objectContaining({ name: 'Intro call' })]);
	});

	it('a minted token carries the events scopes: it books in its location', async () => {
		const minted = (await mintFor(await agencyToken(), OTHER_LOCATION)).body;
		expect(minted.scope.split(' ')).toEqual(expect.arrayContaining(['calendars/events.readonly', 'calendars/events.write']));
		const calendar = await bookableCalendar(sandbox, { locationId: OTHER_LOCATION }, { token: minted.access_token });
		// far enough ahead of the real clock this test runs on (the calendar is open every day)
		const booking = appointmentBody(calendar.id, '2099-06-02T10:00:00-04:00', { locationId: OTHER_LOCATION });
		expect(await call(sandbox, 'POST', '/calendars/events/appointments', { token: minted.access_token, body: booking })).toMatchObject({ status: 200, body: { locationId: OTHER_LOCATION } });
	});

	it('takes only an agency token with oauth.write, and the Version 2021-07-28', async () => {
		const token = await agencyToken();
		const subAccount = (await connect(sandbox.url, sandbox.app('Location'))).access_token;
		expect(await mintFor(DEMO, LOCATION)).toMatchObject(AUTH_CLASS);
		expect(await mintFor(subAccount, LOCATION)).toMatchObject(AUTH_CLASS);
		expect(await mintFor('oauth-access-unknown', LOCATION)).toMatchObject(unauthorized('Invalid token: access token is invalid'));
		expect(await mint(token, { companyId: DEFAULT_COMPANY, locationId: LOCATION }, { version: null })).toMatchObject(unauthorized('version header was not found.'));
		expect(await mint(token, { companyId: DEFAULT_COMPANY, locationId: LOCATION }, { version: '2021-04-15' })).toMatchObject(unauthorized('version header is invalid'));

		const readOnlyUrl = authorizeUrl(sandbox.url, sandbox.app('Company')).replace(/scope=[^&]*/, `scope=${encodeURIComponent('calendars/groups.write oauth.readonly')}`);
		const code = (await approve(readOnlyUrl)).searchParams.get('code')!;
		const withoutWrite = (await exchangeCode(sandbox.url, sandbox.app('Company'), code)).body.access_token;
		expect(await mintFor(withoutWrite, LOCATION)).toMatchObject(unauthorized('The token is not authorized for this scope.'));
		expect(sandbox.state().oauth.mints).toBe(0);
	});

	it('refuses another company, a location outside the company, and a location without the app', async () => {
		const token = await agencyToken({ sandbox_locations: LOCATION });
		expect(await mint(token, { companyId: OTHER_COMPANY, locationId: 'foreignLocation001' })).toMatchObject(forbidden('The token does not have access to this company'));
		expect(await mintFor(token, 'foreignLocation001')).toMatchObject(badRequest('Location not found in this company'));
		expect(await mintFor(token, 'noSuchLocation0001')).toMatchObject(badRequest('Location not found in this company'));
		expect(await mintFor(token, OTHER_LOCATION)).toMatchObject(NOT_INSTALLED);
		expect(await mint(token, { companyId: DEFAULT_COMPANY })).toMatchObject(badRequest('locationId is required'));
		expect(await mint(token, { companyId: DEFAULT_COMPANY, locationId: LOCATION, userType: 'Location' })).toMatchObject({ status: 422 });
		expect((await mintFor(token, LOCATION)).status).toBe(200);
		expect(sandbox.state().oauth.mintsByLocation).toEqual({ [LOCATION]: 1 });
	});

	it('counts mints against the company\'s limit and group calls against each location\'s', async () => {
		await start({ rateLimit: { max: 2, intervalMs: 60_000 } });
		const token = await agencyToken();
		const minted = [(await mintFor(token, LOCATION)).body.access_token, (await mintFor(token, OTHER_LOCATION)).body.access_token];
		const limited = await mintFor(token, THIRD_LOCATION);
		expect(limited).toMatchObject({ status: 429, body: { statusCode: 429, message: 'Too many requests' } });
		expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
		// the locations' buckets are untouched by the mints
		const list = (t: string, locationId: string) => call(sandbox, 'GET', '/calendars/groups', { token: t, query: { locationId } });
		expect((await list(minted[0], LOCATION)).headers.get('x-ratelimit-remaining')).toBe('1');
		expect((await list(minted[1], OTHER_LOCATION)).headers.get('x-ratelimit-remaining')).toBe('1');
		// a second minted token of the same location shares the app's bucket there
		expect((await list(minted[0], LOCATION)).status).toBe(200);
		expect((await list(minted[0], LOCATION)).status).toBe(429);
		await start();
	});

	it('takes injected faults on the agency routes too: a mint whose answer is lost still counts', async () => {
		await start({ faults: { lostAfterStore: 1 } });
		const lostToken = await agencyToken();
		await expect(mintFor(lostToken, LOCATION)).rejects.toThrow();
		expect(sandbox.state().oauth.mintsByLocation).toEqual({ [LOCATION]: 1 });
		expect(sandbox.requests().find((r) => r.path === '/oauth/locationToken')).toMatchObject({ status: 0, dropped: 'lostAfterStore' });
		await start({ faults: { error5xx: 1 } });
		expect((await mintFor(await agencyToken(), LOCATION)).status).toBeGreaterThanOrEqual(500);
		expect(sandbox.state().oauth.mints).toBe(0);
		await start();
	});

	it('lists the installed locations with their install state, filtered and paged (v2 and v3)', async () => {
		const token = await agencyToken({ sandbox_locations: `${LOCATION},${THIRD_LOCATION}`, sandbox_future: 'false' });
		const appId = sandbox.app('Company').appId;
		const installed = (query: Record<string, string>, path = '/oauth/installedLocations', version = V2) =>
			call(sandbox, 'GET', path, { token, version, query: { companyId: DEFAULT_COMPANY, appId, ...query } });
		expect((await installed({})).body).toEqual({
			locations: [
				{ _id: LOCATION, name: 'Dental', address: expect.any(String), isInstalled: true },
				{ _id: OTHER_LOCATION, name: 'Fitness', address: expect.any(String), isInstalled: false },
				{ _id: THIRD_LOCATION, name: 'Salon', address: expect.any(String), isInstalled: true },
			],
			count: 3,
			installToFutureLocations: false,
		});
		expect((await installed({ isInstalled: 'false' })).body.locations.map((l: { _id: string }) => l._id)).toEqual([OTHER_LOCATION]);
		expect((await installed({ query: 'sal' })).body).toMatchObject({ count: 1, locations: [{ _id: THIRD_LOCATION }] });
		expect((await installed({ skip: '1', limit: '1' })).body).toMatchObject({ count: 3, locations: [{ _id: OTHER_LOCATION }] });
		expect(await installed({ appId: 'someOtherApp' })).toMatchObject(forbidden('The token does not have access to this app'));
		expect(await installed({ companyId: OTHER_COMPANY })).toMatchObject(forbidden('The token does not have access to this company'));
		expect(await installed({ limit: '1', extra: 'x' })).toMatchObject({ status: 422 });

		const first = await installed({ pageSize: '2' }, '/oauth/installed-locations', 'v3');
		expect(first.body).toMatchObject({ items: [{ _id: LOCATION }, { _id: OTHER_LOCATION }], pagination: { totalRecords: 3, hasNextPage: true, hasPrevPage: false, currentPageSize: 2 } });
		const second = await installed({ pageSize: '2', pageToken: first.body.pagination.nextPageToken }, '/oauth/installed-locations', 'v3');
		expect(second.body).toMatchObject({ items: [{ _id: THIRD_LOCATION }], pagination: { hasNextPage: false, hasPrevPage: true, currentPageSize: 1 } });
	});

	it('mints on the v3 path too, in camelCase with a refresh token', async () => {
		const answer = await mint(await agencyToken(), { companyId: DEFAULT_COMPANY, locationId: LOCATION }, { path: '/oauth/location-token', version: 'v3' });
		expect(answer).toMatchObject({ status: 200, body: { accessToken: expect.any(String), refreshToken: expect.any(String), tokenType: 'Bearer', expiresIn: 86399, locationId: LOCATION } });
		expect((await call(sandbox, 'GET', '/calendars/groups', { token: answer.body.accessToken, query: { locationId: LOCATION } })).status).toBe(200);
	});

	it('searches the agency\'s sub-accounts with an agency token', async () => {
		const token = await agencyToken();
		const search = (query: Record<string, string>, t = token) => call(sandbox, 'GET', '/locations/search', { token: t, version: V2, query });
		expect((await search({ companyId: DEFAULT_COMPANY })).body.locations.map((l: { id: string; name: string }) => [l.id, l.name])).toEqual([
			[LOCATION, 'Dental'],
			[OTHER_LOCATION, 'Fitness'],
			[THIRD_LOCATION, 'Salon'],
		]);
		expect((await search({ skip: '1', limit: '1', order: 'desc' })).body.locations.map((l: { id: string }) => l.id)).toEqual([OTHER_LOCATION]);
		expect(await search({ companyId: OTHER_COMPANY })).toMatchObject(forbidden('The token does not have access to this company'));
		expect(await search({}, DEMO)).toMatchObject(unauthorized('The token is not authorized for this scope.'));
	});

	describe('revoked tokens', () => {
		const listWith = (token: string, locationId: string) => call(sandbox, 'GET', '/calendars/groups', { token, query: { locationId } });
		const revokeOverHttp = async (body: unknown) => {
			const answer = await fetch(`${sandbox.url}/__sandbox/revoke`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
			return { status: answer.status, body: (await answer.json()) as unknown };
		};

		it("a location's minted tokens get HighLevel's 401 once revoked; the agency token and other locations keep working", async () => {
			const agency = await agencyToken();
			const first = (await mintFor(agency, LOCATION)).body.access_token;
			const second = (await mintFor(agency, LOCATION)).body.access_token;
			const other = (await mintFor(agency, OTHER_LOCATION)).body.access_token;
			expect(await revokeOverHttp({ locationId: LOCATION })).toEqual({ status: 200, body: { revoked: 2 } });
			expect(await listWith(first, LOCATION)).toMatchObject(unauthorized('Invalid token: access token is invalid'));
			expect(await listWith(second, LOCATION)).toMatchObject(unauthorized('Invalid token: access token is invalid'));
			expect((await listWith(other, OTHER_LOCATION)).status).toBe(200);
			const fresh = (await mintFor(agency, LOCATION)).body.access_token;
			expect((await listWith(fresh, LOCATION)).status).toBe(200);
		});

		it('alsoLater: the tokens minted afterwards arrive revoked, until reset', async () => {
			const agency = await agencyToken();
			expect(sandbox.revokeTokens({ locationId: LOCATION, alsoLater: true })).toBe(0);
			const minted = await mintFor(agency, LOCATION);
			expect(minted.status).toBe(200);
			expect(await listWith(minted.body.access_token, LOCATION)).toMatchObject(unauthorized('Invalid token: access token is invalid'));
			sandbox.reset();
			const after = (await mintFor(await agencyToken(), LOCATION)).body.access_token;
			expect((await listWith(after, LOCATION)).status).toBe(200);
		});

		it("a company's revocation takes its agency token too; a filter naming nothing is refused", async () => {
			const agency = await agencyToken();
			expect(sandbox.revokeTokens({ companyId: DEFAULT_COMPANY })).toBe(1);
			expect(await mintFor(agency, LOCATION)).toMatchObject(unauthorized('Invalid token: access token is invalid'));
			expect(await revokeOverHttp({})).toEqual(badRequest('name a locationId or a companyId to revoke'));
		});
	});

	describe('new sub-accounts', () => {
		const addOverHttp = async (body: unknown) => {
			const answer = await fetch(`${sandbox.url}/__sandbox/locations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
			return { status: answer.status, body: (await answer.json()) as { location: { id: string } } };
		};

		it('get the app when the agency installed it to future sub-accounts', async () => {
			const token = await agencyToken();
			const added = await addOverHttp({ name: 'Brand new' });
			expect(added).toMatchObject({ status: 201, body: { location: { id: expect.stringMatching(/^[A-Za-z0-9]{20}$/), companyId: DEFAULT_COMPANY, name: 'Brand new' } } });
			const minted = (await mintFor(token, added.body.location.id)).body.access_token;
			const create = await call(sandbox, 'POST', '/calendars/groups', { token: minted, body: groupBody({ locationId: added.body.location.id }) });
			expect(create.status).toBe(201);
			expect(sandbox.state().agency.companies[0].locations.map((l) => l.id)).toContain(added.body.location.id);
		});

		it('do not get it otherwise, unless added with the app', async () => {
			const token = await agencyToken({ sandbox_future: 'false' });
			const without = sandbox.addLocation({ id: 'newLocationNoApp01' });
			expect(await mintFor(token, without.id)).toMatchObject(NOT_INSTALLED);
			const withApp = await addOverHttp({ id: 'newLocationWithApp', withApp: true });
			expect((await mintFor(token, withApp.body.location.id)).status).toBe(200);
			const futureButNot = await agencyToken();
			sandbox.addLocation({ id: 'newLocationOptOut1', withApp: false });
			expect(await mintFor(futureButNot, 'newLocationOptOut1')).toMatchObject(NOT_INSTALLED);
		});

		it('refuses an unknown company or a taken id', async () => {
			expect(await addOverHttp({ companyId: 'nope' })).toEqual(badRequest('unknown company "nope"'));
			expect(await addOverHttp({ id: LOCATION })).toEqual(badRequest(`location "${LOCATION}" exists already`));
			expect(() => sandbox.addLocation({ companyId: 'nope' })).toThrow('unknown company "nope"');
		});
	});
});
