import { LOCATION, call, type CallResult } from '../../tools/sandbox/harness';
import { startSandbox, type Sandbox } from '../../tools/sandbox/server';

/**
 * A route counted in the location's rate limit: with a limit of 2, the route once and the groups list once spend the
 * window, and the route's next call is answered 429 with `X-RateLimit-Remaining: 0`.
 */
export async function expectLocationLimitShared(routeCall: (sandbox: Sandbox) => Promise<CallResult>): Promise<void> {
	const sandbox = await startSandbox({ rateLimit: { max: 2 } });
	try {
		expect((await routeCall(sandbox)).status).toBe(200);
		expect((await call(sandbox, 'GET', '/calendars/groups', { query: { locationId: LOCATION } })).status).toBe(200);
		const refused = await routeCall(sandbox);
		expect(refused.status).toBe(429);
		expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
	} finally {
		await sandbox.close();
	}
}
