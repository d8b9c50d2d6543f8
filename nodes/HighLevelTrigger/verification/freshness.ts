import { Refusal } from './refusal';

/** How far ahead of this clock a delivery's `timestamp` may be (the two clocks differ a little). */
export const futureSkewMs = 30_000;

/** A delivery's `timestamp` (ISO 8601) must lie within `maxAgeMs` before now and `futureSkewMs` after. */
export function checkTimestamp(timestamp: unknown, nowMs: number, maxAgeMs: number): number | Refusal {
	if (typeof timestamp !== 'string' || timestamp === '') {
		return new Refusal('timestamp missing');
	}
	const sentMs = Date.parse(timestamp);
	if (Number.isNaN(sentMs)) {
		return new Refusal('timestamp is not a date');
	}
	if (sentMs < nowMs - maxAgeMs) {
		return new Refusal('timestamp too old');
	}
	if (sentMs > nowMs + futureSkewMs) {
		return new Refusal('timestamp in the future');
	}
	return sentMs;
}
