/** HighLevel's published burst limit, used until an answer states the real one. */
const DEFAULT_MAX = 100;
const DEFAULT_INTERVAL_MS = 10_000;
/** Part of the limit left unused while other processes share it, for what their next requests may take. */
const SHARED_RESERVE = 0.05;
/** Fewer requests than this part of the limit tell too little about who sent them. */
const MIN_SAMPLE = 0.2;
/** How often a request held back looks again, while answers may change what is free. */
const RECHECK_MS = 10;
/** Requests still waiting for their answer after this long are taken as lost. */
const FORGET_AFTER_MS = 10 * 60_000;

/**
 * One process's view of one HighLevel rate limit, from the X-RateLimit-* headers and its own
 * requests; other processes on the limit show only in HighLevel's count (`Max − Remaining`).
 * HighLevel counts a request when it arrives and answers with the count as of then, so an answer is
 * matched with the oldest request still waiting for one.
 * - Share: what this process's requests make of that count, in the same window (the last
 *   interval, or since a fixed window was seen to restart, i.e. the count dropped at once), taken
 *   once the window holds a fifth of the limit or a quarter of an interval; a process that joined
 *   others already sending weighs its requests over the time it has been sending.
 * - Pacing: requests go evenly at that share of the limit (less a reserve when shared), which keeps
 *   any span of one interval under it, whether HighLevel's window is fixed or sliding.
 * - Gate: no request while the last count, with what this process and (at their rate) the others
 *   sent since, leaves nothing free; if nothing is under way, one goes now and then to ask.
 * - Sliding window (no restart seen): `Remaining` frees slots for good, so this process may also
 *   take its share of them before its paced turn, though no faster than the whole limit spread
 *   evenly; in a fixed window it would only mean early in it.
 * - A 429 takes 20% off until successes win it back, 2% each.
 */
export class LimitShare {
	max = DEFAULT_MAX;
	intervalMs = DEFAULT_INTERVAL_MS;
	/** what this process's requests make of HighLevel's count, 0..1 */
	private share = 1;
	/** 1, less after 429s, grown back by successes */
	private backoff = 1;
	/** when this process sent the requests that may still count, oldest first */
	private readonly sendTimes: number[] = [];
	/** when the requests waiting for their answer were sent, oldest first */
	private readonly awaiting: number[] = [];
	private lastAnswered?: number;
	/** HighLevel's last count: when it counted, the count, and how much of it others sent */
	private last?: { countedAt: number; count: number; others: number };
	private firstAnswerAt?: number;
	private firstCountedAt?: number;
	/** when the others' requests in HighLevel's count began: with this process if they were few then, else long before */
	private othersSince = -Infinity;
	private lastAnswerAt = -Infinity;
	/** when HighLevel's window was last seen to restart at once (a fixed window) */
	private windowStart = -Infinity;
	private lastSentAt = -Infinity;
	/** when this process's next paced request may go */
	private nextSendAt = -Infinity;

	/** How long to wait before a request may go; 0 or less: now. */
	waitMs(now: number): number {
		this.forgetIfStale(now);
		const free = this.free(now);
		// with nothing under way no answer will tell more: one request goes to ask
		if (free.all < 1) return this.awaiting.length > 0 ? this.recheckMs() : this.lastAnswerAt + this.intervalMs / 10 - now;
		if (this.nextSendAt <= now) return 0;
		if (!this.slidingWindow(now) || free.mine < 1) return this.nextSendAt - now;
		// early, but no faster than the whole limit spread evenly: a burst would come back an interval later
		const earlyAt = this.lastSentAt + (this.intervalMs + this.marginMs()) / this.max;
		return Math.min(this.nextSendAt, earlyAt) - now;
	}

	sent(at: number): void {
		this.lastSentAt = at;
		this.sendTimes.push(at);
		this.awaiting.push(at);
		const gap = this.gapMs();
		// after an idle spell at most one request goes without a gap before it
		this.nextSendAt = Math.max(this.nextSendAt, at - gap) + gap;
	}

	answered(headers: Record<string, string>, now: number): void {
		this.forgetIfStale(now);
		this.learnLimit(headers);
		this.forgetBefore(now);
		this.lastAnswered = this.awaiting.shift();
		this.lastAnswerAt = now;
		const remaining = Number(headers['x-ratelimit-remaining']);
		if (headers['x-ratelimit-remaining'] === undefined || !Number.isInteger(remaining) || remaining < 0) return;
		const countedAt = this.lastAnswered ?? now;
		this.firstAnswerAt ??= now;
		const count = this.max - remaining;
		if (this.firstCountedAt === undefined) {
			this.firstCountedAt = countedAt;
			this.othersSince = count < MIN_SAMPLE * this.max ? countedAt : -Infinity;
		}
		if (this.last && count < this.last.count - this.max / 2 && countedAt >= this.last.countedAt) this.windowStart = countedAt;
		const from = Math.max(countedAt - this.intervalMs, this.windowStart);
		const own = this.sendTimes.filter((at) => at >= from && at <= countedAt).length;
		this.last = { countedAt, count, others: Math.max(0, count - own) };
		// a sample is worth taking once it holds enough requests, or a quarter of the window
		const sampled = count >= MIN_SAMPLE * this.max || countedAt - Math.max(from, this.firstCountedAt ?? countedAt) >= this.intervalMs / 4;
		if (count > 0 && sampled) this.share = this.shareOf(own, count - own, countedAt, from);
	}

	/**
	 * Own requests against the others', each as a rate over the time it was sent in: a process that
	 * joined late counts its few requests over its short time, not the whole window, or it would
	 * keep the small part it started with.
	 */
	private shareOf(own: number, others: number, countedAt: number, from: number): number {
		const spanSince = (start: number) => Math.max(this.marginMs(), countedAt - Math.max(from, start));
		const ownRate = own / spanSince(this.firstCountedAt ?? countedAt);
		const othersRate = others / spanSince(this.othersSince);
		return ownRate + othersRate > 0 ? Math.min(1, ownRate / (ownRate + othersRate)) : 1;
	}

	/** The last answered request was a 429: it did not count, and this process takes less. */
	rejected(): void {
		const at = this.lastAnswered === undefined ? -1 : this.sendTimes.indexOf(this.lastAnswered);
		if (at >= 0) this.sendTimes.splice(at, 1);
		this.backoff = Math.max(0.25, this.backoff * 0.8);
	}

	accepted(): void {
		this.backoff = Math.min(1, this.backoff + 0.02);
	}

	/** A count from before the last interval says nothing about now: start again as if new, with one request to ask. */
	private forgetIfStale(now: number): void {
		if (!this.last || now - this.last.countedAt <= this.intervalMs + this.marginMs()) return;
		this.last = undefined;
		this.firstAnswerAt = undefined;
		this.firstCountedAt = undefined;
		this.share = 1;
		this.backoff = 1;
	}

	/** No restart seen for two intervals: `Remaining` then tells what is free for the next interval. */
	private slidingWindow(now: number): boolean {
		return this.firstAnswerAt !== undefined && now - this.firstAnswerAt >= this.intervalMs && now - this.windowStart >= 2 * this.intervalMs;
	}

	/** Held back while requests are under way: until the next answer may free some. */
	private recheckMs(): number {
		return this.last ? RECHECK_MS : this.gapMs();
	}

	private reserve(): number {
		return this.share < 1 ? SHARED_RESERVE * this.max : 0;
	}

	/** Time between two paced requests: this process's share of the limit spread evenly. */
	private gapMs(): number {
		const perInterval = Math.max(1, this.share * (this.max - this.reserve()) * this.backoff);
		return (this.intervalMs + this.marginMs()) / perInterval;
	}

	/**
	 * Requests HighLevel would let in now (`all`), and of those the ones this process may take before
	 * its paced turn (`mine`): its share of what was free when HighLevel last counted, less what it
	 * sent since. Counted: this process's requests of the last interval, and the others' as last
	 * counted with what they may have sent since at their rate.
	 */
	private free(now: number): { all: number; mine: number } {
		if (!this.last) return { all: this.awaiting.length === 0 ? 1 : 0, mine: 0 };
		const { countedAt, others } = this.last;
		const own = this.sendTimes.filter((at) => at > now - this.intervalMs - this.marginMs()).length;
		// sent close to the counted one: may have arrived after it
		const ownSince = this.sendTimes.filter((at) => at > countedAt - this.marginMs()).length;
		const elapsed = Math.min(1, Math.max(0, now - countedAt) / this.intervalMs);
		const all = this.max - own - others * (1 + elapsed);
		return { all, mine: this.share * this.backoff * (all + ownSince - this.reserve()) - ownSince };
	}

	/** Slack for the difference between when a request leaves here and when HighLevel counts it. */
	private marginMs(): number {
		return Math.max(10, this.intervalMs * 0.01);
	}

	private learnLimit(headers: Record<string, string>): void {
		const max = Number(headers['x-ratelimit-max']);
		const intervalMs = Number(headers['x-ratelimit-interval-milliseconds']);
		if (Number.isInteger(max) && max > 0) this.max = max;
		if (Number.isFinite(intervalMs) && intervalMs > 0) this.intervalMs = intervalMs;
	}

	private forgetBefore(now: number): void {
		while (this.sendTimes.length > 0 && this.sendTimes[0] < now - 2 * this.intervalMs) this.sendTimes.shift();
		while (this.awaiting.length > 0 && this.awaiting[0] < now - FORGET_AFTER_MS) this.awaiting.shift();
	}
}
