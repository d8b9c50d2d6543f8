import { type PacingClock, realClock } from './pacingClock';

/**
 * Spreads one execution's requests over the round trip: each leaves at least half a round trip,
 * shared by Max Requests In Flight, after the one before. Requests that leave together come back
 * together and wait for each other's handling on n8n's one thread, round after round; spread out,
 * each is handled as it comes.
 */
export class SendSpacing {
	private nextAt = -Infinity;
	private roundTripMs?: number;

	constructor(
		private readonly maxInFlight: number,
		private readonly clock: PacingClock = realClock,
	) {}

	/** Resolves when the next request may leave, with the time it leaves. */
	async turn(): Promise<number> {
		const now = this.clock.now();
		const at = Math.max(now, this.nextAt);
		this.nextAt = at + (this.roundTripMs ?? 0) / (2 * this.maxInFlight);
		if (at > now) await this.clock.sleep(at - now);
		return at;
	}

	/** The request that left at `sentAt` has its answer (or failure). */
	answered(sentAt: number): void {
		const tookMs = this.clock.now() - sentAt;
		this.roundTripMs = this.roundTripMs === undefined ? tookMs : 0.9 * this.roundTripMs + 0.1 * tookMs;
	}
}
