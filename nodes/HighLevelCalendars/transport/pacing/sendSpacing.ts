import { type PacingClock, realClock } from './pacingClock';

/**
 * How one execution's requests share Max Requests In Flight: at most that many at once (an item may
 * send several together), each leaving at least half a round trip, shared by the lanes, after the one
 * before. Requests that leave together come back together and wait for each other's handling on n8n's
 * one thread, round after round; spread out, each is handled as it comes.
 */
export class SendSpacing {
	private nextAt = -Infinity;
	private roundTripMs?: number;
	private inFlight = 0;
	/** requests waiting for a lane, oldest first: each is handed the lane of an answered one */
	private readonly waiting: Array<() => void> = [];

	constructor(
		private readonly maxInFlight: number,
		private readonly clock: PacingClock = realClock,
	) {}

	/** Resolves when one of the lanes is the request's; `answered` gives it back. */
	async enter(): Promise<void> {
		if (this.inFlight < this.maxInFlight) {
			this.inFlight++;
			return;
		}
		await new Promise<void>((handOver) => this.waiting.push(handOver));
	}

	/** Resolves when the next request may leave, with the time it leaves. */
	async turn(): Promise<number> {
		const now = this.clock.now();
		const at = Math.max(now, this.nextAt);
		this.nextAt = at + (this.roundTripMs ?? 0) / (2 * this.maxInFlight);
		if (at > now) await this.clock.sleep(at - now);
		return at;
	}

	/** The request that left at `sentAt` has its answer (or failure): its lane is free. */
	answered(sentAt: number): void {
		const tookMs = this.clock.now() - sentAt;
		this.roundTripMs = this.roundTripMs === undefined ? tookMs : 0.9 * this.roundTripMs + 0.1 * tookMs;
		const next = this.waiting.shift();
		if (next) next();
		else this.inFlight--;
	}
}
