/** Seeded, deterministic fault injection: the same seed and request sequence give the same faults. */

export interface FaultOptions {
	seed?: number;
	error5xx?: number;
	reset?: number;
	slow?: number;
	slowMs?: number;
	rateLimited?: number;
	lostAfterStore?: number;
}

export type FaultKind = 'none' | 'error5xx' | 'reset' | 'rateLimited' | 'lostAfterStore';

export interface FaultPlan {
	kind: FaultKind;
	/** the status of an `error5xx` fault */
	status: 500 | 502 | 503;
	/** extra latency of a `slow` fault (0 when not slow) */
	extraDelayMs: number;
}

const DEFAULT_SEED = 0x5eed;
const DEFAULT_SLOW_MS = 1000;
const SERVER_ERROR_STATUSES = [500, 502, 503] as const;
const EXCLUSIVE_KINDS = ['error5xx', 'reset', 'rateLimited', 'lostAfterStore'] as const;

/** mulberry32: a tiny 32-bit PRNG giving floats in [0, 1). */
export function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function share(value: number | undefined, name: string): number {
	const v = value ?? 0;
	if (!(v >= 0 && v <= 1)) throw new RangeError(`faults.${name} must be a share between 0 and 1 (got ${value})`);
	return v;
}

export class FaultInjector {
	private random: () => number;
	private readonly shares: Record<(typeof EXCLUSIVE_KINDS)[number], number>;
	private readonly slowShare: number;

	constructor(private readonly options: FaultOptions = {}) {
		this.shares = Object.fromEntries(EXCLUSIVE_KINDS.map((k) => [k, share(options[k], k)])) as FaultInjector['shares'];
		const total = Object.values(this.shares).reduce((a, b) => a + b, 0);
		if (total > 1 + 1e-9) throw new RangeError(`faults: error5xx + reset + rateLimited + lostAfterStore must not exceed 1 (got ${total})`);
		this.slowShare = share(options.slow, 'slow');
		this.random = mulberry32(this.seed());
	}

	/** Back to the first draw of the seed. */
	reseed(): void {
		this.random = mulberry32(this.seed());
	}

	/** Always draws three numbers, so one request's plan never shifts the next one's. */
	next(): FaultPlan {
		const [pick, slow, status] = [this.random(), this.random(), this.random()];
		let kind: FaultKind = 'none';
		let threshold = 0;
		for (const candidate of EXCLUSIVE_KINDS) {
			threshold += this.shares[candidate];
			if (pick < threshold) {
				kind = candidate;
				break;
			}
		}
		return {
			kind,
			status: SERVER_ERROR_STATUSES[Math.floor(status * SERVER_ERROR_STATUSES.length)],
			extraDelayMs: slow < this.slowShare ? (this.options.slowMs ?? DEFAULT_SLOW_MS) : 0,
		};
	}

	private seed(): number {
		return this.options.seed ?? DEFAULT_SEED;
	}
}
