/** How well a run used HighLevel's burst limit: the share of it used, and the earliest the limit allows a run to end. */
import { burstWindow, type WindowModel } from '../sandbox/burst-window';
import type { LoggedRequest } from '../sandbox/request-log';

/** The requests HighLevel counted: all it answered but its 429s and the IAM's 401s. */
export function countedRequests(requests: LoggedRequest[]): LoggedRequest[] {
	return requests.filter((r) => r.status !== 429 && r.status !== 401);
}

/** (requests counted ÷ the limit's rate) ÷ (time from the first to the last of them). */
export function limitUsed(requests: LoggedRequest[], max: number, intervalMs: number): number {
	const times = countedRequests(requests).map((r) => r.receivedAt);
	const spanMs = Math.max(...times) - Math.min(...times);
	return times.length / (max / intervalMs) / spanMs;
}

/**
 * The earliest the limit lets the last of `count` requests be answered, from when the first one
 * goes: each sent as soon as the window model lets it in, answered `latencyMs` later.
 */
export function trueBoundMs(model: WindowModel, count: number, max: number, intervalMs: number, latencyMs: number): number {
	const window = burstWindow(model, max, intervalMs);
	let at = 0;
	for (let i = 0; i < count; i++) {
		at = window.freesAt(at);
		window.add(at);
	}
	return at + latencyMs;
}
