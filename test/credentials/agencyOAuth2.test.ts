import { OPERATION_SCOPES } from '../package/scopeTable';
import { HighLevelCalendarsAgencyOAuth2Api } from '../../credentials/HighLevelCalendarsAgencyOAuth2Api.credentials';
import packageJson from '../../package.json';
import { resolveCredentialData, resolveCredentialTestRequest } from '../../tools/engine/credentialData';

const credential = new HighLevelCalendarsAgencyOAuth2Api();

describe('agency OAuth2 credential', () => {
	test("is an OAuth2 credential of its own name, apart from n8n's built-in HighLevel ones, registered in package.json", () => {
		expect(credential.extends).toEqual(['oAuth2Api']);
		expect(credential.name).toBe('highLevelCalendarsAgencyOAuth2Api');
		expect(['highLevelApi', 'highLevelOAuth2Api']).not.toContain(credential.name);
		expect(credential.displayName).toBe('HighLevel Calendars Agency OAuth2 API');
		expect(credential.documentationUrl).toMatch(/^https:\/\//);
		expect(packageJson.n8n.credentials).toContain('dist/credentials/HighLevelCalendarsAgencyOAuth2Api.credentials.js');
	});

	test('asks for the group scopes, minting, installed locations and the sub-account list, as a Company', async () => {
		const data = await resolveCredentialData(credential, {});
		expect(String(data.scope).split(' ')).toEqual([...OPERATION_SCOPES, 'oauth.readonly', 'oauth.write', 'locations.readonly']);
		expect(data).toMatchObject({
			grantType: 'authorizationCode',
			authUrl: 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation',
			accessTokenUrl: 'https://services.leadconnectorhq.com/oauth/token',
			additionalBodyProperties: '{"user_type":"Company"}',
		});
		expect(await resolveCredentialData(credential, { baseUrl: 'http://127.0.0.1:8787' })).toMatchObject({
			authUrl: 'http://127.0.0.1:8787/oauth/chooselocation',
			accessTokenUrl: 'http://127.0.0.1:8787/oauth/token',
		});
	});

	test("its test asks HighLevel for a location token of a sub-account that does not exist, in the token's company", async () => {
		const request = await resolveCredentialTestRequest(credential, { oauthTokenData: { access_token: 'x', companyId: 'agency1' } });
		expect(request).toMatchObject({
			baseURL: 'https://services.leadconnectorhq.com',
			url: '/oauth/locationToken',
			method: 'POST',
			headers: { Version: '2021-07-28', 'Content-Type': 'application/x-www-form-urlencoded' },
			body: { companyId: 'agency1', locationId: 'n8n-credential-test' },
			ignoreHttpStatusErrors: true,
		});
	});
});
