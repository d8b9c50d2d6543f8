/**
 * Several n8n processes, each with its own rate governor, sending to one simulated HighLevel location
 * (the sandbox's RateLimiter) on a FakeClock: the transport's loop of request.ts (acquire, send,
 * observe, 429 → pause and wait the retry policy's delay) without HTTP. Deterministic for a seed.
 */
import type { PacingClock } from '../../nodes/HighLevelCalendars/transport/pacing/pacingClock';
import type { RateGovernor } from '../../nodes/HighLevelCalendars/transport/pacing/rateGovernor';
import { retryDelayMs } from '../../nodes/HighLevelCalendars/transport/retryPolicy';
import type { WindowModel } from '../sandbox/burst-window';
import { mulberry32 } from '../sandbox/faults';
import { DEFAULT_RATE_LIMIT, RateLimiter } from '../sandbox/rate-limiter';
import { FakeClock } from './fakeClock';

export type Pacer = Pick<RateGovernor, 'acquire' | 'observe' | 'pause' | 'succeeded'>;

export interface SimulationOptions {
	window: WindowModel;
	clients: number;
	/** executions, each with its requests and lanes (Max Requests In Flight); execution i runs in client i % clients */
	executions: number;
	requestsPerExecution: number;
	inFlightPerExecution: number;
	max: number;
	intervalMs: number;
	/** from HighLevel counting a request to its answer arriving */
	latencyMs: number;
	/** up to this much more, at random, on the way there and on the way back */
	jitterMs: number;
	/** execution i starts i × this after the first */
	startStaggerMs: number;
	maxRetries: number;
	seed: number;
	governor: (clock: PacingClock) => Pacer;
}

export interface SimulationResult {
	/** requests HighLevel counted (its 429s are not counted) */
	counted: number;
	received429: number;
	/** requests that failed with a 429 after their retries */
	surfaced429: number;
	/** simulated ms from the first counted request to the last one */
	spanMs: number;
	/** (counted ÷ the limit's rate) ÷ spanMs */
	limitUsed: number;
	/** when HighLevel counted each request, in simulated ms, in order */
	countedAt: number[];
}

/** The rate-limit key every simulated request counts against. */
export const SIMULATED_KEY = 'app location';

function lowerCased(headers: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

export async function simulatePacing(options: SimulationOptions): Promise<SimulationResult> {
	const clock = new FakeClock();
	const random = mulberry32(options.seed);
	const limiter = new RateLimiter({ ...DEFAULT_RATE_LIMIT, max: options.max, intervalMs: options.intervalMs, window: options.window }, () => clock.now());
	const countedAt: number[] = [];
	let received429 = 0;
	let surfaced429 = 0;

	const send = async (governor: Pacer): Promise<void> => {
		for (let attempt = 0; ; attempt++) {
			await governor.acquire(SIMULATED_KEY);
			await clock.sleep(random() * options.jitterMs);
			const decision = limiter.consume(SIMULATED_KEY);
			if (!decision.exceeded) countedAt.push(clock.now());
			await clock.sleep(options.latencyMs + random() * options.jitterMs);
			const headers = lowerCased(decision.headers);
			governor.observe(SIMULATED_KEY, headers);
			if (!decision.exceeded) {
				governor.succeeded(SIMULATED_KEY);
				return;
			}
			received429++;
			const waitMs = attempt < options.maxRetries ? retryDelayMs({ status: 429, headers }, attempt) : undefined;
			if (waitMs === undefined) {
				surfaced429++;
				return;
			}
			governor.pause(SIMULATED_KEY);
			await clock.sleep(waitMs);
		}
	};

	const governors = Array.from({ length: options.clients }, () => options.governor(clock));
	const execution = async (index: number): Promise<void> => {
		const governor = governors[index % options.clients];
		await clock.sleep(index * options.startStaggerMs);
		let left = options.requestsPerExecution;
		const lane = async () => {
			while (left > 0) {
				left--;
				await send(governor);
			}
		};
		await Promise.all(Array.from({ length: options.inFlightPerExecution }, lane));
	};

	await clock.run(Promise.all(Array.from({ length: options.executions }, (_, i) => execution(i))));
	const spanMs = countedAt[countedAt.length - 1] - countedAt[0];
	const limitUsed = countedAt.length / (options.max / options.intervalMs) / spanMs;
	return { counted: countedAt.length, received429, surfaced429, spanMs, limitUsed, countedAt };
}
