import { RateGovernor } from '../../nodes/HighLevelCalendars/transport/pacing/rateGovernor';
import { FakeClock } from '../../tools/pacing/fakeClock';

const KEY = 'app location';
const limitHeaders = (max: number, intervalMs: number, remaining: number) => ({
	'x-ratelimit-max': String(max),
	'x-ratelimit-interval-milliseconds': String(intervalMs),
	'x-ratelimit-remaining': String(remaining),
});

/**
 * `lanes` requests at a time, `total` in all, each answered 50 ms after it went with the headers
 * `remaining(sentSoFar)` gives; returns when each one was let go.
 */
async function run(governor: RateGovernor, clock: FakeClock, lanes: number, total: number, remaining: (sentAt: number[]) => number) {
	const sentAt: number[] = [];
	let left = total;
	const lane = async () => {
		while (left-- > 0) {
			await governor.acquire(KEY);
			sentAt.push(clock.now());
			const headers = limitHeaders(100, 1000, remaining(sentAt));
			await clock.sleep(50);
			governor.observe(KEY, headers);
			governor.succeeded(KEY);
		}
	};
	await clock.run(Promise.all(Array.from({ length: lanes }, lane)));
	return sentAt;
}

/** HighLevel's Remaining for one process alone, in a sliding window. */
const alone = (clock: FakeClock) => (sent: number[]) => 100 - Math.min(100, sent.filter((t) => t > clock.now() - 1000).length);

/** The most requests let go in any span of `spanMs`. */
const busiestSpan = (times: number[], spanMs: number) => Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + spanMs).length));

describe('rate governor (fake clock)', () => {
	test('lets requests go in the order they asked', async () => {
		const clock = new FakeClock();
		const governor = new RateGovernor(clock);
		const order: number[] = [];
		const ask = async (i: number) => {
			await governor.acquire(KEY);
			order.push(i);
			await clock.sleep(50);
			governor.observe(KEY, limitHeaders(100, 1000, 99 - i));
		};
		await clock.run(Promise.all([0, 1, 2, 3, 4].map(ask)));
		expect(order).toEqual([0, 1, 2, 3, 4]);
	});

	test('paces by HighLevel\'s published 100 per 10 s until an answer tells the limit, then by what it learnt', async () => {
		const clock = new FakeClock();
		const sentAt = await run(new RateGovernor(clock), clock, 4, 6, (sent) => 100 - sent.length);
		// knowing nothing, the next waits 100 ms, the rise of HighLevel's published 100 per 10 s (and the one after it no
		// gap more); the first answer, at 50 ms, told 100 per second: 10.1 ms apart; the sixth waits for one of the 4
		// lanes (the answer to a request of 100 ms)
		expect(sentAt.map((t) => Math.round(t * 10) / 10)).toEqual([0, 100, 100, 110.1, 120.2, 150]);
	});

	test('alone, it takes the whole limit and never more than X-RateLimit-Max in an interval', async () => {
		const clock = new FakeClock();
		const sentAt = await run(new RateGovernor(clock), clock, 16, 400, alone(clock));
		expect(busiestSpan(sentAt, 1000)).toBeLessThanOrEqual(100);
		// 400 requests evenly at 100 per 1010 ms (4.03 s) after the first gap at HighLevel's published 100 per 10 s (101 ms), and 1% for held-back requests looking again
		expect(sentAt[sentAt.length - 1]).toBeLessThan((101 + 399 * 10.1) * 1.01);
	});

	test('when HighLevel counts as many requests again from others, it takes half the limit less a reserve', async () => {
		const clock = new FakeClock();
		const doubled = (sent: number[]) => 100 - Math.min(100, 2 * sent.filter((t) => t > clock.now() - 1000).length);
		const sentAt = await run(new RateGovernor(clock), clock, 16, 200, doubled);
		// half of (100 less 5), spread evenly over the interval and a 10 ms margin
		const steady = sentAt.filter((t) => t >= 1000);
		expect(busiestSpan(steady, 1000)).toBeGreaterThanOrEqual(45);
		expect(busiestSpan(sentAt, 1000)).toBeLessThanOrEqual(50);
	});

	test('a 429 makes it take less until successes win the share back', async () => {
		const clock = new FakeClock();
		const governor = new RateGovernor(clock);
		await run(governor, clock, 16, 150, alone(clock));
		const before = clock.now();
		governor.observe(KEY, limitHeaders(100, 1000, 0));
		governor.pause(KEY);
		const after = await run(governor, clock, 16, 60, alone(clock));
		// the answer that counted a full window holds the next request back a tenth of the interval, then one goes to ask
		expect(after[0] - before).toBe(100);
		const gaps = after.slice(1).map((t, i) => t - after[i]);
		// 80% of the limit at first, then 2% more with each success
		expect(gaps[2]).toBeGreaterThan(1010 / 80);
		expect(gaps[gaps.length - 1]).toBeLessThan(1010 / 95);
	});

	test('after an idle interval it forgets the count, not the limit: requests go at once at its even rate, without waiting for an answer', async () => {
		const clock = new FakeClock();
		const governor = new RateGovernor(clock);
		await run(governor, clock, 16, 150, alone(clock));
		await clock.run(clock.sleep(5000));
		const resumedAt = clock.now();
		const sentAt = await run(governor, clock, 16, 6, alone(clock));
		// alone, an even rise from the first request at the limit's rate, before and after the first answer (at 50 ms)
		// tells the count: each held request looks again as the rise frees it
		expect(sentAt.map((t) => Math.round((t - resumedAt) * 10) / 10)).toEqual([0, 10, 20, 30, 40, 50]);
	});
});
