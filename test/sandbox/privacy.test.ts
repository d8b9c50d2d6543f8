import { DEMO, LOCATION, OTHER, READONLY, call, groupBody } from '../../tools/sandbox/harness';
import { DEFAULT_TOKENS, Sandbox, startSandbox } from '../../tools/sandbox/server';

describe('tokens stay out of logs and state; the /__sandbox routes', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ faults: {} });
	});
	afterAll(() => sandbox.close());

	it('never records a token', async () => {
		const stray = 'pit-sandbox-9999-unknown';
		await call(sandbox, 'POST', '/calendars/groups', { body: groupBody() });
		await call(sandbox, 'GET', '/calendars/groups', { token: READONLY, query: { locationId: LOCATION } });
		await call(sandbox, 'GET', '/calendars/groups', { token: stray, query: { locationId: LOCATION } });
		await call(sandbox, 'POST', '/calendars/groups', { token: OTHER, body: groupBody({ name: DEMO }) });
		await call(sandbox, 'GET', '/calendars/groups', { query: { locationId: LOCATION, access_token: DEMO } });

		const state = await fetch(`${sandbox.url}/__sandbox/state`);
		const stateText = await state.text();
		const logText = await (await fetch(`${sandbox.url}/__sandbox/requests`)).text();
		const everything = [JSON.stringify(sandbox.requests()), JSON.stringify(sandbox.state()), stateText, logText];
		for (const secret of [...DEFAULT_TOKENS.map((t) => t.token), stray]) {
			for (const text of everything) expect(text).not.toContain(secret);
		}
		expect(sandbox.requests().map((r) => r.headers.authorization)).toEqual(Array(5).fill('Bearer [REDACTED]'));
		expect(sandbox.requests()[4].query).toEqual({ locationId: LOCATION, access_token: '[REDACTED]' });
	});

	it('serves the state without auth', async () => {
		const answer = await fetch(`${sandbox.url}/__sandbox/state`);
		expect(answer.status).toBe(200);
		expect(await answer.json()).toEqual(sandbox.state());
		expect(sandbox.state().locations[LOCATION]).toEqual([expect.objectContaining({ name: 'Sales team' })]);
	});

	it('serves the request log without auth, as requests() gives it', async () => {
		const answer = await fetch(`${sandbox.url}/__sandbox/requests`);
		expect(answer.status).toBe(200);
		expect(await answer.json()).toEqual({ requests: sandbox.requests() });
		expect(sandbox.requests().length).toBeGreaterThan(0);
	});

	it('404s anything else under /__sandbox', async () => {
		for (const [method, path] of [
			['GET', '/__sandbox'],
			['GET', '/__sandbox/'],
			['GET', '/__sandbox/log'],
			['POST', '/__sandbox/requests'],
			['POST', '/__sandbox/state'],
			['DELETE', '/__sandbox/state'],
		]) {
			const answer = await fetch(`${sandbox.url}${path}`, { method });
			expect([method, path, answer.status, await answer.json()]).toEqual([method, path, 404, { statusCode: 404, message: 'Not found' }]);
		}
	});

	it('returns copies: changing them does not change the sandbox', () => {
		const state = sandbox.state();
		state.locations[LOCATION][0].name = 'changed';
		sandbox.requests()[0].headers.authorization = DEMO;
		expect(sandbox.state().locations[LOCATION][0].name).toBe('Sales team');
		expect(sandbox.requests()[0].headers.authorization).toBe('Bearer [REDACTED]');
	});
});
