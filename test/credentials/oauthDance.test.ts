import { HighLevelCalendarsAgencyOAuth2Api } from '../../credentials/HighLevelCalendarsAgencyOAuth2Api.credentials';
import { HighLevelCalendarsOAuth2Api } from '../../credentials/HighLevelCalendarsOAuth2Api.credentials';
import { validateRequest } from '../../tools/contract/openapi';
import { runOAuth2CredentialTest } from '../../tools/engine/credentialTestRun';
import { type ClientOAuth2TokenData, N8N_CALLBACK_URL, startDance } from '../../tools/engine/oauth2Dance';
import { runWorkflow } from '../../tools/engine/runWorkflow';
import { NODE_NAME, singleNodeWorkflow } from '../../tools/engine/workflows';
import { DEFAULT_COMPANY } from '../../tools/sandbox/agency';
import { approve } from '../../tools/sandbox/oauth-client';
import { Sandbox, startSandbox } from '../../tools/sandbox/server';

const SUB_ACCOUNT = new HighLevelCalendarsOAuth2Api();
const AGENCY = new HighLevelCalendarsAgencyOAuth2Api();

describe("the OAuth2 dance as n8n runs it (n8n's OAuth2 client), against the sandbox", () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	const credentialData = (distribution: 'Location' | 'Company') => {
		const app = sandbox.app(distribution);
		return { clientId: app.clientId, clientSecret: app.clientSecret, baseUrl: sandbox.url };
	};

	async function connect(type: typeof SUB_ACCOUNT, distribution: 'Location' | 'Company', picks: Record<string, string> = {}): Promise<ClientOAuth2TokenData> {
		const data = credentialData(distribution);
		const dance = await startDance(type, data);
		const authorize = new URL(dance.authorizeUrl);
		expect(`${authorize.origin}${authorize.pathname}`).toBe(`${sandbox.url}/oauth/chooselocation`);
		for (const [name, value] of Object.entries(picks)) authorize.searchParams.set(name, value);
		const redirectedTo = await approve(authorize.href);
		expect(`${redirectedTo.origin}${redirectedTo.pathname}`).toBe(N8N_CALLBACK_URL);
		return (await dance.callback(redirectedTo.href)).data;
	}

	it('connects the sub-account credential, which then lists groups and passes its credential test', async () => {
		const tokenData = await connect(SUB_ACCOUNT, 'Location');
		expect(tokenData).toMatchObject({ userType: 'Location', locationId: 'sandboxLocation0001', companyId: DEFAULT_COMPANY, token_type: 'Bearer' });
		const exchange = sandbox.requests().find((r) => r.path === '/oauth/token')!;
		expect(exchange.body).toEqual({ code: '[REDACTED]', grant_type: 'authorization_code', redirect_uri: N8N_CALLBACK_URL, user_type: 'Location', client_id: sandbox.app('Location').clientId, client_secret: '[REDACTED]' });
		expect(validateRequest({ ...exchange, body: { ...(exchange.body as object), code: 'c', client_secret: 's' } }).errors).toEqual([]);

		const credentials = { ...credentialData('Location'), oauthTokenData: tokenData };
		expect(await runOAuth2CredentialTest(SUB_ACCOUNT, credentials)).toEqual({ status: 'OK', message: 'Connection successful!' });
		const run = await runWorkflow(singleNodeWorkflow({ authentication: 'oAuth2', operation: 'getAll', returnAll: true }), {
			highLevelCalendarsOAuth2Api: { grantType: 'authorizationCode', ...credentials },
		});
		expect(run.error(NODE_NAME)).toBeUndefined();
		expect(sandbox.requests().filter((r) => r.path === '/calendars/groups').map((r) => r.status)).toEqual([200, 200]);
	});

	it("refreshes with n8n-core's client: a new pair once, the reused refresh token refused", async () => {
		const tokenData = await connect(SUB_ACCOUNT, 'Location');
		const dance = await startDance(SUB_ACCOUNT, credentialData('Location'));
		const refreshed = (await dance.refresh(tokenData)).data;
		expect(refreshed.access_token).not.toBe(tokenData.access_token);
		expect(refreshed).toMatchObject({ userType: 'Location', locationId: 'sandboxLocation0001' });
		await expect(dance.refresh(tokenData)).rejects.toThrow();
		expect(sandbox.state().oauth).toMatchObject({ codeExchanges: 1, refreshes: 1, refusedRefreshReuses: 1 });
	});

	it('connects the agency credential: a Company token whose credential test passes', async () => {
		const tokenData = await connect(AGENCY, 'Company');
		expect(tokenData).toMatchObject({ userType: 'Company', companyId: DEFAULT_COMPANY, approveAllLocations: true, installToFutureLocations: true });
		expect(tokenData.scope?.split(' ')).toEqual(expect.arrayContaining(['oauth.write', 'oauth.readonly', 'locations.readonly']));
		const exchange = sandbox.requests().find((r) => r.path === '/oauth/token')!;
		expect(exchange.body).toMatchObject({ user_type: 'Company' });

		expect(await runOAuth2CredentialTest(AGENCY, { ...credentialData('Company'), oauthTokenData: tokenData })).toEqual({ status: 'OK', message: 'Connection successful!' });
		const probe = sandbox.requests().find((r) => r.path === '/oauth/locationToken')!;
		expect(probe).toMatchObject({ status: 400, headers: { version: '2021-07-28' } });
		expect(validateRequest({ ...probe, headers: { ...probe.headers, authorization: 'Bearer x' } }).errors).toEqual([]);
		expect(sandbox.state().oauth.mints).toBe(0);
	});

	it("fails the agency credential's test with the cause: a sub-account token, a token without oauth.write, a revoked one", async () => {
		const subAccountToken = await connect(SUB_ACCOUNT, 'Location');
		expect(await runOAuth2CredentialTest(AGENCY, { ...credentialData('Company'), oauthTokenData: subAccountToken })).toEqual({
			status: 'Error',
			message: `This is a sub-account (Location) token: the agency credential needs an app with Target User "Sub-account" that the agency installs to its sub-accounts (bulk installation), connected as the agency (Company token)`,
		});
		const agency = await connect(AGENCY, 'Company');
		const dance = await startDance(AGENCY, credentialData('Company'));
		const withoutWrite = new URL(dance.authorizeUrl);
		withoutWrite.searchParams.set('scope', 'calendars/groups.readonly calendars/groups.write oauth.readonly');
		const narrow = (await dance.callback((await approve(withoutWrite.href)).href)).data;
		expect(await runOAuth2CredentialTest(AGENCY, { ...credentialData('Company'), oauthTokenData: narrow })).toEqual({
			status: 'Error',
			message: 'The agency token lacks the scope oauth.write, which minting location tokens needs: add it to the app and reconnect',
		});
		expect(await runOAuth2CredentialTest(AGENCY, { ...credentialData('Company'), oauthTokenData: { ...agency, access_token: 'oauth-access-revoked' } })).toEqual({
			status: 'Error',
			message: `HighLevel refused the token (401): connect an app with Target User "Sub-account" that the agency installs to its sub-accounts (bulk installation), with the scope oauth.write`,
		});
	});

	it("fails the sub-account credential's test for a Company token", async () => {
		const agency = await connect(AGENCY, 'Company');
		const result = await runOAuth2CredentialTest(SUB_ACCOUNT, { ...credentialData('Location'), oauthTokenData: agency });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^HighLevel refused the token \(401/);
	});
});
