/** HighLevel's published burst limit, used until an answer states the real one. */
const DEFAULT_MAX = 100;
const DEFAULT_INTERVAL_MS = 10_000;
/** Part of the limit left unused while other processes share it, for what their next requests may take. */
const SHARED_RESERVE = 0.05;
/** Fewer requests than this part of the limit tell too little about who sent them. */
const MIN_SAMPLE = 0.05;
/** The span over which the others' current rate is taken (a fifth of it at first). */
const RECENT_MS = 250;
/** Part of the limit a key's first interval lets go at once, above its even rise, when its first request went alone. */
const START_ALLOWANCE = 0.05;
/** How often a request held back looks again, while answers may change what is free. */
const RECHECK_MS = 10;
/** Requests still waiting for their answer after this long are taken as lost. */
const FORGET_AFTER_MS = 10 * 60_000;

/**
 * One process's view of one HighLevel rate limit, from the X-RateLimit-* headers and its own
 * requests; other processes on the limit show only in HighLevel's count (`Max − Remaining`).
 * HighLevel counts a request when it arrives and answers with the count as of then, so an answer is
 * matched with the oldest request still waiting for one.
 * - Share: this process's rate against the others', in the same window (the last interval, or
 *   since a fixed window was seen to restart, i.e. the count dropped at once), taken once the window
 *   holds a twentieth of the limit or a quarter of an interval; a process that joined others already
 *   sending weighs its requests over the time it has been sending. The others' rate is what they
 *   sent over the last RECENT_MS, so a process takes over at once when the others stop; for an
 *   interval after a sliding window was full, it is their average over the window instead: the
 *   burst that filled it leaves at a rate no answer shows, and read as the others stopping it made
 *   every process speed up at once, a burst echoed one interval later, round after round.
 * - Pacing: requests go evenly at that share of the limit (less a reserve when shared), which keeps
 *   any span of one interval under it, whether HighLevel's window is fixed or sliding.
 * - Gate: no request while the last count, with what this process and (at their rate) the others
 *   sent since, leaves nothing free; if nothing is under way, one goes now and then to ask. In a
 *   key's first interval the count may only rise evenly at the limit's rate (less the reserve once
 *   others are seen), from the first count seen: processes that start together cannot see each other
 *   before their first answers, and a window filled early stays full until its first requests leave
 *   it; a first request that went alone leaves a START_ALLOWANCE above that rise. Before any count (at
 *   first, or after an idle interval) this process's own requests rise so from its first, at the limit
 *   it last heard of (HighLevel's published one until an answer tells it), rather than waiting a round
 *   trip for a count; then no allowance comes on top, and that first interval keeps one request of the
 *   limit free: HighLevel may count its first request well after it left (a new connection), and its
 *   window then opens later than this process's.
 *   Requests are not sent early into what the gate shows free: in a sliding window a burst comes
 *   back one interval later as a gap, round after round.
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
	/** the others' part of HighLevel's count over the last interval and a bit, oldest first */
	private othersSeen: Array<{ countedAt: number; others: number; windowStart: number }> = [];
	private firstCountedAt?: number;
	/** when the others' requests in HighLevel's count began: with this process if they were few then, else long before */
	private othersSince = -Infinity;
	private lastAnswerAt = -Infinity;
	/** when HighLevel's window was last seen to restart at once (a fixed window) */
	private windowStart = -Infinity;
	/** when HighLevel last counted a full window (Remaining 0) */
	private fullAt = -Infinity;
	/** when HighLevel's count would have begun to rise, at the limit's rate, to the first count this process saw */
	private riseFrom = -Infinity;
	/** START_ALLOWANCE of the limit, or none when requests went before the first count (they rose evenly already) */
	private allowance = 0;
	/** when this process's next paced request may go */
	private nextSendAt = -Infinity;
	/** when this process sent its first request with no count of HighLevel's to go by */
	private uncountedSince?: number;

	/** How long to wait before a request may go; 0 or less: now. */
	waitMs(now: number): number {
		this.forgetIfStale(now);
		const free = this.free(now);
		// with nothing under way no answer will tell more: one request goes to ask
		if (free < 1) return this.awaiting.length > 0 ? this.recheckMs(free) : this.lastAnswerAt + this.intervalMs / 10 - now;
		return this.nextSendAt - now;
	}

	sent(at: number): void {
		if (!this.last) this.uncountedSince ??= at;
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
		const count = this.max - remaining;
		if (remaining === 0) this.fullAt = countedAt;
		if (this.firstCountedAt === undefined) {
			this.firstCountedAt = countedAt;
			this.riseFrom = countedAt - (count * this.intervalMs) / this.max;
			this.allowance = this.awaiting.length > 0 ? 0 : START_ALLOWANCE * this.max;
			this.othersSince = count < MIN_SAMPLE * this.max ? countedAt : -Infinity;
		}
		if (this.last && count < this.last.count - this.max / 2 && countedAt >= this.last.countedAt) this.windowStart = countedAt;
		const from = Math.max(countedAt - this.intervalMs, this.windowStart);
		const own = this.sendTimes.filter((at) => at >= from && at <= countedAt).length;
		this.last = { countedAt, count, others: Math.max(0, count - own) };
		this.othersSeen.push({ countedAt, others: this.last.others, windowStart: this.windowStart });
		while (this.othersSeen.length > 0 && this.othersSeen[0].countedAt < countedAt - this.intervalMs - RECENT_MS) this.othersSeen.shift();
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
		const othersRate = this.othersRecentRate(countedAt) ?? others / spanSince(this.othersSince);
		return ownRate + othersRate > 0 ? Math.min(1, ownRate / (ownRate + othersRate)) : 1;
	}

	/**
	 * What the others sent per ms over the last RECENT_MS: the change in their part of the count, plus
	 * (in a sliding window, once they have sent for an interval) what left the window meanwhile, taken
	 * at their average over the window. Over a fifth of RECENT_MS until a count that old was seen;
	 * undefined before, and for an interval after a sliding window was full.
	 */
	private othersRecentRate(countedAt: number): number | undefined {
		const latest = this.othersSeen[this.othersSeen.length - 1];
		const before =
			[...this.othersSeen].reverse().find((seen) => seen.countedAt <= countedAt - RECENT_MS) ??
			this.othersSeen.find((seen) => seen.countedAt <= countedAt - RECENT_MS / 5);
		if (!latest || !before || before.windowStart !== latest.windowStart) return undefined;
		if (this.othersLeaveWindowAt(countedAt) && countedAt - this.fullAt < this.intervalMs) return undefined;
		const spanMs = latest.countedAt - before.countedAt;
		const leftWindow = this.othersLeaveWindowAt(countedAt) ? (before.others / this.intervalMs) * spanMs : 0;
		return Math.max(0, (latest.others - before.others + leftWindow) / spanMs);
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
		this.uncountedSince = undefined;
		this.firstCountedAt = undefined;
		this.share = 1;
		this.backoff = 1;
		this.othersSeen = [];
		this.windowStart = -Infinity;
	}

	/**
	 * Whether the others' oldest requests leave HighLevel's window as they send: a sliding window (a
	 * fixed one restarts every interval, so none seen to restart within two of them), in which they
	 * have sent for an interval.
	 */
	private othersLeaveWindowAt(at: number): boolean {
		const fixedWindow = at - this.windowStart < 2 * this.intervalMs;
		return !fixedWindow && at - this.intervalMs >= this.othersSince;
	}

	/** Held back while requests are under way: until the next answer may free some, or the even rise one (at least 1 ms). */
	private recheckMs(free: number): number {
		return Math.min(this.last ? RECHECK_MS : this.gapMs(), Math.max(1, this.riseMs(1 - free)));
	}

	/** How long the even rise takes to free `requests`. */
	private riseMs(requests: number): number {
		return (requests * this.intervalMs) / (this.max - this.reserve());
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
	 * Requests HighLevel would let in now, or in a key's first interval what an even rise allows.
	 * Counted: this process's requests of the last interval, and the others' as last counted with what
	 * they may have sent since. Before HighLevel's first count, the even rise starts at this process's
	 * first request and only its own requests count.
	 */
	private free(now: number): number {
		const since = now - this.intervalMs - this.marginMs();
		const own = this.sendTimes.filter((at) => at > since).length;
		const rise = (from: number) => (now - from) / this.riseMs(1);
		const cap = this.uncountedSince !== undefined && this.uncountedSince > since ? this.max - 1 : this.max;
		if (!this.last) return Math.min(cap, 1 + rise(this.uncountedSince ?? now)) - own;
		const elapsedMs = Math.min(this.intervalMs, Math.max(0, now - this.last.countedAt));
		return Math.min(cap, rise(this.riseFrom) + this.allowance) - own - this.othersAfter(elapsedMs);
	}

	/**
	 * The others' part of the count `elapsedMs` after HighLevel last counted: as counted, and what they
	 * sent since at their rate. In a sliding window (once they have sent for an interval) their oldest
	 * requests leave it meanwhile, at a rate this process cannot see: it counts a quarter of what they send.
	 */
	private othersAfter(elapsedMs: number): number {
		if (!this.last) return 0;
		const { countedAt, others } = this.last;
		return others * (1 + ((this.othersLeaveWindowAt(countedAt) ? 0.25 : 1) * elapsedMs) / this.intervalMs);
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
