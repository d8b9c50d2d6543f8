import { futureSkewMs } from './freshness';

/**
 * The `webhookId`s accepted by one trigger within the timestamp window, in this process's memory.
 * An id is kept until its delivery's timestamp leaves the window, after which the timestamp check
 * alone refuses it.
 */
export class ReplayMemory {
	private readonly expiries = new Map<string, number>();

	/** True the first time an id is offered while it is remembered, false for a repeat. */
	accept(webhookId: string, sentMs: number, nowMs: number, maxAgeMs: number): boolean {
		this.forgetExpired(nowMs);
		if (this.expiries.has(webhookId)) {
			return false;
		}
		this.expiries.set(webhookId, Math.max(sentMs, nowMs) + maxAgeMs + futureSkewMs);
		return true;
	}

	private forgetExpired(nowMs: number): void {
		for (const [id, expiry] of this.expiries) {
			if (expiry <= nowMs) {
				this.expiries.delete(id);
			}
		}
	}
}

const memories = new Map<string, ReplayMemory>();

/** One memory per trigger (workflow and node), shared by its deliveries in this process. */
export function replayMemoryFor(triggerKey: string): ReplayMemory {
	let memory = memories.get(triggerKey);
	if (!memory) {
		memory = new ReplayMemory();
		memories.set(triggerKey, memory);
	}
	return memory;
}

export function forgetReplayMemory(triggerKey: string): void {
	memories.delete(triggerKey);
}
