import { HighLevelCalendarsOAuth2Api } from '../../credentials/HighLevelCalendarsOAuth2Api.credentials';
import { validateRequest } from '../../tools/contract/openapi';
import { runWorkflow } from '../../tools/engine/runWorkflow';
import { startScriptedServer } from '../../tools/engine/scriptedServer';
import { NODE_NAME, singleNodeWorkflow } from '../../tools/engine/workflows';
import { fakeToken } from '../../tools/fakeToken';

const credential = new HighLevelCalendarsOAuth2Api();
const property = (name: string) => credential.properties.find((p) => p.name === name);

describe('OAuth2 credential', () => {
	test('extends n8n\'s oAuth2Api with HighLevel\'s endpoints and both scopes', () => {
		expect(credential.extends).toEqual(['oAuth2Api']);
		expect(credential.name).toBe('highLevelCalendarsOAuth2Api');
		expect(property('grantType')?.default).toBe('authorizationCode');
		expect(property('accessTokenUrl')?.default).toBe('https://services.leadconnectorhq.com/oauth/token');
		expect(property('scope')?.default).toBe('calendars/groups.readonly calendars/groups.write');
		expect(property('authUrl')?.options).toEqual([
			expect.objectContaining({ value: 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation' }),
			expect.objectContaining({ value: 'https://marketplace.leadconnectorhq.com/v2/oauth/chooselocation' }),
		]);
	});

	test('its test request lists the groups of the token\'s location', () => {
		const { request } = credential.test;
		expect(request).toMatchObject({ method: 'GET', url: '/calendars/groups', qs: { locationId: '={{ $credentials.oauthTokenData.locationId }}' } });
		const headers = { authorization: 'Bearer x', ...Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)])) };
		expect(validateRequest({ method: 'GET', path: '/calendars/groups', query: { locationId: 'loc' }, headers }).errors).toEqual([]);
	});

	test('the node sends the OAuth2 access token and uses the token\'s location', async () => {
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
