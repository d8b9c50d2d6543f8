/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
import * as http from 'http';
import { API_VERSIONS } from '../../tools/contract/openapi';
import { fakeToken } from '../../tools/fakeToken';
import { DEMO, LOCATION, OTHER, OTHER_LOCATION, READONLY, RATE_LIMIT_HEADERS, call, groupBody } from '../../tools/sandbox/harness';
import { Sandbox, startSandbox } from '../../tools/sandbox/server';

const unauthorized = (message: string) => ({ status: 401, body: { statusCode: 401, message, error: 'Unauthorized' } });
const INVALID_TOKEN = unauthorized('Invalid token: access token is invalid');
const NOT_SUPPORTED = unauthorized('This route is not yet supported by the IAM Service');
const NO_SCOPE = unauthorized('The token is not authorized for this scope.');

/** A request with a path fetch would have normalised or encoded. */
function rawRequest(sandbox: Sandbox, method: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
	return new Promise((resolve, reject) => {
		const req = http.request({ host: '127.0.0.1', port: sandbox.port, method, path, headers }, (res) => {
			let text = '';
			res.on('data', (chunk: Buffer) => (text += chunk.toString()));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
		});
		req.on('error', reject);
		req.end();
	});
}

describe.each(API_VERSIONS)('IAM answers, Version %s', (version) => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	const list = { query: { locationId: LOCATION } };

	it('401s a missing, malformed or unknown bearer token', async () => {
		for (const headers of [{} as Record<string, string>, { authorization: 'Bearer ' }, { authorization: 'Basic cGl0Og==' }, { authorization: DEMO }]) {
			expect(await call(sandbox, 'GET', '/calendars/groups', { ...list, version, token: null, headers })).toMatchObject(INVALID_TOKEN);
		}
		expect(await call(sandbox, 'GET', '/calendars/groups', { ...list, version, token: fakeToken('sandbox-nope') })).toMatchObject(INVALID_TOKEN);
	});

	it('checks the token before the route', async () => {
		expect(await call(sandbox, 'GET', '/calendar-groups', { version, token: 'pit-nope' })).toMatchObject(INVALID_TOKEN);
	});

	it('401s unknown and wrongly-cased routes with the IAM message', async () => {
		for (const [method, path] of [
			['GET', '/Calendars/groups'],
			['POST', '/calendars/Groups'],
			['GET', '/calendars/groups/'],
			['GET', '/calendar-groups'],
			['GET', '/calendars/groups/abc'],
			['POST', '/calendars/groups/abc'],
			['PATCH', '/calendars/groups/abc'],
		]) {
			expect(await call(sandbox, method, path, { ...list, version })).toMatchObject(NOT_SUPPORTED);
		}
	});

	it('401s an unencoded group id as an unknown route', async () => {
		const answer = await rawRequest(sandbox, 'DELETE', '/calendars/groups/a|b', { authorization: `Bearer ${DEMO}`, version });
		expect(answer).toEqual(NOT_SUPPORTED);
	});

	it('401s a token without the operation scope', async () => {
		expect((await call(sandbox, 'GET', '/calendars/groups', { ...list, version, token: READONLY })).status).toBe(200);
		expect(await call(sandbox, 'POST', '/calendars/groups', { version, token: READONLY, body: groupBody() })).toMatchObject(NO_SCOPE);
		expect(await call(sandbox, 'DELETE', '/calendars/groups/abc', { version, token: READONLY })).toMatchObject(NO_SCOPE);
		expect(sandbox.state().locations[LOCATION]).toEqual([]);
	});

	it('401s a missing or unknown Version header, after the scope check', async () => {
		expect(await call(sandbox, 'GET', '/calendars/groups', { ...list, version: null })).toMatchObject(unauthorized('version header was not found.'));
		for (const bad of ['2021-07-28', 'V3', '2021-04-16']) {
			expect(await call(sandbox, 'GET', '/calendars/groups', { ...list, version: bad })).toMatchObject(unauthorized('version header is invalid'));
		}
		expect(await call(sandbox, 'POST', '/calendars/groups', { version: null, token: READONLY, body: groupBody() })).toMatchObject(NO_SCOPE);
	});

	it('403s a locationId of another location, in the query or the body', async () => {
		const forbidden = { status: 403, body: { statusCode: 403, message: 'The token does not have access to this location', error: 'Forbidden' } };
		expect(await call(sandbox, 'GET', '/calendars/groups', { version, query: { locationId: OTHER_LOCATION } })).toMatchObject(forbidden);
		expect(await call(sandbox, 'POST', '/calendars/groups', { version, body: groupBody({ locationId: OTHER_LOCATION }) })).toMatchObject(forbidden);
		expect(await call(sandbox, 'POST', '/calendars/groups', { version, token: OTHER, body: groupBody() })).toMatchObject(forbidden);
		const slug = { locationId: OTHER_LOCATION, slug: 'x' };
		expect(await call(sandbox, 'POST', '/calendars/groups/validate-slug', { version, body: slug })).toMatchObject(forbidden);
		expect(sandbox.state().locations).toEqual({ [LOCATION]: [], [OTHER_LOCATION]: [] });
	});

	it('puts the rate-limit headers on 401s without counting them', async () => {
		const answer = await call(sandbox, 'GET', '/calendars/groups', { ...list, version: null });
		for (const name of RATE_LIMIT_HEADERS) expect(answer.headers.get(name)).not.toBeNull();
		expect(answer.headers.get('x-ratelimit-remaining')).toBe(answer.headers.get('x-ratelimit-max'));
		expect(sandbox.stats()).toEqual({ total: 1, byStatus: { 401: 1 }, resets: 0 });
	});
});

describe('custom tokens', () => {
	it('accepts the configured tokens only', async () => {
		const sandbox = await startSandbox({ tokens: [{ token: 'pit-custom', locationId: 'customLocation', scopes: ['calendars/groups.readonly'] }] });
		try {
			expect((await call(sandbox, 'GET', '/calendars/groups', { token: 'pit-custom', query: { locationId: 'customLocation' } })).status).toBe(200);
			expect(await call(sandbox, 'GET', '/calendars/groups', { query: { locationId: LOCATION } })).toMatchObject(INVALID_TOKEN);
			expect(sandbox.state().locations).toEqual({ customLocation: [] });
		} finally {
			await sandbox.close();
		}
	});
});
