import { RateGovernor } from '../../nodes/HighLevelCalendarGroup/transport/rateGovernor';
import { type SimulationOptions, seededRandom, simulatePacing } from '../../tools/pacing/simulation';
import { WINDOW_MODELS } from '../../tools/sandbox/burst-window';

/**
 * The node's pacing against a simulated HighLevel location (the sandbox's rate limiter on a fake
 * clock): 600 creates shared by 1, 2 or 4 processes that cannot talk to each other, 100 requests
 * per second, 50 ms latency. It must use most of the limit and stay under it, in either window model.
 */
const scenario = (clients: number): Omit<SimulationOptions, 'window'> => ({
	clients,
	requestsPerClient: 600 / clients,
	// two executions of Max Requests In Flight 16 per worker; one alone in the single process
	inFlightPerClient: clients === 1 ? 16 : 32,
	max: 100,
	intervalMs: 1000,
	latencyMs: 50,
	jitterMs: 5,
	startStaggerMs: 7,
	maxRetries: 5,
	seed: 20261125,
	governor: (clock) => new RateGovernor(clock),
});

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
		jest.spyOn(Math, 'random').mockImplementation(seededRandom(7));
	});
	afterEach(() => jest.restoreAllMocks());

	test.each(cases)('$clients process(es), $window window: uses at least $atLeast of the limit, 429s at most 5%', async ({ window, clients, atLeast }) => {
		const result = await simulatePacing({ window, ...scenario(clients) });
		expect(result.counted).toBe(600);
		expect(result.surfaced429).toBe(0);
		expect(result.received429).toBeLessThanOrEqual(0.05 * (result.counted + result.received429));
		expect(result.limitUsed).toBeGreaterThanOrEqual(atLeast);
	});
});
