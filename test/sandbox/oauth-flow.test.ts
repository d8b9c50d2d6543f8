import { validateResponse } from '../../tools/contract/openapi';
import { DEFAULT_COMPANY, LOCATION_SCOPES } from '../../tools/sandbox/agency';
import { LOCATION, OTHER_LOCATION, call, groupBody } from '../../tools/sandbox/harness';
import { REDIRECT_URI, approve, authorizeUrl, connect, exchangeCode, refresh, tokenRequest } from '../../tools/sandbox/oauth-client';
import { Sandbox, SandboxOptions, startSandbox } from '../../tools/sandbox/server';

const TOKEN_OP = { operationId: 'get-access-token', version: '2021-07-28' as const };
const THIRD_LOCATION = 'sandboxLocation0003';
const badRequest = (message: string) => ({ status: 400, body: { statusCode: 400, message } });
const unauthorized = (message: string) => ({ status: 401, body: { statusCode: 401, message, error: 'Unauthorized' } });
const INVALID_REFRESH = badRequest('Invalid grant: refresh token is invalid');

describe('OAuth: authorize page and token endpoint', () => {
	let sandbox: Sandbox;
	const start = async (options: SandboxOptions = {}) => {
		await sandbox?.close();
		sandbox = await startSandbox(options);
		return sandbox;
	};
	beforeAll(() => start());
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	const subAccountApp = () => sandbox.app('Location');
	const agencyApp = () => sandbox.app('Company');
	const listGroups = (token: string, locationId = LOCATION) => call(sandbox, 'GET', '/calendars/groups', { token, query: { locationId } });

	it('approves at once and redirects to redirect_uri with a code and the state', async () => {
		const target = await approve(authorizeUrl(sandbox.url, subAccountApp(), {}, 'xyz-state'));
		expect(`${target.origin}${target.pathname}`).toBe(REDIRECT_URI);
		expect(target.searchParams.get('state')).toBe('xyz-state');
		expect(target.searchParams.get('code')).toMatch(/^code-[0-9a-f]{48}$/);
		expect(sandbox.state().agency.installs).toEqual([expect.objectContaining({ userType: 'Location', locationIds: [LOCATION], companyId: DEFAULT_COMPANY })]);
	});

	it('refuses an unknown client, another response_type and a redirect_uri that is no http(s) URL', async () => {
		const app = subAccountApp();
		const page = async (url: string) => {
			const answer = await fetch(url, { redirect: 'manual' });
			return { status: answer.status, body: await answer.json() };
		};
		expect(await page(authorizeUrl(sandbox.url, { ...app, clientId: 'nope' }))).toEqual(badRequest('Invalid client_id'));
		expect(await page(authorizeUrl(sandbox.url, app).replace('response_type=code', 'response_type=token'))).toEqual(badRequest('response_type must be code'));
		expect(await page(authorizeUrl(sandbox.url, app).replace(/redirect_uri=[^&]*/, 'redirect_uri=javascript%3Aalert(1)'))).toEqual(
			badRequest('redirect_uri must be an absolute http(s) URL'),
		);
		expect(await page(authorizeUrl(sandbox.url, app, { sandbox_location: 'elsewhere' }))).toEqual(badRequest('the install names an unknown company or location'));
	});

	it('exchanges a code for a sub-account token with the fields of the spec, once', async () => {
		const code = (await approve(authorizeUrl(sandbox.url, subAccountApp(), { sandbox_location: OTHER_LOCATION }))).searchParams.get('code')!;
		const answer = await exchangeCode(sandbox.url, subAccountApp(), code);
		expect(answer).toEqual({
			status: 200,
			body: {
				access_token: expect.stringMatching(/^oauth-access-/),
				token_type: 'Bearer',
				expires_in: 86399,
				refresh_token: expect.stringMatching(/^oauth-refresh-/),
				scope: LOCATION_SCOPES.join(' '),
				userType: 'Location',
				companyId: DEFAULT_COMPANY,
				locationId: OTHER_LOCATION,
				userId: expect.any(String),
			},
		});
		expect(validateResponse(TOKEN_OP, answer.status, answer.body)).toEqual([]);
		expect(await exchangeCode(sandbox.url, subAccountApp(), code)).toEqual(badRequest('Invalid grant: authorization code is invalid'));
		expect(sandbox.state().oauth).toMatchObject({ codeExchanges: 1 });
	});

	it('answers an agency install with the install fields: all sub-accounts, or some, and future ones', async () => {
		const all = await connect(sandbox.url, agencyApp());
		expect(all).toMatchObject({ userType: 'Company', companyId: DEFAULT_COMPANY, approveAllLocations: true, installToFutureLocations: true, isBulkInstallation: true });
		expect(all).not.toHaveProperty('locationId');
		expect(all).not.toHaveProperty('approvedLocations');
		expect(all.scope.split(' ')).toEqual(expect.arrayContaining(['oauth.write', 'oauth.readonly', 'calendars/groups.write']));

		const some = await connect(sandbox.url, agencyApp(), { sandbox_locations: `${LOCATION},${THIRD_LOCATION}`, sandbox_future: 'false' });
		expect(some).toMatchObject({ approveAllLocations: false, installToFutureLocations: false, approvedLocations: [LOCATION, THIRD_LOCATION] });
		for (const body of [all, some]) expect(validateResponse(TOKEN_OP, 200, body)).toEqual([]);
	});

	it('grants only the requested scopes the app has', async () => {
		const url = authorizeUrl(sandbox.url, agencyApp()).replace(/scope=[^&]*/, `scope=${encodeURIComponent('calendars/groups.readonly oauth.readonly made.up')}`);
		const code = (await approve(url)).searchParams.get('code')!;
		expect((await exchangeCode(sandbox.url, agencyApp(), code)).body.scope).toBe('calendars/groups.readonly oauth.readonly');
	});

	it('checks the client, the grant type, the redirect URI and the form', async () => {
		const app = subAccountApp();
		const code = async () => (await approve(authorizeUrl(sandbox.url, app))).searchParams.get('code')!;
		const form = async (overrides: Record<string, string>) => ({ client_id: app.clientId, client_secret: app.clientSecret, grant_type: 'authorization_code', code: await code(), ...overrides });
		expect(await tokenRequest(sandbox.url, await form({ client_secret: 'wrong' }))).toEqual(unauthorized('Invalid client: client is invalid'));
		expect(await tokenRequest(sandbox.url, await form({ client_id: agencyApp().clientId, client_secret: agencyApp().clientSecret }))).toEqual(
			badRequest('Invalid grant: authorization code is invalid'),
		);
		expect(await tokenRequest(sandbox.url, await form({ redirect_uri: 'http://127.0.0.1/elsewhere' }))).toEqual(badRequest('Invalid grant: authorization code is invalid'));
		expect(await tokenRequest(sandbox.url, await form({ grant_type: 'client_credentials' }))).toEqual(badRequest('Unsupported grant type: `grant_type` is invalid'));
		expect(await tokenRequest(sandbox.url, await form({ code: '' }))).toEqual(badRequest('Missing parameter: `code`'));
		expect(await tokenRequest(sandbox.url, await form({ grant_type: 'password' }))).toMatchObject({ status: 400 });
		expect(await tokenRequest(sandbox.url, await form({ scope: 'x' }))).toEqual({
			status: 422,
			body: { statusCode: 422, message: ['property scope should not exist'], error: 'Unprocessable Entity' },
		});
		const json = await call(sandbox, 'POST', '/oauth/token', { token: null, version: null, body: await form({}) });
		expect(json).toMatchObject(badRequest('Content-Type must be application/x-www-form-urlencoded'));
	});

	it('takes the token it issued on the group routes, for its own location only', async () => {
		const { access_token: token } = await connect(sandbox.url, subAccountApp());
		expect((await call(sandbox, 'POST', '/calendars/groups', { token, body: groupBody() })).status).toBe(201);
		expect((await listGroups(token)).body.groups).toHaveLength(1);
		expect(await listGroups(token, OTHER_LOCATION)).toMatchObject({ status: 403 });
	});

	it('refuses a Company token on the group routes with the IAM 401', async () => {
		const { access_token: token } = await connect(sandbox.url, agencyApp());
		const authClass = unauthorized('This authClass type is not allowed to access this scope. Please reach out to the Platform team to get it added.');
		expect(await listGroups(token)).toMatchObject(authClass);
		expect(await call(sandbox, 'POST', '/calendars/groups', { token, body: groupBody() })).toMatchObject(authClass);
		expect(sandbox.state().locations[LOCATION]).toEqual([]);
	});

	it('refreshes once per refresh token: a reused one is refused and counted', async () => {
		const app = subAccountApp();
		const first = await connect(sandbox.url, app);
		const second = await refresh(sandbox.url, app, first.refresh_token);
		expect(second.status).toBe(200);
		expect(validateResponse(TOKEN_OP, 200, second.body)).toEqual([]);
		expect(second.body).toMatchObject({ userType: 'Location', locationId: LOCATION, userId: first.userId });
		expect(second.body.access_token).not.toBe(first.access_token);
		expect(second.body.refresh_token).not.toBe(first.refresh_token);

		expect(await refresh(sandbox.url, app, first.refresh_token)).toEqual(INVALID_REFRESH);
		expect(await refresh(sandbox.url, agencyApp(), second.body.refresh_token)).toEqual(INVALID_REFRESH);
		// without reuse detection the newer tokens keep working, and so does the older access token until it expires
		expect((await listGroups(second.body.access_token)).status).toBe(200);
		expect((await listGroups(first.access_token)).status).toBe(200);
		expect((await refresh(sandbox.url, app, second.body.refresh_token)).status).toBe(200);
		expect(sandbox.state().oauth).toEqual({ codeExchanges: 1, refreshes: 2, refusedRefreshReuses: 1, mints: 0, mintsByLocation: {} });
	});

	it('revokes the newer tokens on reuse when told to', async () => {
		await start({ oauth: { revokeOnRefreshReuse: true } });
		const app = subAccountApp();
		const first = await connect(sandbox.url, app);
		const second = (await refresh(sandbox.url, app, first.refresh_token)).body;
		expect(await refresh(sandbox.url, app, first.refresh_token)).toEqual(INVALID_REFRESH);
		expect(await listGroups(second.access_token)).toMatchObject(unauthorized('Invalid token: access token is invalid'));
		expect(await refresh(sandbox.url, app, second.refresh_token)).toEqual(INVALID_REFRESH);
		expect(sandbox.state().oauth).toMatchObject({ refreshes: 1, refusedRefreshReuses: 1 });
		// a new connection is a new chain
		expect((await listGroups((await connect(sandbox.url, app)).access_token)).status).toBe(200);
		await start();
	});

	it('expires access tokens after the configured lifetime; a refresh brings a working one', async () => {
		let now = Date.now();
		await start({ oauth: { accessTokenLifetimeSeconds: 5 }, clock: () => now });
		const app = subAccountApp();
		const first = await connect(sandbox.url, app);
		expect(first.expires_in).toBe(5);
		now += 4999;
		expect((await listGroups(first.access_token)).status).toBe(200);
		now += 1;
		expect(await listGroups(first.access_token)).toMatchObject(unauthorized('Invalid token: access token is invalid'));
		const next = (await refresh(sandbox.url, app, first.refresh_token)).body;
		expect((await listGroups(next.access_token)).status).toBe(200);
		await start();
	});

	it('expires minted location tokens and codes too', async () => {
		let now = Date.now();
		await start({ oauth: { accessTokenLifetimeSeconds: 60 }, clock: () => now });
		const agency = await connect(sandbox.url, agencyApp());
		const minted = await call(sandbox, 'POST', '/oauth/locationToken', { token: agency.access_token, version: '2021-07-28', form: { companyId: DEFAULT_COMPANY, locationId: LOCATION } });
		expect(minted.body.expires_in).toBe(60);
		const code = (await approve(authorizeUrl(sandbox.url, subAccountApp()))).searchParams.get('code')!;
		now += 60_000;
		expect(await listGroups(minted.body.access_token)).toMatchObject(unauthorized('Invalid token: access token is invalid'));
		expect(await exchangeCode(sandbox.url, subAccountApp(), code)).toMatchObject({ status: 200 });
		now += 10 * 60_000;
		const stale = (await approve(authorizeUrl(sandbox.url, subAccountApp()))).searchParams.get('code')!;
		now += 10 * 60_000;
		expect(await exchangeCode(sandbox.url, subAccountApp(), stale)).toEqual(badRequest('Invalid grant: authorization code is invalid'));
		await start();
	});

	it('refuses the v3 token request it does not simulate', async () => {
		const v3 = await call(sandbox, 'POST', '/oauth/token', { token: null, version: 'v3', form: { clientId: 'a', clientSecret: 'b', grantType: 'refresh_token', refreshToken: 'r' } });
		expect(v3).toMatchObject(badRequest('The sandbox simulates /oauth/token as the 2021-07-28 spec has it: no Version header (v3 is not simulated)'));
	});

	it('picks the install from the configuration when the query does not', async () => {
		await start({ oauth: { install: { locationId: THIRD_LOCATION, locationIds: [LOCATION], installToFutureLocations: false } } });
		expect(await connect(sandbox.url, subAccountApp())).toMatchObject({ locationId: THIRD_LOCATION });
		expect(await connect(sandbox.url, agencyApp())).toMatchObject({ approvedLocations: [LOCATION], installToFutureLocations: false });
		expect(await connect(sandbox.url, agencyApp(), { sandbox_future: 'true' })).toMatchObject({ installToFutureLocations: true });
		await start();
	});

	it('asks the admin on a page when set to ask, and approves what the form sends back', async () => {
		await start({ oauth: { install: { ask: true } } });
		const url = authorizeUrl(sandbox.url, agencyApp(), {}, 'st-1');
		const page = await fetch(url, { redirect: 'manual' });
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toMatch(/^text\/html/);
		const html = await page.text();
		expect(html).toContain('All sub-accounts');
		expect(html).toContain('Future sub-accounts too');
		expect(html).toContain(THIRD_LOCATION);
		expect(html).toContain('name="state" value="st-1"');
		expect(sandbox.state().agency.installs).toEqual([]);
		const choice = { sandbox_approve: '1', sandbox_locations: 'all', sandbox_future: 'true' };
		expect(await connect(sandbox.url, agencyApp(), choice)).toMatchObject({ approveAllLocations: true, installToFutureLocations: true });
		expect(await connect(sandbox.url, subAccountApp(), { sandbox_approve: '1', sandbox_location: THIRD_LOCATION })).toMatchObject({ locationId: THIRD_LOCATION });
		await start();
	});

	it('reads the page\'s ticked Future box as a browser submits it: after its hidden "false" twin', async () => {
		await start({ oauth: { install: { ask: true } } });
		for (const [sent, future] of [[['false'], false], [['false', 'true'], true]] as const) {
			const url = new URL(authorizeUrl(sandbox.url, agencyApp(), { sandbox_approve: '1', sandbox_locations: 'all' }, 'st-2'));
			for (const value of sent) url.searchParams.append('sandbox_future', value);
			expect((await fetch(url, { redirect: 'manual' })).status).toBe(302);
			expect(sandbox.state().agency.installs.at(-1)).toMatchObject({ userType: 'Company', installToFutureLocations: future });
		}
		await start();
	});

	it('keeps codes, tokens and client secrets out of the log and the state', async () => {
		const app = subAccountApp();
		const first = await connect(sandbox.url, app);
		const second = (await refresh(sandbox.url, app, first.refresh_token)).body;
		await refresh(sandbox.url, app, first.refresh_token);
		await tokenRequest(sandbox.url, { client_id: app.clientId, client_secret: app.clientSecret, grant_type: 'refresh_token', refresh_token: 'made-up-refresh-value' });
		await listGroups(second.access_token);
		const agency = await connect(sandbox.url, agencyApp());
		await listGroups(agency.access_token);

		const state = await (await fetch(`${sandbox.url}/__sandbox/state`)).text();
		const everything = [JSON.stringify(sandbox.requests()), JSON.stringify(sandbox.state()), state];
		const secrets = [first.access_token, first.refresh_token, second.access_token, second.refresh_token, agency.access_token, agency.refresh_token, app.clientSecret, agencyApp().clientSecret];
		expect(sandbox.issuedSecrets()).toEqual(expect.arrayContaining(secrets));
		secrets.push('made-up-refresh-value');
		for (const secret of secrets) for (const text of everything) expect(text).not.toContain(secret);
		const tokenCalls = sandbox.requests().filter((r) => r.path === '/oauth/token');
		expect(tokenCalls[0].body).toEqual(expect.objectContaining({ client_secret: '[REDACTED]', code: '[REDACTED]', grant_type: 'authorization_code' }));
	});
});
