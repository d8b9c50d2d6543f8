import { DEMO, LOCATION, OTHER, OTHER_LOCATION, READONLY, call } from '../../tools/sandbox/harness';
import { DEFAULT_RATE_LIMIT, RateDecision, RateLimitConfig, RateLimiter } from '../../tools/sandbox/rate-limiter';
import { Sandbox, SandboxOptions, startSandbox } from '../../tools/sandbox/server';

describe('rate limits over HTTP', () => {
	let sandbox: Sandbox | undefined;
	afterEach(async () => {
		await sandbox?.close();
		sandbox = undefined;
	});

	/** The sandbox's windows run on this clock, so no test depends on how fast the machine answers. */
	const clock = { now: 1_000_000 };
	const start = async (rateLimit: SandboxOptions['rateLimit']) => {
		sandbox = await startSandbox({ rateLimit, clock: () => clock.now });
		return sandbox;
	};
	const list = (sb: Sandbox, token = DEMO, locationId = LOCATION) => call(sb, 'GET', '/calendars/groups', { token, query: { locationId } });
	const limitHeaders = (answer: { headers: Headers }) => ({
		daily: answer.headers.get('x-ratelimit-limit-daily'),
		dailyRemaining: answer.headers.get('x-ratelimit-daily-remaining'),
		interval: answer.headers.get('x-ratelimit-interval-milliseconds'),
		max: answer.headers.get('x-ratelimit-max'),
		remaining: answer.headers.get('x-ratelimit-remaining'),
		retryAfter: answer.headers.get('retry-after'),
	});

	it('uses HighLevel defaults: 100 per 10 s, 200000 a day', async () => {
		const sb = await start(undefined);
		expect(limitHeaders(await list(sb))).toEqual({ daily: '200000', dailyRemaining: '199999', interval: '10000', max: '100', remaining: '99', retryAfter: null });
	});

	it('429s past the burst window with Retry-After, and lets requests through again after it', async () => {
		const sb = await start({ max: 3, intervalMs: 200 });
		const remaining = [];
		for (let i = 0; i < 3; i++) remaining.push(limitHeaders(await list(sb)).remaining);
		expect(remaining).toEqual(['2', '1', '0']);

		const limited = await list(sb);
		expect(limited).toMatchObject({ status: 429, body: { statusCode: 429, message: 'Too many requests' } });
		expect(limitHeaders(limited)).toEqual({ daily: '200000', dailyRemaining: '199997', interval: '200', max: '3', remaining: '0', retryAfter: '1' });

		clock.now += 199;
		expect((await list(sb)).status).toBe(429);
		clock.now += 1;
		const again = await list(sb);
		expect(again.status).toBe(200);
		expect(limitHeaders(again).remaining).toBe('2');
		expect(sb.stats().byStatus).toEqual({ 200: 4, 429: 2 });
	});

	it('in a sliding window lets a request in only when the oldest one is an interval old', async () => {
		const sb = await start({ max: 2, intervalMs: 1000, window: 'sliding' });
		const first = clock.now;
		expect(limitHeaders(await list(sb)).remaining).toBe('1');
		clock.now += 500;
		expect(limitHeaders(await list(sb)).remaining).toBe('0');
		const limited = await list(sb);
		expect(limited).toMatchObject({ status: 429, body: { statusCode: 429, message: 'Too many requests' } });
		expect(limitHeaders(limited)).toMatchObject({ remaining: '0', retryAfter: '1' });

		clock.now = first + 999;
		expect((await list(sb)).status).toBe(429);
		clock.now = first + 1000;
		const again = await list(sb);
		expect(again.status).toBe(200);
		expect(limitHeaders(again).remaining).toBe('0');
		expect((await list(sb)).status).toBe(429);
		expect(sb.stats().byStatus).toEqual({ 200: 3, 429: 3 });
	});

	it('can leave Retry-After out', async () => {
		const sb = await start({ max: 1, intervalMs: 200, retryAfter: false });
		await list(sb);
		const limited = await list(sb);
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBeNull();
	});

	it('counts per token and location', async () => {
		const sb = await start({ max: 2, intervalMs: 1000 });
		await list(sb);
		await list(sb);
		expect((await list(sb)).status).toBe(429);
		expect((await list(sb, READONLY)).status).toBe(200);
		expect((await list(sb, OTHER, OTHER_LOCATION)).status).toBe(200);
	});

	it('does not count requests IAM rejected, but counts 4xx answers after it', async () => {
		const sb = await start({ max: 2, intervalMs: 1000 });
		await call(sb, 'GET', '/calendars/groups', { token: 'pit-unknown', query: { locationId: LOCATION } });
		await call(sb, 'GET', '/calendars/groups', { version: null, query: { locationId: LOCATION } });
		await call(sb, 'POST', '/calendars/groups', { token: READONLY, body: {} });
		await call(sb, 'GET', '/calendar-groups');
		expect(limitHeaders(await list(sb)).remaining).toBe('1');
		expect((await call(sb, 'GET', '/calendars/groups', { query: { locationId: OTHER_LOCATION } })).status).toBe(403);
		expect((await list(sb)).status).toBe(429);
	});

	it('429s once the daily budget is spent', async () => {
		const sb = await start({ daily: 3 });
		for (let i = 0; i < 3; i++) expect((await list(sb)).status).toBe(200);
		const spent = await list(sb);
		expect(spent).toMatchObject({ status: 429, body: { statusCode: 429, message: 'Daily request limit exceeded' } });
		expect(limitHeaders(spent)).toMatchObject({ daily: '3', dailyRemaining: '0', remaining: '97' });
		expect(Number(spent.headers.get('retry-after'))).toBeGreaterThan(80_000);
		expect((await list(sb, OTHER, OTHER_LOCATION)).status).toBe(200);
	});
});

describe('RateLimiter windows', () => {
	const limiterAt = (clock: { now: number }, config: Partial<RateLimitConfig>) =>
		new RateLimiter({ ...DEFAULT_RATE_LIMIT, ...config }, () => clock.now);
	const remaining = (decision: RateDecision) => decision.headers['X-RateLimit-Remaining'];
	/** 3 at most: one at 0 and two at 900 fill it; at 999 it refuses, for a second at most. */
	const fillBy999 = (limiter: RateLimiter, clock: { now: number }) => {
		expect(remaining(limiter.consume('k'))).toBe('2');
		clock.now = 900;
		expect([limiter.consume('k'), limiter.consume('k')].map(remaining)).toEqual(['1', '0']);
		clock.now = 999;
		expect(limiter.consume('k')).toMatchObject({ exceeded: 'burst', headers: { 'X-RateLimit-Remaining': '0', 'Retry-After': '1' } });
	};

	it('restarts the burst window after intervalMs and the daily budget after 24 h', () => {
		let now = 1_000_000;
		const limiter = new RateLimiter({ max: 2, intervalMs: 1000, daily: 3, retryAfter: true, window: 'fixed' }, () => now);
		expect([limiter.consume('k'), limiter.consume('k'), limiter.consume('k')].map((d) => d.exceeded)).toEqual([undefined, undefined, 'burst']);
		now += 1000;
		expect(limiter.consume('k').exceeded).toBeUndefined();
		expect(limiter.consume('k').exceeded).toBe('daily');
		now += 24 * 60 * 60 * 1000 - 1000 - 1;
		expect(limiter.consume('k')).toMatchObject({ exceeded: 'daily', headers: { 'Retry-After': '1' } });
		now += 1;
		const fresh = limiter.consume('k');
		expect(fresh.exceeded).toBeUndefined();
		expect(fresh.headers).toMatchObject({ 'X-RateLimit-Daily-Remaining': '2', 'X-RateLimit-Remaining': '1' });
	});

	it('fixed: a full window lets nothing in until it ends, then all of max at once; Remaining counts down in it', () => {
		const clock = { now: 0 };
		const limiter = limiterAt(clock, { max: 3, intervalMs: 1000 });
		fillBy999(limiter, clock);
		clock.now = 1000;
		expect([limiter.consume('k'), limiter.consume('k'), limiter.consume('k')].map(remaining)).toEqual(['2', '1', '0']);
		expect(limiter.consume('k').exceeded).toBe('burst');
	});

	it('sliding: never more than max in any span of intervalMs; Remaining is what would be let in now', () => {
		const clock = { now: 0 };
		const limiter = limiterAt(clock, { max: 3, intervalMs: 1000, window: 'sliding' });
		fillBy999(limiter, clock);
		clock.now = 1000;
		expect(limiter.peek('k')['X-RateLimit-Remaining']).toBe('1');
		expect(remaining(limiter.consume('k'))).toBe('0');
		expect(limiter.consume('k')).toMatchObject({ exceeded: 'burst', headers: { 'Retry-After': '1' } });
		clock.now = 1900;
		expect([limiter.consume('k'), limiter.consume('k')].map(remaining)).toEqual(['1', '0']);
		expect(limiter.consume('k').exceeded).toBe('burst');
	});

	it('sliding: Retry-After is the whole seconds until the oldest counted request is an interval old', () => {
		const clock = { now: 0 };
		const limiter = limiterAt(clock, { max: 1, intervalMs: 10_000, window: 'sliding' });
		limiter.consume('k');
		clock.now = 2500;
		expect(limiter.consume('k').headers['Retry-After']).toBe('8');
	});
});
