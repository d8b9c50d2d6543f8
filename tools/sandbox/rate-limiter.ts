/** HighLevel's rate limits: a fixed burst window and a daily budget per app and location (or company), with its headers. */

export interface RateLimitConfig {
	max: number;
	intervalMs: number;
	daily: number;
	retryAfter: boolean;
}

/** The bucket HighLevel counts a request in: the app's (a PIT counts as its own app) per location or per company. */
export function rateKey(app: string, resource: 'location' | 'company', id: string): string {
	return `${app}\u0000${resource}:${id}`;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { max: 100, intervalMs: 10_000, daily: 200_000, retryAfter: true };

const DAY_MS = 24 * 60 * 60 * 1000;

interface Window {
	start: number;
	count: number;
}

interface Bucket {
	burst: Window;
	day: Window;
}

export interface RateDecision {
	/** undefined when the request may go on */
	exceeded?: 'burst' | 'daily';
	headers: Record<string, string>;
}

export class RateLimiter {
	private readonly buckets = new Map<string, Bucket>();

	constructor(
		private readonly config: RateLimitConfig,
		private readonly now: () => number = Date.now,
	) {}

	/** Counts one request for `key` unless a limit is already spent. */
	consume(key: string): RateDecision {
		const bucket = this.bucket(key);
		if (bucket.day.count >= this.config.daily) {
			return { exceeded: 'daily', headers: this.headers(bucket, this.retryAfter(bucket.day, DAY_MS)) };
		}
		if (bucket.burst.count >= this.config.max) {
			return { exceeded: 'burst', headers: this.headers(bucket, this.retryAfter(bucket.burst, this.config.intervalMs)) };
		}
		bucket.burst.count++;
		bucket.day.count++;
		return { headers: this.headers(bucket) };
	}

	/** The headers for `key` without counting a request (for answers that must not count). */
	peek(key?: string): Record<string, string> {
		return this.headers(key === undefined ? this.freshBucket() : this.bucket(key));
	}

	/** Headers of a 429 the server decided on by itself (injected fault): no burst requests left. */
	exhausted(key: string): Record<string, string> {
		const bucket = this.bucket(key);
		const headers = this.headers(bucket, this.retryAfter(bucket.burst, this.config.intervalMs));
		return { ...headers, 'X-RateLimit-Remaining': '0' };
	}

	clear(): void {
		this.buckets.clear();
	}

	private bucket(key: string): Bucket {
		const now = this.now();
		let bucket = this.buckets.get(key);
		if (!bucket) {
			bucket = this.freshBucket();
			this.buckets.set(key, bucket);
		}
		if (now - bucket.burst.start >= this.config.intervalMs) bucket.burst = { start: now, count: 0 };
		if (now - bucket.day.start >= DAY_MS) bucket.day = { start: now, count: 0 };
		return bucket;
	}

	private freshBucket(): Bucket {
		const now = this.now();
		return { burst: { start: now, count: 0 }, day: { start: now, count: 0 } };
	}

	private retryAfter(window: Window, length: number): number | undefined {
		if (!this.config.retryAfter) return undefined;
		return Math.max(1, Math.ceil((window.start + length - this.now()) / 1000));
	}

	private headers(bucket: Bucket, retryAfterSeconds?: number): Record<string, string> {
		const headers: Record<string, string> = {
			'X-RateLimit-Limit-Daily': String(this.config.daily),
			'X-RateLimit-Daily-Remaining': String(Math.max(0, this.config.daily - bucket.day.count)),
			'X-RateLimit-Interval-Milliseconds': String(this.config.intervalMs),
			'X-RateLimit-Max': String(this.config.max),
			'X-RateLimit-Remaining': String(Math.max(0, this.config.max - bucket.burst.count)),
		};
		if (retryAfterSeconds !== undefined) headers['Retry-After'] = String(retryAfterSeconds);
		return headers;
	}
}
