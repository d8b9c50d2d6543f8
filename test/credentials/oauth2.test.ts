import { HighLevelCalendarsOAuth2Api } from '../../credentials/HighLevelCalendarsOAuth2Api.credentials';
import { validateRequest } from '../../tools/contract/openapi';
import { resolveCredentialData, resolveCredentialTestRequest } from '../../tools/engine/credentialData';
import { runWorkflow } from '../../tools/engine/runWorkflow';
import { startScriptedServer } from '../../tools/engine/scriptedServer';
import { NODE_NAME, singleNodeWorkflow } from '../../tools/engine/workflows';
import { fakeToken } from '../../tools/fakeToken';

const credential = new HighLevelCalendarsOAuth2Api();
const property = (name: string) => credential.properties.find((p) => p.name === name);
const WHITE_LABEL = 'https://marketplace.leadconnectorhq.com/v2/oauth/chooselocation';

describe('OAuth2 credential', () => {
	test("extends n8n's oAuth2Api with HighLevel's endpoints, both scopes and user_type Location", async () => {
		expect(credential.extends).toEqual(['oAuth2Api']);
		expect(credential.name).toBe('highLevelCalendarsOAuth2Api');
		expect(property('grantType')?.default).toBe('authorizationCode');
		expect(property('marketplace')?.options).toEqual([
			expect.objectContaining({ value: 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation' }),
			expect.objectContaining({ value: WHITE_LABEL }),
		]);
		expect(await resolveCredentialData(credential, {})).toMatchObject({
			authUrl: 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation',
			accessTokenUrl: 'https://services.leadconnectorhq.com/oauth/token',
			scope: 'calendars/groups.readonly calendars/groups.write calendars.readonly calendars.write calendars/events.readonly calendars/events.write calendars/resources.readonly calendars/resources.write',
			authentication: 'body',
			additionalBodyProperties: '{"user_type":"Location"}',
		});
	});

	test.each([
		['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
		['http://localhost:9000/', 'http://localhost:9000'],
		['http://[::1]:8787', 'http://[::1]:8787'],
	])('its authorize and token URLs follow a test server Base URL (%s)', async (baseUrl, root) => {
		expect(await resolveCredentialData(credential, { baseUrl, marketplace: WHITE_LABEL })).toMatchObject({
			authUrl: `${root}/oauth/chooselocation`,
			accessTokenUrl: `${root}/oauth/token`,
		});
	});

	test.each(['https://services.leadconnectorhq.com', 'https://proxy.example.com', 'http://192.168.1.10:8787', 'http://localhost.example.com'])(
		"keeps HighLevel's URLs for any other Base URL (%s)",
		async (baseUrl) => {
			expect(await resolveCredentialData(credential, { baseUrl, marketplace: WHITE_LABEL })).toMatchObject({
				authUrl: WHITE_LABEL,
				accessTokenUrl: 'https://services.leadconnectorhq.com/oauth/token',
			});
		},
	);

	test("its test request lists the groups of the token's location at the Base URL, as the contract allows", async () => {
		const oauthTokenData = { access_token: 'x', locationId: 'loc' };
		const request = await resolveCredentialTestRequest(credential, { baseUrl: 'http://127.0.0.1:8787/', oauthTokenData });
		expect(request).toMatchObject({ baseURL: 'http://127.0.0.1:8787', method: 'GET', url: '/calendars/groups', qs: { locationId: 'loc' } });
		const headers = { authorization: 'Bearer x', ...Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)])) };
		expect(validateRequest({ method: 'GET', path: '/calendars/groups', query: { locationId: 'loc' }, headers }).errors).toEqual([]);
		expect((await resolveCredentialTestRequest(credential, { oauthTokenData })).baseURL).toBe('https://services.leadconnectorhq.com');
		// never plain http to another host: the token would travel in clear text
		expect((await resolveCredentialTestRequest(credential, { baseUrl: 'http://192.168.1.10:8787', oauthTokenData })).baseURL).toBe('https://base-url-must-be-https.invalid');
	});

	test("the node sends the OAuth2 access token and uses the token's location", async () => {
		const server = await startScriptedServer(() => ({ status: 200, body: { groups: [] } }));
		const accessToken = fakeToken('oauth-access');
		const workflow = singleNodeWorkflow({ authentication: 'oAuth2', operation: 'getAll', returnAll: true });
		const run = await runWorkflow(workflow, {
			highLevelCalendarsOAuth2Api: {
				grantType: 'authorizationCode',
				baseUrl: server.url,
				oauthTokenData: { access_token: accessToken, token_type: 'Bearer', locationId: 'oauthLocation0000001' },
			},
		});
		await server.close();
		expect(run.error(NODE_NAME)).toBeUndefined();
		expect(server.requests).toHaveLength(1);
		expect(server.requests[0].headers.authorization).toBe(`Bearer ${accessToken}`);
		expect(server.requests[0].query).toEqual({ locationId: 'oauthLocation0000001' });
	});
});
