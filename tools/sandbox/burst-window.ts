/**
 * HighLevel's burst window, in the two shapes it may have (HighLevel does not say which it runs):
 * `fixed` counts from the first request after the last window ended and forgets everything when
 * `intervalMs` has passed; `sliding` never lets more than `max` requests into any span of `intervalMs`.
 * `remaining` is, in both, how many requests would be let in right now.
 */
export type WindowModel = 'fixed' | 'sliding';

export const WINDOW_MODELS: readonly WindowModel[] = ['fixed', 'sliding'];

export interface BurstWindow {
	/** requests counted in the window at `now` */
	count(now: number): number;
	add(now: number): void;
	/** when the next request will be let in again (`now` if it would be now) */
	freesAt(now: number): number;
}

class FixedWindow implements BurstWindow {
	private start = -Infinity;
	private counted = 0;

	constructor(
		private readonly max: number,
		private readonly intervalMs: number,
	) {}

	count(now: number): number {
		return now - this.start >= this.intervalMs ? 0 : this.counted;
	}

	add(now: number): void {
		if (now - this.start >= this.intervalMs) {
			this.start = now;
			this.counted = 0;
		}
		this.counted++;
	}

	freesAt(now: number): number {
		return this.count(now) < this.max ? now : this.start + this.intervalMs;
	}
}

class SlidingWindow implements BurstWindow {
	/** the times of the requests counted, oldest first */
	private readonly times: number[] = [];

	constructor(
		private readonly max: number,
		private readonly intervalMs: number,
	) {}

	count(now: number): number {
		while (this.times.length > 0 && this.times[0] <= now - this.intervalMs) this.times.shift();
		return this.times.length;
	}

	add(now: number): void {
		this.count(now);
		this.times.push(now);
	}

	freesAt(now: number): number {
		const count = this.count(now);
		return count < this.max ? now : this.times[count - this.max] + this.intervalMs;
	}
}

export function burstWindow(model: WindowModel, max: number, intervalMs: number): BurstWindow {
	return model === 'sliding' ? new SlidingWindow(max, intervalMs) : new FixedWindow(max, intervalMs);
}
