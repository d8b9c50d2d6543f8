import { sleep } from 'n8n-workflow';

interface Window {
	max: number;
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
 * pause after a 429. Shared by the executions of one n8n process.
 */
export class RateGovernor {
	private readonly windows = new Map<string, Window>();

	async acquire(key: string): Promise<void> {
		const window = this.window(key);
		for (;;) {
			const now = Date.now();
			const span = window.intervalMs + safetyMargin(window.intervalMs);
			while (window.sentAt.length > 0 && window.sentAt[0] <= now - span) window.sentAt.shift();
			if (window.pausedUntil <= now && window.sentAt.length < window.max) {
				window.sentAt.push(now);
				return;
			}
			const freeAt = window.sentAt.length < window.max ? now : window.sentAt[0] + span;
			await sleep(Math.max(1, Math.max(freeAt, window.pausedUntil) - now));
		}
	}

	/** Learns the limit from an answer's X-RateLimit-* headers. */
	observe(key: string, headers: Record<string, string>): void {
		const window = this.window(key);
		const max = Number(headers['x-ratelimit-max']);
		const intervalMs = Number(headers['x-ratelimit-interval-milliseconds']);
		if (Number.isInteger(max) && max > 0) window.max = max;
		if (Number.isFinite(intervalMs) && intervalMs > 0) window.intervalMs = intervalMs;
	}

	pause(key: string, ms: number): void {
		const window = this.window(key);
		window.pausedUntil = Math.max(window.pausedUntil, Date.now() + ms);
	}

	intervalMs(key: string): number {
		return this.window(key).intervalMs;
	}

	private window(key: string): Window {
		let window = this.windows.get(key);
		if (!window) {
			window = { max: DEFAULT_MAX, intervalMs: DEFAULT_INTERVAL_MS, sentAt: [], pausedUntil: 0 };
			this.windows.set(key, window);
		}
		return window;
	}
}

export const rateGovernor = new RateGovernor();
