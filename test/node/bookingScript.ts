/**
 * A scripted HighLevel for the booking routes, until the sandbox serves them: one calendar's appointments in memory,
 * free slots every hour from 09:00 to 17:00 UTC written in the asked time zone, HighLevel's refusal of a taken
 * slot, HighLevel's rate-limit headers, and seeded faults (429, 500, reset, and the answer lost after the store).
 */
import { isoWithOffset, localDate } from '../../nodes/HighLevelCalendars/shared/dates';
import type { RecordedRequest } from '../../tools/contract/openapi';
import type { Script, ScriptedAnswer } from '../../tools/engine/scriptedServer';

export const CALENDAR_ID = 'calendarIntroCall001';
export const SLOT_TAKEN_MESSAGE = 'The slot you have selected is no longer available.';
const HOUR_MS = 3_600_000;

export interface StoredAppointment {
	[field: string]: unknown;
	id: string;
	calendarId: string;
	contactId: string;
	startTime: string;
	endTime: string;
	appointmentStatus: string;
}

export interface Faults {
	seed: number;
	rateLimited: number;
	error5xx: number;
	reset: number;
	lostAfterStore: number;
}

/** Mulberry32: the same faults for the same seed. */
function seeded(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface BookingScript {
	script: Script;
	appointments: StoredAppointment[];
}

const ok = (body: unknown): ScriptedAnswer => ({ status: 200, body });

export function bookingScript(faults?: Faults, slotDuration = 30): BookingScript {
	const appointments: StoredAppointment[] = [];
	const random = faults ? seeded(faults.seed) : () => 1;
	const live = () => appointments.filter((a) => a.appointmentStatus !== 'cancelled');
	const overlaps = (a: StoredAppointment, start: number, end: number) => Date.parse(a.startTime) < end && Date.parse(a.endTime) > start;

	const freeSlots = (req: RecordedRequest): ScriptedAnswer => {
		const [from, to] = [Number(req.query.startDate), Number(req.query.endDate)];
		if (to - from > 31 * 24 * HOUR_MS) return { status: 422, body: { statusCode: 422, message: 'Date range cannot be more than 31 days' } };
		const timeZone = req.query.timezone ?? 'UTC';
		const answer: Record<string, { slots: string[] }> = {};
		for (let hour = Math.ceil(from / HOUR_MS) * HOUR_MS; hour <= to; hour += HOUR_MS) {
			const utcHour = new Date(hour).getUTCHours();
			if (utcHour < 9 || utcHour > 16 || live().some((a) => overlaps(a, hour, hour + slotDuration * 60_000))) continue;
			const date = localDate(hour, timeZone);
			(answer[date] ??= { slots: [] }).slots.push(isoWithOffset(hour, timeZone));
		}
		return ok({ ...answer, traceId: 'trace' });
	};

	const book = (req: RecordedRequest, lost: boolean): ScriptedAnswer => {
		const body = req.body as Record<string, string>;
		const [start, end] = [Date.parse(body.startTime), Date.parse(body.endTime ?? body.startTime)];
		if (live().some((a) => a.calendarId === body.calendarId && overlaps(a, start, end))) {
			return { status: 400, body: { statusCode: 400, message: SLOT_TAKEN_MESSAGE } };
		}
		const stored: StoredAppointment = { appointmentStatus: 'confirmed', ...body, id: `appt${appointments.length + 1}`, endTime: body.endTime } as StoredAppointment;
		appointments.push(stored);
		return lost ? { status: 0, reset: true } : ok(stored);
	};

	const answer: Script = (req) => {
		const roll = random();
		if (faults) {
			let edge = faults.rateLimited;
			if (roll < edge) return { status: 429, body: { statusCode: 429, message: 'Too many requests' }, headers: { 'retry-after': '0' } };
			if (roll < (edge += faults.error5xx)) return { status: 500, body: { statusCode: 500, message: 'Internal server error' } };
			if (roll < (edge += faults.reset)) return { status: 0, reset: true };
		}
		const lost = faults !== undefined && roll >= 1 - faults.lostAfterStore;
		const eventId = /^\/calendars\/events(?:\/appointments)?\/([^/]+)$/.exec(req.path)?.[1];
		const found = appointments.find((a) => a.id === eventId);
		if (req.method === 'GET' && req.path === `/calendars/${CALENDAR_ID}`) {
			return ok({ calendar: { id: CALENDAR_ID, locationId: 'loc', name: 'Intro Call', slotDuration, slotDurationUnit: 'mins', teamMembers: [{ userId: 'user0001', isPrimary: true }] } });
		}
		if (req.method === 'GET' && req.path === `/calendars/${CALENDAR_ID}/free-slots`) return freeSlots(req);
		if (req.method === 'POST' && req.path === '/calendars/events/appointments') return book(req, lost);
		if (req.method === 'GET' && req.path === '/calendars/events') {
			const [from, to] = [Number(req.query.startTime), Number(req.query.endTime)];
			return ok({ events: appointments.filter((a) => a.calendarId === req.query.calendarId && overlaps(a, from, to + 1)) });
		}
		if (!found) return { status: 404, body: { statusCode: 404, message: 'Appointment not found' } };
		if (req.method === 'GET') return ok({ event: found });
		if (req.method === 'PUT') {
			Object.assign(found, req.body);
			return ok(found);
		}
		appointments.splice(appointments.indexOf(found), 1);
		return ok({ succeeded: true });
	};
	/** HighLevel's rate-limit headers on every answer, with a limit the tests never reach (the node paces to them). */
	const script: Script = (req, index) => {
		const scripted = answer(req, index);
		const remaining = scripted.status === 429 ? '0' : '99999';
		return { ...scripted, headers: { 'x-ratelimit-max': '100000', 'x-ratelimit-interval-milliseconds': '50', 'x-ratelimit-remaining': remaining, ...scripted.headers } };
	};
	return { script, appointments };
}
