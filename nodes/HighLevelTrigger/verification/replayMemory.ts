import { futureSkewMs } from './freshness';

/** The most `webhookId`s one memory keeps; past it the oldest goes first. */
export const replayMemoryCap = 10_000;

/**
 * The `webhookId`s accepted by one trigger within the timestamp window, in this process's memory, oldest first.
 * An id is kept until Max Age (and the allowed clock skew) after it was accepted, after which its delivery's
 * timestamp alone refuses it; ids are accepted in time order, so the expired ones are always at the front.
 */
export class ReplayMemory {
	private readonly expiries = new Map<string, number>();

	constructor(private readonly cap = replayMemoryCap) {}

	get size(): number {
		return this.expiries.size;
	}

	/** True the first time an id is offered while it is remembered, false for a repeat. */
	accept(webhookId: string, nowMs: number, maxAgeMs: number): boolean {
		this.forgetExpired(nowMs);
		if (this.expiries.has(webhookId)) {
			return false;
		}
		if (this.expiries.size >= this.cap) {
			this.expiries.delete(this.expiries.keys().next().value as string);
		}
		this.expiries.set(webhookId, nowMs + maxAgeMs + futureSkewMs);
		return true;
	}

	private forgetExpired(nowMs: number): void {
		for (const [id, expiry] of this.expiries) {
			if (expiry > nowMs) {
				return;
			}
			this.expiries.delete(id);
		}
	}
}

/** Test URL deliveries (the editor listening) and production ones are remembered apart. */
export type DeliveryUrl = 'test' | 'production';

const memories = new Map<string, ReplayMemory>();

/**
 * One memory per trigger (workflow and node) and URL, shared by its deliveries in this process. Saving,
 * re-activating or test-listening forgets nothing: ids leave only by age or the cap.
 */
export function replayMemoryFor(triggerKey: string, url: DeliveryUrl): ReplayMemory {
	const key = `${triggerKey}:${url}`;
	let memory = memories.get(key);
	if (!memory) {
		memory = new ReplayMemory();
		memories.set(key, memory);
	}
	return memory;
}
