import { RecordedRequest, requiredScope, routeRequest, securityOf, validateRequest, validateResponse } from '../../tools/contract/openapi';

const FORM = 'application/x-www-form-urlencoded';

function request(overrides: Partial<RecordedRequest>): RecordedRequest {
	return { method: 'GET', path: '/', query: {}, ...overrides, headers: { accept: 'application/json', ...overrides.headers } };
}

const tokenForm = { client_id: 'app-client', client_secret: 'app-secret', grant_type: 'authorization_code', code: 'c0de', user_type: 'Location', redirect_uri: 'http://127.0.0.1/cb' };
const tokenRequest = (body: unknown, headers: Record<string, string> = { 'content-type': FORM }) =>
	request({ method: 'POST', path: '/oauth/token', body, headers });
const agency = { authorization: 'Bearer agency-token', version: '2021-07-28' };

describe('contract: OAuth and locations routes', () => {
	it('routes each path to its file by the Version header', () => {
		expect(routeRequest('POST', '/oauth/token', undefined)).toMatchObject({ operationId: 'get-access-token', version: '2021-07-28' });
		expect(routeRequest('POST', '/oauth/token', 'v3')).toMatchObject({ version: 'v3' });
		expect(routeRequest('POST', '/oauth/locationToken', '2021-07-28')).toMatchObject({ operationId: 'get-location-access-token' });
		expect(routeRequest('POST', '/oauth/location-token', 'v3')).toMatchObject({ version: 'v3' });
		expect(routeRequest('GET', '/oauth/installedLocations', '2021-07-28')).toMatchObject({ operationId: 'get-installed-location' });
		expect(routeRequest('GET', '/oauth/installed-locations', 'v3')).toMatchObject({ version: 'v3' });
		expect(routeRequest('GET', '/locations/search', '2021-07-28')).toMatchObject({ operationId: 'search-locations' });
		// only /locations/search of the locations file is covered
		expect(routeRequest('GET', '/locations/abc', '2021-07-28')).toBeUndefined();
	});

	it('accepts a form-encoded token request, parsed or as text, with no Authorization or Version header', () => {
		expect(validateRequest(tokenRequest(tokenForm)).errors).toEqual([]);
		expect(validateRequest(tokenRequest(new URLSearchParams(tokenForm).toString())).errors).toEqual([]);
		const refresh = { client_id: 'a', client_secret: 'b', grant_type: 'refresh_token', refresh_token: 'r', user_type: 'Company' };
		expect(validateRequest(tokenRequest(refresh)).errors).toEqual([]);
	});

	it('refuses a JSON token request, unknown fields and values outside the enums', () => {
		expect(validateRequest(tokenRequest(tokenForm, { 'content-type': 'application/json' })).errors).toEqual([
			'content-type must be application/x-www-form-urlencoded when a body is sent (got "application/json")',
		]);
		expect(validateRequest(tokenRequest({ ...tokenForm, scope: 'x' })).errors).toEqual(['body: undocumented property "scope" is not allowed']);
		expect(validateRequest(tokenRequest({ ...tokenForm, grant_type: 'password' })).errors).toEqual([expect.stringMatching(/^body\.grant_type: /)]);
		const noSecret: Record<string, string> = { ...tokenForm };
		delete noSecret.client_secret;
		expect(validateRequest(tokenRequest(noSecret)).errors).toEqual(['body: missing required property "client_secret"']);
		expect(validateRequest(tokenRequest(undefined)).errors).toEqual(['request body is required']);
	});

	it('takes v3 token requests in camelCase, form or JSON', () => {
		const v3 = { clientId: 'a', clientSecret: 'b', grantType: 'refresh_token', refreshToken: 'r' };
		expect(validateRequest(tokenRequest(v3, { 'content-type': 'application/json', version: 'v3' })).errors).toEqual([]);
		expect(validateRequest(tokenRequest(v3, { 'content-type': FORM, version: 'v3' })).errors).toEqual([]);
		expect(validateRequest(tokenRequest(tokenForm, { 'content-type': FORM, version: 'v3' })).errors).toContain('body: undocumented property "client_id" is not allowed');
	});

	it('checks the location-token request: agency bearer, Version 2021-07-28, form body companyId and locationId', () => {
		const mint = (headers: Record<string, string>, body: unknown = { companyId: 'co', locationId: 'loc' }) =>
			validateRequest(request({ method: 'POST', path: '/oauth/locationToken', headers: { 'content-type': FORM, ...headers }, body })).errors;
		expect(mint(agency)).toEqual([]);
		expect(mint({ ...agency, version: '2021-04-15' })).toEqual(['Version header "2021-04-15" is not one of 2021-07-28']);
		expect(mint({ version: '2021-07-28' })).toEqual(['Authorization header must be "Bearer <token>"']);
		expect(mint(agency, { companyId: 'co' })).toEqual(['body: missing required property "locationId"']);
		expect(mint({ ...agency, 'content-type': 'application/json' })).toEqual([expect.stringContaining('content-type must be application/x-www-form-urlencoded')]);
	});

	it('types query values as the spec does (booleans, numbers) and requires companyId and appId', () => {
		const installed = (query: Record<string, string>, path = '/oauth/installedLocations', version = '2021-07-28') =>
			validateRequest(request({ path, query, headers: { ...agency, version } })).errors;
		expect(installed({ companyId: 'co', appId: 'app', isInstalled: 'true', limit: '10', skip: '0' })).toEqual([]);
		expect(installed({ companyId: 'co', appId: 'app', isInstalled: 'yes' })).toEqual(['query parameter "isInstalled" does not match its schema']);
		expect(installed({ companyId: 'co' })).toEqual(['missing required query parameter "appId"']);
		expect(installed({ companyId: 'co', appId: 'app', pageSize: '20' }, '/oauth/installed-locations', 'v3')).toEqual([]);
		expect(installed({ companyId: 'co', appId: 'app', pageSize: 'many' }, '/oauth/installed-locations', 'v3')).toEqual(['query parameter "pageSize" does not match its schema']);
		expect(validateRequest(request({ path: '/locations/search', query: { companyId: 'co', limit: '10' }, headers: agency })).errors).toEqual([]);
	});

	it('reads the scopes and the token kinds from the security blocks', () => {
		expect(requiredScope('get-location-access-token')).toBe('oauth.write');
		expect(requiredScope('get-installed-location')).toBe('oauth.readonly');
		expect(requiredScope('search-locations')).toBe('locations.readonly');
		expect(securityOf('get-location-access-token')).toEqual([{ scheme: 'Agency-Access-Only', scopes: ['oauth.write'] }]);
		expect(securityOf('get-access-token')).toEqual([]);
	});

	it('validates the answers: token, location token, installed locations, location search', () => {
		const v2 = (operationId: string) => ({ operationId, version: '2021-07-28' as const });
		const token = { access_token: 'a', token_type: 'Bearer', expires_in: 86399, refresh_token: 'r', scope: 's', userType: 'Location', companyId: 'co', locationId: 'loc', userId: 'u' };
		expect(validateResponse(v2('get-access-token'), 200, token)).toEqual([]);
		expect(validateResponse(v2('get-access-token'), 200, { ...token, userId: undefined })).toEqual([expect.stringContaining("'userId'")]);
		expect(validateResponse(v2('get-access-token'), 200, { ...token, approvedLocations: 'loc' })).toEqual(['body.approvedLocations: must be array']);
		expect(validateResponse(v2('get-location-access-token'), 200, { access_token: 'a', expires_in: 86399, locationId: 'l', userId: 'u' })).toEqual([]);
		expect(validateResponse(v2('get-installed-location'), 200, { locations: [{ _id: 'l', name: 'n', address: '' }], count: 1 })).toEqual([]);
		expect(validateResponse(v2('get-installed-location'), 200, { locations: [{ _id: 'l' }] })).toEqual([expect.stringContaining("'name'"), expect.stringContaining("'address'")]);
		expect(validateResponse(v2('search-locations'), 200, { locations: [{ id: 'l', name: 'n' }] })).toEqual([]);
		expect(validateResponse(v2('get-location-access-token'), 401, { statusCode: 401, message: 'm', error: 'Unauthorized' })).toEqual([]);
		expect(validateResponse(v2('get-location-access-token'), 400, { statusCode: 400, message: ['m'] })).toEqual(['body.message: must be string']);
		expect(validateResponse(v2('get-location-access-token'), 403, { statusCode: 403, message: 'm', error: 'Forbidden' })).toEqual([]);
		expect(validateResponse({ operationId: 'get-installed-location', version: 'v3' }, 200, { items: [], pagination: { hasNextPage: false, hasPrevPage: false, currentPageSize: 0 } })).toEqual([]);
	});
});
