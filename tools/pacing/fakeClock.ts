/* eslint-disable @n8n/community-nodes/no-restricted-globals -- Node-only tooling: runs in Node, never inside n8n */
import type { PacingClock } from '../../nodes/HighLevelCalendars/transport/pacing/pacingClock';

interface Timer {
	at: number;
	order: number;
	wake: () => void;
}

/**
 * Simulated time: `sleep` only returns when `run` moves the clock to its end, and `run` moves it
 * only when every promise that could still act before then has settled. No wall-clock time involved.
 */
export class FakeClock implements PacingClock {
	private current = 0;
	private scheduled = 0;
	private readonly timers: Timer[] = [];

	now(): number {
		return this.current;
	}

	async sleep(ms: number): Promise<void> {
		return await new Promise((wake) => this.timers.push({ at: this.current + Math.max(0, ms), order: this.scheduled++, wake }));
	}

	/** Moves time on, timer by timer, until `work` settles; throws when it waits on nothing. */
	async run<T>(work: Promise<T>): Promise<T> {
		let settled = false;
		work.then(
			() => (settled = true),
			() => (settled = true),
		);
		for (;;) {
			// setImmediate runs after every queued promise reaction (and the ones those queue)
			await new Promise((resolve) => setImmediate(resolve));
			if (settled) return await work;
			const next = this.takeEarliest();
			if (!next) throw new Error('FakeClock: the work waits on something other than this clock');
			this.current = next.at;
			next.wake();
		}
	}

	private takeEarliest(): Timer | undefined {
		let earliest = -1;
		this.timers.forEach((timer, i) => {
			const best = this.timers[earliest];
			if (!best || timer.at < best.at || (timer.at === best.at && timer.order < best.order)) earliest = i;
		});
		return earliest < 0 ? undefined : this.timers.splice(earliest, 1)[0];
	}
}
