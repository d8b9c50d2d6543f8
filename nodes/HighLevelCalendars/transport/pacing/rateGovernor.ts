import { type PacingClock, realClock } from './pacingClock';
import { LimitShare } from './limitShare';

/**
 * Paces requests per HighLevel rate-limit key (app and location), shared by the executions of one
 * n8n process. Other processes on the same limit (queue-mode workers) cannot be asked; what they
 * send shows in `X-RateLimit-Remaining`, from which LimitShare works out this process's part.
 * The transport calls acquire before each send, observe with every answer's headers, succeeded
 * after a success and pause after a 429.
 */
export class RateGovernor {
	private readonly limits = new Map<string, LimitShare>();
	/** per key, the turn of the request that asked last */
	private readonly queues = new Map<string, Promise<void>>();

	constructor(private readonly clock: PacingClock = realClock) {}

	/** Resolves when a request for `key` may go; requests go in the order they asked. */
	async acquire(key: string): Promise<void> {
		const limit = this.limit(key);
		const turn = (this.queues.get(key) ?? Promise.resolve()).then(async () => {
			for (;;) {
				const waitMs = limit.waitMs(this.clock.now());
				if (waitMs <= 0) break;
				await this.clock.sleep(waitMs);
			}
			limit.sent(this.clock.now());
		});
		this.queues.set(key, turn);
		await turn;
	}

	/** Learns from an answer's X-RateLimit-* headers; call once per acquire, whatever the answer. */
	observe(key: string, headers: Record<string, string>): void {
		this.limit(key).answered(headers, this.clock.now());
	}

	/** After a 429: the request did not count, and this process takes a smaller part of the limit. */
	pause(key: string): void {
		this.limit(key).rejected();
	}

	succeeded(key: string): void {
		this.limit(key).accepted();
	}

	private limit(key: string): LimitShare {
		let limit = this.limits.get(key);
		if (!limit) {
			limit = new LimitShare();
			this.limits.set(key, limit);
		}
		return limit;
	}
}

export const rateGovernor = new RateGovernor();
