/* eslint-disable @n8n/community-nodes/no-restricted-globals -- Node-only tooling: runs in Node, never inside n8n */
import { RateGovernor } from '../../nodes/HighLevelCalendarGroup/transport/rateGovernor';

const limit = (max: number, intervalMs: number, remaining?: number) => ({
	'x-ratelimit-max': String(max),
	'x-ratelimit-interval-milliseconds': String(intervalMs),
	...(remaining === undefined ? {} : { 'x-ratelimit-remaining': String(remaining) }),
});

/** How many acquires go through within `withinMs`. */
async function acquiredWithin(governor: RateGovernor, attempts: number, withinMs: number): Promise<number> {
	let done = 0;
	const all = Array.from({ length: attempts }, () => governor.acquire('k').then(() => done++));
	await new Promise((resolve) => setTimeout(resolve, withinMs));
	const counted = done;
	await Promise.all(all);
	return counted;
}

describe('rate governor', () => {
	test('sends at most X-RateLimit-Max in any interval, learnt from the headers', async () => {
		const governor = new RateGovernor();
		governor.observe('k', limit(3, 200));
		const started = Date.now();
		expect(await acquiredWithin(governor, 4, 100)).toBe(3);
		expect(Date.now() - started).toBeGreaterThanOrEqual(200);
	});

	test('leaves others the requests HighLevel counted beyond its own', async () => {
		const governor = new RateGovernor();
		governor.observe('k', limit(10, 300, 2));
		expect(await acquiredWithin(governor, 4, 150)).toBe(2);
	});

	test('halves its share after a 429 and grows it back with successes', async () => {
		const governor = new RateGovernor();
		governor.observe('k', limit(4, 300));
		governor.pause('k', 0);
		expect(await acquiredWithin(governor, 4, 150)).toBe(2);
		const recovered = new RateGovernor();
		recovered.observe('k', limit(4, 300));
		recovered.pause('k', 0);
		recovered.succeeded('k');
		recovered.succeeded('k');
		expect(await acquiredWithin(recovered, 5, 150)).toBe(4);
	});
});
