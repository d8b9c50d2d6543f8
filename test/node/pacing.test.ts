import { RateGovernor } from '../../nodes/HighLevelCalendars/transport/pacing/rateGovernor';
import type { PacingClock } from '../../nodes/HighLevelCalendars/transport/pacing/pacingClock';
import { SIMULATED_KEY, type SimulationOptions, simulatePacing } from '../../tools/pacing/simulation';
import { mulberry32 } from '../../tools/sandbox/faults';
import { WINDOW_MODELS } from '../../tools/sandbox/burst-window';

/**
 * The node's pacing against a simulated HighLevel location (the sandbox's rate limiter on a fake
 * clock): 600 creates shared by 1, 2 or 4 processes that cannot talk to each other, 100 requests
 * per second, 50 ms latency. It must use most of the limit and stay under it, in either window model,
 * when the executions start together (7 ms apart).
 */
const scenario = (clients: number, startStaggerMs: number): Omit<SimulationOptions, 'window'> => ({
	clients,
	// one workflow of 600 alone; the queue run's four workflows of 150, spread over the workers
	executions: clients === 1 ? 1 : 4,
	requestsPerExecution: clients === 1 ? 600 : 150,
	inFlightPerExecution: 16,
	max: 100,
	intervalMs: 1000,
	latencyMs: 50,
	jitterMs: 5,
	startStaggerMs,
	maxRetries: 5,
	seed: 20261125,
	governor: (clock) => new RateGovernor(clock),
});

/** The most requests HighLevel counted in any `spanMs` from 2 s after the first. */
function busiestAfterTwoIntervals(countedAt: number[], spanMs: number): number {
	const after = countedAt.filter((at) => at - countedAt[0] >= 2000);
	return Math.max(...after.map((from) => after.filter((at) => at >= from && at < from + spanMs).length));
}

/** A governor that heard HighLevel's 100 per second 5 s before the simulation starts, and nothing since. */
const knewTheLimit = (clock: PacingClock) => {
	let offsetMs = 5000;
	const governor = new RateGovernor({ now: () => clock.now() - offsetMs, sleep: async (ms) => await clock.sleep(ms) });
	governor.observe(SIMULATED_KEY, { 'x-ratelimit-max': '100', 'x-ratelimit-interval-milliseconds': '1000', 'x-ratelimit-remaining': '99' });
	offsetMs = 0;
	return governor;
};

const cases = WINDOW_MODELS.flatMap((window) =>
	[
		{ clients: 1, atLeast: 0.9 },
		{ clients: 2, atLeast: 0.9 },
		{ clients: 4, atLeast: 0.85 },
	].map((c) => ({ window, ...c })),
);

describe('pacing against a simulated HighLevel', () => {
	beforeEach(() => {
		// the retry policy's jitter
		jest.spyOn(Math, 'random').mockImplementation(mulberry32(7));
	});
	afterEach(() => jest.restoreAllMocks());

	test.each(cases)('$clients process(es), $window window: uses at least $atLeast of the limit, 429s at most 5%', async ({ window, clients, atLeast }) => {
		const result = await simulatePacing({ window, ...scenario(clients, 7) });
		expect(result.counted).toBe(600);
		expect(result.surfaced429).toBe(0);
		expect(result.received429).toBeLessThanOrEqual(0.05 * (result.counted + result.received429));
		expect(result.limitUsed).toBeGreaterThanOrEqual(atLeast);
	});

	/**
	 * Processes that start together see each other only in their first answers. A window filled in its
	 * first 750 ms stays full until its first requests leave it, and in a sliding window that gap comes
	 * back every interval.
	 */
	test.each(WINDOW_MODELS)('4 processes starting together, %s window: HighLevel counts at most 85 requests in the first 750 ms', async (window) => {
		const { countedAt } = await simulatePacing({ window, ...scenario(4, 7) });
		expect(countedAt.filter((at) => at - countedAt[0] < 750).length).toBeLessThanOrEqual(85);
	});

	/**
	 * Processes that knew the limit and were idle for longer than an interval start again at its even rate before
	 * any answer tells them of each other (cold ones wait a gap of HighLevel's published 100 per 10 s): the few
	 * requests too many are refused, and the first 750 ms carry no more than when they start cold.
	 */
	test.each(WINDOW_MODELS)('4 processes that knew the limit, idle, starting together, %s window: at least 0.85 of the limit, 429s at most 5%%, at most 85 in the first 750 ms', async (window) => {
		const result = await simulatePacing({ window, ...scenario(4, 7), governor: knewTheLimit });
		expect(result.counted).toBe(600);
		expect(result.surfaced429).toBe(0);
		expect(result.received429).toBeLessThanOrEqual(0.05 * (result.counted + result.received429));
		expect(result.limitUsed).toBeGreaterThanOrEqual(0.85);
		expect(result.countedAt.filter((at) => at - result.countedAt[0] < 750).length).toBeLessThanOrEqual(85);
	});

	test.each([
		{ start: 'starting cold', governor: (clock: PacingClock) => new RateGovernor(clock) },
		{ start: 'knowing the limit after an idle spell', governor: knewTheLimit },
	])('4 processes $start, sliding window: from the third interval on, no 250 ms carries more than 30 requests', async ({ governor }) => {
		const { countedAt } = await simulatePacing({ window: 'sliding', ...scenario(4, 7), governor });
		// the first interval's unevenness leaves its mark on the second; a burst after that would come back every interval
		expect(busiestAfterTwoIntervals(countedAt, 250)).toBeLessThanOrEqual(30);
	});

	/**
	 * Executions 200 ms apart, as n8n workers pick them up: the later ones start with a smaller share,
	 * and the limit is used less when the first ones finish unless the others' current rate is read.
	 */
	test.each([
		...WINDOW_MODELS.map((window) => ({ window, clients: 2, atLeast: 0.9 })),
		...WINDOW_MODELS.map((window) => ({ window, clients: 4, atLeast: 0.85 })),
	])('$clients processes, executions 200 ms apart, $window window: at least $atLeast', async ({ window, clients, atLeast }) => {
		const result = await simulatePacing({ window, ...scenario(clients, 200) });
		expect(result.received429).toBeLessThanOrEqual(0.05 * (result.counted + result.received429));
		expect(result.limitUsed).toBeGreaterThanOrEqual(atLeast);
	});
});
