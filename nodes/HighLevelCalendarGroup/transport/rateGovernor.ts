import { sleep } from 'n8n-workflow';

interface Window {
	max: number;
	/** The part of `max` this process takes: halved on each 429, grown back on each success. */
	share: number;
	intervalMs: number;
	sentAt: number[];
	pausedUntil: number;
}

/** HighLevel's published burst limit, used until a response states the real one. */
const DEFAULT_MAX = 100;
const DEFAULT_INTERVAL_MS = 10_000;

/** Slack for the difference between when a request leaves here and when HighLevel counts it. */
function safetyMargin(intervalMs: number): number {
	return Math.max(50, Math.round(intervalMs * 0.02));
}

/**
 * Paces requests per HighLevel rate-limit key (app and location): at most `X-RateLimit-Max`
 * requests in any span of `X-RateLimit-Interval-Milliseconds`, learnt from the answers, and a
 * pause after a 429. Shared by the executions of one n8n process; other processes using the same
 * limit (queue-mode workers) show in `X-RateLimit-Remaining`, and their share is left to them.
 */
export class RateGovernor {
	private readonly windows = new Map<string, Window>();

	async acquire(key: string): Promise<void> {
		const window = this.window(key);
		for (;;) {
			const now = Date.now();
			const span = this.expire(window, now);
			const budget = Math.max(1, Math.floor(window.max * window.share));
			if (window.pausedUntil <= now && window.sentAt.length < budget) {
				window.sentAt.push(now);
				return;
			}
			const freeAt = window.sentAt.length < budget ? now : window.sentAt[window.sentAt.length - budget] + span;
			await sleep(Math.max(1, Math.max(freeAt, window.pausedUntil) - now));
		}
	}

	/**
	 * Learns the limit from an answer's X-RateLimit-* headers. When HighLevel counts more requests
	 * in its window than this process sent, others share the limit: their requests are counted as
	 * if sent now, so this process leaves them their part of the window.
	 */
	observe(key: string, headers: Record<string, string>): void {
		const window = this.window(key);
		const max = Number(headers['x-ratelimit-max']);
		const intervalMs = Number(headers['x-ratelimit-interval-milliseconds']);
		const remaining = Number(headers['x-ratelimit-remaining']);
		if (Number.isInteger(max) && max > 0) window.max = max;
		if (Number.isFinite(intervalMs) && intervalMs > 0) window.intervalMs = intervalMs;
		if (!Number.isInteger(remaining) || remaining < 0 || headers['x-ratelimit-remaining'] === '') return;
		const now = Date.now();
		this.expire(window, now);
		const countedByHighLevel = window.max - remaining;
		while (window.sentAt.length < countedByHighLevel) window.sentAt.push(now);
	}

	/** After a 429: no request for `ms`, and a smaller share of the limit from then on. */
	pause(key: string, ms: number): void {
		const window = this.window(key);
		window.pausedUntil = Math.max(window.pausedUntil, Date.now() + ms);
		window.share = Math.max(1 / window.max, window.share / 2);
	}

	succeeded(key: string): void {
		const window = this.window(key);
		window.share = Math.min(1, window.share + 1 / window.max);
	}

	intervalMs(key: string): number {
		return this.window(key).intervalMs;
	}

	/** Drops the sends older than the span they count in; returns that span. */
	private expire(window: Window, now: number): number {
		const span = window.intervalMs + safetyMargin(window.intervalMs);
		while (window.sentAt.length > 0 && window.sentAt[0] <= now - span) window.sentAt.shift();
		return span;
	}

	private window(key: string): Window {
		let window = this.windows.get(key);
		if (!window) {
			window = { max: DEFAULT_MAX, share: 1, intervalMs: DEFAULT_INTERVAL_MS, sentAt: [], pausedUntil: 0 };
			this.windows.set(key, window);
		}
		return window;
	}
}

export const rateGovernor = new RateGovernor();
