import { Refusal } from './refusal';

/** How far ahead of this clock a delivery's `timestamp` may be (the two clocks differ a little). */
export const futureSkewMs = 30_000;

/** ISO 8601 date and time with `Z` or an offset (`+hh:mm`, `+hhmm`); nothing read in this server's own zone. */
const isoWithZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const isoWithoutZone = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?$/i;

/** When the delivery says it was sent, in epoch ms, or why that cannot be read. */
function sentAt(timestamp: unknown): number | Refusal {
	if (typeof timestamp === 'number') {
		return new Refusal('timestamp is a number, not an ISO 8601 date with a time zone');
	}
	if (typeof timestamp !== 'string' || timestamp === '') {
		return new Refusal('timestamp missing');
	}
	if (isoWithoutZone.test(timestamp)) {
		return new Refusal('timestamp has no time zone (Z or an offset)');
	}
	const zone = isoWithZone.exec(timestamp)?.[1];
	const sentMs = zone ? Date.parse(timestamp.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : Number.NaN;
	if (Number.isNaN(sentMs) || !sameCalendarDay(timestamp, sentMs, zone ?? 'Z')) {
		return new Refusal('timestamp is not an ISO 8601 date');
	}
	return sentMs;
}

/** Date.parse rolls 30 February over into March: the day written must be the day read. */
function sameCalendarDay(timestamp: string, sentMs: number, zone: string): boolean {
	const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})$/.exec(zone) ?? ['', '+', '0', '0'];
	const offsetMs = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000;
	return new Date(sentMs + offsetMs).toISOString().slice(0, 10) === timestamp.slice(0, 10);
}

/** A delivery's `timestamp` must lie within `maxAgeMs` before now and `futureSkewMs` after. */
export function checkTimestamp(timestamp: unknown, nowMs: number, maxAgeMs: number): number | Refusal {
	const sentMs = sentAt(timestamp);
	if (typeof sentMs !== 'number') {
		return sentMs;
	}
	if (sentMs < nowMs - maxAgeMs) {
		return new Refusal('timestamp too old');
	}
	if (sentMs > nowMs + futureSkewMs) {
		return new Refusal('timestamp in the future');
	}
	return sentMs;
}
