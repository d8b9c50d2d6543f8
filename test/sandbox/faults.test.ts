import { LOCATION, call, groupBody, sleep } from '../../tools/sandbox/harness';
import { Sandbox, SandboxOptions, startSandbox } from '../../tools/sandbox/server';

describe('latency and injected faults', () => {
	let sandbox: Sandbox | undefined;
	afterEach(async () => {
		await sandbox?.close();
		sandbox = undefined;
	});

	const start = async (options: SandboxOptions) => {
		sandbox = await startSandbox(options);
		return sandbox;
	};
	const list = (sb: Sandbox) => call(sb, 'GET', '/calendars/groups', { query: { locationId: LOCATION } });
	/** A dropped connection, as fetch reports it (any other rejection, such as a failed contract check, is a failure). */
	const dropped = (error: unknown) => ['UND_ERR_SOCKET', 'ECONNRESET'].includes(String((error as { cause?: { code?: unknown } }).cause?.code));
	/** status, 'reset' when the connection was dropped, or what else failed (a contract check: it then matches no log) */
	const outcome = async (sb: Sandbox) =>
		await list(sb).then(
			(answer) => answer.status,
			(error: unknown) => (dropped(error) ? ('reset' as const) : `failed: ${String(error)}`),
		);
	const timed = async <T>(fn: () => Promise<T>) => {
		const started = Date.now();
		await fn();
		return Date.now() - started;
	};

	it('adds latencyMs to every answer', async () => {
		const sb = await start({ latencyMs: 120 });
		expect(await timed(() => list(sb))).toBeGreaterThanOrEqual(110);
		expect(await timed(() => call(sb, 'GET', '/calendars/groups', { token: 'pit-nope' }))).toBeGreaterThanOrEqual(110);
	});

	it('slows answers by slowMs', async () => {
		const sb = await start({ faults: { slow: 1, slowMs: 150 } });
		expect(await timed(() => list(sb))).toBeGreaterThanOrEqual(140);
	});

	it('answers injected 5xx with HighLevel-shaped bodies and the rate-limit headers', async () => {
		const sb = await start({ faults: { error5xx: 1, seed: 7 } });
		const statuses = new Set<number>();
		for (let i = 0; i < 12; i++) {
			const answer = await list(sb);
			expect(answer.body).toEqual({ statusCode: answer.status, message: expect.any(String) });
			statuses.add(answer.status);
		}
		expect([...statuses].sort()).toEqual([500, 502, 503]);
	});

	it('answers injected 429s like real ones', async () => {
		const sb = await start({ faults: { rateLimited: 1 }, rateLimit: { intervalMs: 2000 } });
		const answer = await list(sb);
		expect(answer).toMatchObject({ status: 429, body: { statusCode: 429, message: 'Too many requests' } });
		expect(answer.headers.get('x-ratelimit-remaining')).toBe('0');
		expect(answer.headers.get('retry-after')).toBe('2');
	});

	it('resets connections without answering', async () => {
		const sb = await start({ faults: { reset: 1 } });
		await expect(call(sb, 'POST', '/calendars/groups', { body: groupBody() })).rejects.toThrow();
		expect(sb.state().locations[LOCATION]).toEqual([]);
		expect(sb.stats()).toEqual({ total: 1, byStatus: {}, resets: 1 });
		expect(sb.requests()[0]).toMatchObject({ status: 0, dropped: 'reset' });
	});

	it('lostAfterStore applies a write, then drops the connection; reads and failed writes are answered', async () => {
		const sb = await start({ faults: { lostAfterStore: 1 } });
		await expect(call(sb, 'POST', '/calendars/groups', { body: groupBody() })).rejects.toThrow();
		expect(sb.state().locations[LOCATION]).toEqual([expect.objectContaining({ slug: 'sales-team', isActive: true })]);
		expect(sb.requests()[0]).toMatchObject({ status: 0, dropped: 'lostAfterStore' });

		expect((await list(sb)).body.groups).toHaveLength(1);
		const slug = await call(sb, 'POST', '/calendars/groups/validate-slug', { body: { locationId: LOCATION, slug: 'sales-team' } });
		expect(slug.body).toEqual({ available: false });
		expect((await call(sb, 'POST', '/calendars/groups', { body: groupBody() })).status).toBe(422);
		expect(sb.stats()).toEqual({ total: 4, byStatus: { 200: 2, 422: 1 }, resets: 1 });
	});

	it('is deterministic for a seed, differs across seeds, and restarts on reset()', async () => {
		const faults = { error5xx: 0.2, reset: 0.2, rateLimited: 0.2 };
		const run = async (sb: Sandbox) => {
			const outcomes = [];
			for (let i = 0; i < 30; i++) outcomes.push(await outcome(sb));
			expect(sb.stats().total).toBe(30); // no hidden client retries
			expect(sb.requests().map((r) => (r.dropped === 'reset' ? 'reset' : r.status))).toEqual(outcomes);
			return outcomes;
		};
		const first = await run(await start({ faults: { ...faults, seed: 42 } }));
		sandbox!.reset();
		const afterReset = await run(sandbox!);
		await sandbox!.close();
		const second = await run(await start({ faults: { ...faults, seed: 42 } }));
		await sandbox!.close();
		const otherSeed = await run(await start({ faults: { ...faults, seed: 43 } }));

		expect(first).toEqual(expect.arrayContaining([200, 429, 'reset']));
		expect(first.some((s) => typeof s === 'number' && s >= 500)).toBe(true);
		expect(first.filter((s) => s === 200).length).toBeGreaterThan(5);
		expect(second).toEqual(first);
		expect(afterReset).toEqual(first);
		expect(otherSeed).not.toEqual(first);
	});

	it('refuses shares outside 0..1 or adding up to more than 1', async () => {
		await expect(startSandbox({ faults: { reset: 1.5 } })).rejects.toThrow(RangeError);
		await expect(startSandbox({ faults: { reset: 0.6, error5xx: 0.6 } })).rejects.toThrow(/must not exceed 1/);
	});

	it('closes while an answer is still delayed', async () => {
		const sb = await start({ latencyMs: 5000 });
		const pending = list(sb);
		await sleep(50);
		await sb.close();
		sandbox = undefined;
		await expect(pending).rejects.toThrow();
	});
});
