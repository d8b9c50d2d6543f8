import type { HttpFailure } from './httpFailure';

const BASE_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 8_000;

/** Time for the OAuth2 refresh that won a race to be stored before a request refused in it is sent again. */
export const REFRESH_RACE_WAIT_MS = 1_000;

/** Exponential backoff with full jitter: a random wait up to 250 ms × 2^attempt (at most 8 s). */
function backoffMs(attempt: number): number {
	return Math.round(Math.random() * Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** attempt));
}

/** Up to a quarter more, so that clients sharing a limit do not all come back at the same moment. */
function jitterMs(waitMs: number): number {
	return Math.round(Math.random() * waitMs * 0.25);
}

export function isDailyBudgetSpent(failure: HttpFailure): boolean {
	return failure.status === 429 && failure.headers['x-ratelimit-daily-remaining'] === '0';
}

/** A failure after which the request may or may not have taken effect (a refused refresh: HighLevel did nothing). */
export function isAmbiguous(failure: HttpFailure): boolean {
	if (failure.refreshRefused) return false;
	return failure.lacks !== undefined || failure.status === undefined || failure.status >= 500;
}

/**
 * How long to wait before sending again, or undefined not to: a 429 (HighLevel did nothing) waits
 * Retry-After, else the limit's interval, else a backoff; an ambiguous failure backs off; the rest,
 * and a spent daily budget, are final.
 */
export function retryDelayMs(failure: HttpFailure, attempt: number): number | undefined {
	if (failure.refreshRefused) return undefined;
	if (failure.status === 429) {
		if (isDailyBudgetSpent(failure)) return undefined;
		const retryAfterSeconds = Number(failure.headers['retry-after']);
		const intervalMs = Number(failure.headers['x-ratelimit-interval-milliseconds']);
		const waitMs = Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0 ? retryAfterSeconds * 1000 : intervalMs;
		return waitMs > 0 ? waitMs + jitterMs(waitMs) : backoffMs(attempt);
	}
	return isAmbiguous(failure) ? backoffMs(attempt) : undefined;
}
