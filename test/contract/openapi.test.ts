import { ApiVersion, RecordedRequest, matchOperation, requiredScope, validateRequest, validateResponse } from '../../tools/contract/openapi';

const VERSIONS: ApiVersion[] = ['2021-04-15', 'v3'];
const GROUP = { id: 'ocQHyuzHvysMo5N5VsXc', locationId: 've9EPM428h8vShlRW1KT', name: 'group a', description: 'd', slug: '15-mins', isActive: true };

function request(version: string, overrides: Partial<RecordedRequest>): RecordedRequest {
	const headers: Record<string, string> = { authorization: 'Bearer pit-abc', version, accept: 'application/json' };
	if (overrides.body !== undefined) headers['content-type'] = 'application/json';
	return { method: 'GET', path: '/calendars/groups', query: {}, ...overrides, headers: { ...headers, ...overrides.headers } };
}

/** One valid request per operation. */
/** The headers without one of them. */
const without = (headers: Record<string, string>, name: string) => Object.fromEntries(Object.entries(headers).filter(([key]) => key !== name));

const VALID: Array<[string, Partial<RecordedRequest>]> = [
	['get-groups', { method: 'GET', path: '/calendars/groups', query: { locationId: 'loc1' } }],
	['create-calendar-group', { method: 'POST', path: '/calendars/groups', body: { locationId: 'loc1', name: 'n', description: 'd', slug: 's', isActive: false } }],
	['validate-groups-slug', { method: 'POST', path: '/calendars/groups/validate-slug', body: { locationId: 'loc1', slug: 's' } }],
	['edit-group', { method: 'PUT', path: '/calendars/groups/g1', body: { name: 'n', description: 'd', slug: 's' } }],
	['delete-group', { method: 'DELETE', path: '/calendars/groups/g1' }],
	['disable-group', { method: 'PUT', path: '/calendars/groups/g1/status', body: { isActive: false } }],
];

describe.each(VERSIONS)('contract, Version %s', (version) => {
	describe('matchOperation', () => {
		it.each([
			['GET', '/calendars/groups', 'get-groups', {}],
			['POST', '/calendars/groups', 'create-calendar-group', {}],
			['POST', '/calendars/groups/validate-slug', 'validate-groups-slug', {}],
			['PUT', '/calendars/groups/abc', 'edit-group', { groupId: 'abc' }],
			['DELETE', '/calendars/groups/abc', 'delete-group', { groupId: 'abc' }],
			['PUT', '/calendars/groups/abc/status', 'disable-group', { groupId: 'abc' }],
			['put', '/calendars/groups/a%2Fb%20c/status', 'disable-group', { groupId: 'a/b c' }],
		])('%s %s is %s', (method, path, operationId, pathParams) => {
			expect(matchOperation(method, path, version)).toEqual({
				operationId,
				pathParams,
				version,
				method: method.toUpperCase(),
				pathTemplate: expect.stringMatching(/^\/calendars\/groups/),
			});
		});

		it.each([
			['GET', '/calendars/groups/'],
			['GET', '/Calendars/groups'],
			['POST', '/calendars/Groups'],
			['GET', '/calendar-groups'],
			['GET', '/calendars/groups/abc'],
			['POST', '/calendars/groups/abc'],
			['PATCH', '/calendars/groups/abc'],
			['PUT', '/calendars/groups//status'],
			['PUT', '/calendars/groups/a b'],
			['PUT', '/calendars/groups/a?b'],
			['PUT', '/calendars/groups/a#b'],
			['PUT', '/calendars/groups/%zz'],
			['PUT', '/calendars/groups/..'],
			['PUT', '/calendars/groups/%2E%2E'],
			['PUT', '/calendars/groups/.'],
			['DELETE', '/calendars/groups/a/b'],
			['GET', '/calendars/groups?locationId=x'],
		])('%s %s is no group operation', (method, path) => {
			expect(matchOperation(method, path, version)).toBeUndefined();
		});
	});

	describe('validateRequest', () => {
		it.each(VALID)('accepts a valid %s request', (operationId, overrides) => {
			const result = validateRequest(request(version, overrides));
			expect(result.errors).toEqual([]);
			expect(result.operation).toMatchObject({ operationId, version });
		});

		it('rejects an unknown or unencoded route', () => {
			for (const path of ['/calendar/group', '/calendars/groups/a b', '/calendars/groups/%E0%A4%A']) {
				const { operation, errors } = validateRequest(request(version, { method: 'PUT', path, body: { name: 'n', description: 'd', slug: 's' } }));
				expect(operation).toBeUndefined();
				expect(errors).toEqual([expect.stringContaining('unknown route')]);
			}
		});

		it('rejects undocumented body fields, also where another operation documents them', () => {
			const create = validateRequest(request(version, { method: 'POST', path: '/calendars/groups', body: { locationId: 'l', name: 'n', description: 'd', slug: 's', calendarIds: [] } }));
			expect(create.errors).toEqual([expect.stringContaining('"calendarIds"')]);
			const update = validateRequest(request(version, { method: 'PUT', path: '/calendars/groups/g1', body: { name: 'n', description: 'd', slug: 's', isActive: true, locationId: 'l' } }));
			expect(update.errors).toHaveLength(2);
			expect(update.errors.join('\n')).toMatch(/"isActive"[\s\S]*"locationId"|"locationId"[\s\S]*"isActive"/);
		});

		it('rejects a missing required field and a wrong type', () => {
			const missing = validateRequest(request(version, { method: 'PUT', path: '/calendars/groups/g1', body: { name: 'n', slug: 's' } }));
			expect(missing.errors).toEqual([expect.stringContaining('"description"')]);
			const wrongType = validateRequest(request(version, { method: 'PUT', path: '/calendars/groups/g1/status', body: { isActive: 'false' } }));
			expect(wrongType.errors).toEqual(['body.isActive: must be boolean']);
			const notObject = validateRequest(request(version, { method: 'POST', path: '/calendars/groups/validate-slug', body: ['s'] }));
			expect(notObject.errors).toEqual(['body: must be object']);
		});

		it('requires a body where the spec does, and refuses one where it has none', () => {
			expect(validateRequest(request(version, { method: 'PUT', path: '/calendars/groups/g1/status' })).errors).toEqual(['request body is required']);
			expect(validateRequest(request(version, { method: 'DELETE', path: '/calendars/groups/g1', body: {} })).errors).toEqual(['delete-group takes no request body']);
			expect(validateRequest(request(version, { method: 'GET', path: '/calendars/groups', query: { locationId: 'l' }, body: { locationId: 'l' } })).errors).toHaveLength(1);
		});

		it('requires content-type application/json with a body', () => {
			const req = request(version, { method: 'PUT', path: '/calendars/groups/g1/status', body: { isActive: true } });
			expect(validateRequest({ ...req, headers: { ...req.headers, 'content-type': 'application/json; charset=utf-8' } }).errors).toEqual([]);
			expect(validateRequest({ ...req, headers: { ...req.headers, 'content-type': 'text/plain' } }).errors).toEqual([expect.stringContaining('content-type')]);
			expect(validateRequest({ ...req, headers: without(req.headers, 'content-type') }).errors).toEqual([expect.stringContaining('content-type')]);
		});

		it('checks query parameters: required, and only documented ones', () => {
			expect(validateRequest(request(version, { query: {} })).errors).toEqual(['missing required query parameter "locationId"']);
			expect(validateRequest(request(version, { query: { locationId: 'l', limit: '10' } })).errors).toEqual(['query parameter "limit" is not documented']);
			expect(validateRequest(request(version, { method: 'DELETE', path: '/calendars/groups/g1', query: { locationId: 'l' } })).errors).toEqual([
				'query parameter "locationId" is not documented',
			]);
		});

		it('requires a bearer Authorization header', () => {
			for (const authorization of [undefined, 'Bearer ', 'Bearer', 'Basic abc', 'bearer abc', 'pit-abc']) {
				const req = request(version, { query: { locationId: 'l' } });
				const headers = { ...req.headers };
				if (authorization === undefined) delete headers.authorization;
				else headers.authorization = authorization;
				expect(validateRequest({ ...req, headers }).errors).toEqual(['Authorization header must be "Bearer <token>"']);
			}
		});
	});

	describe('validateResponse', () => {
		const op = (operationId: string) => ({ operationId, version });

		it('accepts the documented success bodies', () => {
			expect(validateResponse(op('get-groups'), 200, { groups: [GROUP, { ...GROUP, id: 'x', isActive: false }] })).toEqual([]);
			expect(validateResponse(op('create-calendar-group'), 201, { group: GROUP })).toEqual([]);
			expect(validateResponse(op('validate-groups-slug'), 200, { available: true })).toEqual([]);
			expect(validateResponse(op('edit-group'), 200, { group: GROUP })).toEqual([]);
			expect(validateResponse(op('delete-group'), 200, { success: true })).toEqual([]);
			expect(validateResponse(op('disable-group'), 200, { success: false })).toEqual([]);
		});

		it('rejects bodies that break the schema', () => {
			expect(validateResponse(op('get-groups'), 200, { groups: [{ ...GROUP, slug: undefined }] })).toEqual([expect.stringContaining("'slug'")]);
			expect(validateResponse(op('get-groups'), 200, { groups: {} })).toEqual(['body.groups: must be array']);
			expect(validateResponse(op('validate-groups-slug'), 200, {})).toEqual([expect.stringContaining("'available'")]);
			expect(validateResponse(op('create-calendar-group'), 201, { group: { ...GROUP, isActive: 'true' } })).toEqual(['body.group.isActive: must be boolean']);
			// the spec's example is the string "true", but its type is boolean
			expect(validateResponse(op('delete-group'), 200, { success: 'true' })).toEqual(['body.success: must be boolean']);
			expect(validateResponse(op('delete-group'), 200, undefined)).toEqual([expect.stringContaining('missing')]);
		});

		it('accepts only documented statuses, plus 403/404/422/429/5xx', () => {
			expect(validateResponse(op('create-calendar-group'), 200, { group: GROUP })).toEqual([expect.stringContaining('status 200 is not documented')]);
			expect(validateResponse(op('edit-group'), 201, { group: GROUP })).toEqual([expect.stringContaining('status 201 is not documented')]);
			expect(validateResponse(op('delete-group'), 418, {})).toEqual([expect.stringContaining('status 418')]);
			expect(validateResponse(op('delete-group'), 204, undefined)).toEqual([expect.stringContaining('status 204')]);
			expect(validateResponse(op('get-groups'), 400, { statusCode: 400, message: 'Bad Request' })).toEqual([]);
			expect(validateResponse(op('get-groups'), 401, { statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' })).toEqual([]);
			expect(validateResponse(op('get-groups'), 403, { statusCode: 403, message: 'no', error: 'Forbidden' })).toEqual([]);
			expect(validateResponse(op('edit-group'), 404, { statusCode: 404, message: 'Group not found' })).toEqual([]);
			expect(validateResponse(op('create-calendar-group'), 422, { statusCode: 422, message: ['property x should not exist'], error: 'Unprocessable Entity' })).toEqual([]);
			expect(validateResponse(op('get-groups'), 429, { statusCode: 429, message: 'Too many requests' })).toEqual([]);
			for (const status of [500, 502, 503]) expect(validateResponse(op('get-groups'), status, { statusCode: status, message: 'x' })).toEqual([]);
		});

		it('validates error bodies against the common schemas', () => {
			expect(validateResponse(op('create-calendar-group'), 422, { statusCode: 422, message: 'Slug already exists' })).toEqual(['body.message: must be array']);
			expect(validateResponse(op('get-groups'), 400, { statusCode: 400, message: ['a'] })).toEqual(['body.message: must be string']);
			expect(validateResponse(op('get-groups'), 401, { statusCode: '401' })).toEqual(['body.statusCode: must be number']);
			expect(validateResponse(op('get-groups'), 403, { statusCode: 403, message: 403 })).toEqual(['body.message: must be string']);
			expect(validateResponse(op('get-groups'), 429, { statusCode: 429 })).toEqual([expect.stringContaining("'message'")]);
			expect(validateResponse(op('get-groups'), 500, 'Internal Server Error')).toEqual(['body: must be object']);
		});

		it('reports an unknown operation', () => {
			expect(validateResponse(op('get-group'), 200, {})).toEqual([`unknown operation get-group for Version ${version}`]);
		});
	});
});

describe('contract, across versions', () => {
	it('selects the spec by the Version header and rejects others', () => {
		const valid = VALID[0][1];
		expect(validateRequest(request('v3', valid)).operation?.version).toBe('v3');
		expect(validateRequest(request('2021-04-15', valid)).operation?.version).toBe('2021-04-15');
		for (const version of ['2021-07-28', '2023-02-21', 'V3', '']) {
			expect(validateRequest(request(version, valid)).errors).toEqual([expect.stringContaining(`Version header "${version}" is not one of`)]);
		}
		expect(validateRequest({ ...request('v3', valid), headers: without(request('v3', valid).headers, 'version') }).errors).toEqual([expect.stringContaining('Version header is missing')]);
	});

	it('reads the scopes from the security blocks', () => {
		expect(requiredScope('get-groups')).toBe('calendars/groups.readonly');
		for (const id of ['create-calendar-group', 'validate-groups-slug', 'edit-group', 'delete-group', 'disable-group']) {
			expect(requiredScope(id)).toBe('calendars/groups.write');
		}
		expect(requiredScope('get-calendars')).toBe('calendars.readonly');
		expect(requiredScope('get-calendar')).toBe('calendars.readonly');
		for (const id of ['create-calendar', 'update-calendar', 'delete-calendar']) expect(requiredScope(id)).toBe('calendars.write');
		expect(() => requiredScope('get-calendar-notifications')).toThrow(/no scope/);
	});
});
