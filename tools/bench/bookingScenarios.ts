/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * Bench scenarios 6 and 7, the booking routes of one sub-account (the sandbox's demo location, New York) with 100 ms
 * latency and 100 requests per second:
 *   6. 1,000 Books spread over 100 calendars (10 slots of tomorrow each, one contact per booking, End Time empty so
 *      each calendar's slot duration is read once): against the bound the limit and Max Requests In Flight set;
 *      duplicates are a contact booked twice or a slot of a calendar booked twice.
 *   7. Get Free Slots over 90 days for 20 calendars: each range asked for in 3 parts of at most 31 days, together
 *      (60 requests), One Item per Day; against the bound the limit and Max Requests In Flight set.
 * The calendars (open every day, 9:00 to 17:00, 30-minute slots) and contacts are made, and a one-calendar run warms
 * the engine up, before the timing starts. The sandbox runs in a process of its own (its CLI): in this one its CPU
 * (free slots of 31 days × 16 slots per request, spec checks of every request and answer) ran on the node's event loop
 * and counted against the node (scenario 7: about 0.3 s of the 1.1 s a run took, the node's own work about 0.1 s).
 * The bounds take the limit as the node uses it: evenly, one request every interval ÷ max (README: even pacing keeps
 * every span of HighLevel's window, fixed or sliding, under the limit, also when processes share it), not in bursts
 * at each window's start; the note also prints the bound of such bursts.
 */
import { DateTime } from 'luxon';
import { setTimeout as sleep } from 'timers/promises';

import { DEFAULT_MAX_IN_FLIGHT } from '../../nodes/HighLevelCalendars/description/commonFields';
import { SANDBOX_LOCATION, sandboxCredentials } from '../engine/credentials';
import { runWorkflow } from '../engine/runWorkflow';
import { NODE_NAME, singleNodeWorkflow } from '../engine/workflows';
import { countedRequests, trueBoundMs } from '../pacing/limitUse';
import { addSandboxContact } from '../sandbox/admin-client';
import { OPEN_EVERY_DAY } from '../sandbox/harness';
import { startSandboxProcess, type SandboxProcess } from '../sandbox/sandboxProcess';
import { LATENCY_MS, LIMIT, runErrors, timed } from './agencyScenario';

const ZONE = 'America/New_York';
const BOOKINGS = 1000;
const BOOKING_CALENDARS = 100;
const SLOT_MS = 30 * 60_000;
const FREE_SLOT_CALENDARS = 20;
const FREE_SLOT_DAYS = 90;

/** A calendar open every day, 9:00 to 17:00, with 30-minute slots, made over the sandbox's API. */
async function openCalendar(sandbox: SandboxProcess, name: string): Promise<string> {
	const body = { locationId: SANDBOX_LOCATION, name, calendarType: 'event', slotDuration: 30, slotInterval: 30, openHours: OPEN_EVERY_DAY };
	const headers = { Authorization: `Bearer ${sandbox.token}`, Version: '2021-04-15', 'Content-Type': 'application/json' };
	const response = await fetch(`${sandbox.url}/calendars/`, { method: 'POST', headers, body: JSON.stringify(body) });
	const answer = (await response.json()) as { calendar?: { id: string } };
	if (!answer.calendar) throw new Error(`calendar "${name}" not made: HTTP ${response.status}`);
	return answer.calendar.id;
}

const freeSlotsOf = (start: DateTime, end: DateTime) => ({
	resource: 'calendar',
	operation: 'getFreeSlots',
	calendar: { __rl: true, mode: 'id', value: '={{ $json.calendarId }}' },
	start: start.toISO(),
	end: end.toISO(),
	timeZone: ZONE,
	output: 'days',
});

/** One small run first, so the timed one finds n8n's engine and the node loaded, as in a running n8n. */
async function warmUp(sandbox: SandboxProcess, calendarId: string): Promise<void> {
	const tomorrow = DateTime.now().setZone(ZONE).plus({ days: 1 }).startOf('day');
	await runWorkflow(singleNodeWorkflow(freeSlotsOf(tomorrow, tomorrow.plus({ days: 1 })), [{ calendarId }]), sandboxCredentials(sandbox.url, sandbox.token));
}

async function bookingSandbox(calendars: number): Promise<{ sandbox: SandboxProcess; calendarIds: string[] }> {
	const sandbox = await startSandboxProcess({ latencyMs: LATENCY_MS, rateLimit: { ...LIMIT, daily: 200_000 } });
	const calendarIds: string[] = [];
	for (let i = 0; i < calendars; i++) calendarIds.push(await openCalendar(sandbox, `Bench ${i}`));
	await warmUp(sandbox, calendarIds[0]);
	await sleep(LIMIT.intervalMs + 100); // the set-up's requests leave the rate-limit window
	return { sandbox, calendarIds };
}

/**
 * The least time the node can take for `requests` requests: the limit taken evenly (the first request at once, the
 * last (requests − 1) × interval ÷ max later, answered a latency after), and Max Requests In Flight (a latency each).
 */
function bound(requests: number, inFlight: number) {
	const evenS = (((requests - 1) * LIMIT.intervalMs) / LIMIT.max + LATENCY_MS) / 1000;
	const burstS = trueBoundMs('fixed', requests, LIMIT.max, LIMIT.intervalMs, LATENCY_MS) / 1000;
	const inFlightS = (Math.ceil(requests / inFlight) * LATENCY_MS) / 1000;
	const boundS = Math.max(evenS, inFlightS);
	const why = `max(limit: ${requests} requests evenly at ${LIMIT.max} per ${LIMIT.intervalMs} ms = ${evenS.toFixed(2)} s, in flight: ${requests} requests, ${inFlight} at once × ${LATENCY_MS} ms = ${inFlightS.toFixed(2)} s)`;
	return { boundS, why, burstS: Math.max(burstS, inFlightS) };
}

async function measured(sandbox: SandboxProcess, parameters: Record<string, unknown>, items: object[], inFlight: number | undefined) {
	const before = (await sandbox.requests()).length;
	const options = inFlight ? { maxInFlight: inFlight } : {};
	const credentials = sandboxCredentials(sandbox.url, sandbox.token);
	const { result: run, wallS, machine } = await timed(async () => await runWorkflow(singleNodeWorkflow({ ...parameters, options }, items), credentials));
	const sent = (await sandbox.requests()).slice(before);
	const errors = runErrors(run, NODE_NAME);
	const failed = errors.length ? `; errors: ${errors.length} (${errors[0]})` : '';
	return {
		sent,
		output: run.output(NODE_NAME) ?? [],
		wallS,
		note: ({ boundS, why, burstS }: ReturnType<typeof bound>, more: string) =>
			`${(wallS / boundS).toFixed(3)} × the ${boundS.toFixed(2)} s bound ${why}; ${(wallS / burstS).toFixed(3)} × the ${burstS.toFixed(2)} s of bursts at each window's start; ${more}sandbox in its own process; ${machine}${failed}`,
		row: {
			wallS: Math.round(wallS * 100) / 100,
			requests: sent.length,
			received429: sent.filter((request) => request.status === 429).length,
			surfaced429: errors.filter((error) => /too many|429|limit/i.test(error)).length,
			listCalls: sent.filter((request) => request.method === 'GET').length,
		},
	};
}

/** Scenario 6 once: its row of the bench table (without memory); groups after = the appointments. */
export async function bookingScenario(inFlight?: number) {
	const { sandbox, calendarIds } = await bookingSandbox(BOOKING_CALENDARS);
	try {
		const contacts = [];
		for (let i = 0; i < BOOKINGS; i++) contacts.push(String((await addSandboxContact(sandbox.url, SANDBOX_LOCATION, { name: `Bench Contact ${i}` })).body.contact.id));
		const firstSlot = DateTime.now().setZone(ZONE).plus({ days: 1 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
		const items = contacts.map((contactId, i) => ({
			contactId,
			calendarId: calendarIds[i % BOOKING_CALENDARS],
			start: firstSlot.plus({ milliseconds: Math.floor(i / BOOKING_CALENDARS) * SLOT_MS }).toISO(),
		}));
		const parameters = {
			resource: 'appointment',
			operation: 'book',
			calendar: { __rl: true, mode: 'id', value: '={{ $json.calendarId }}' },
			contactId: '={{ $json.contactId }}',
			startTime: '={{ $json.start }}',
		};
		const run = await measured(sandbox, parameters, items, inFlight);
		const appointments = (await sandbox.state()).appointments[SANDBOX_LOCATION] ?? [];
		const slotsTaken = new Set(appointments.map((a) => `${a.calendarId} ${a.startMs}`)).size;
		const contactsBooked = new Set(appointments.map((a) => a.contactId)).size;
		const limits = bound(countedRequests(run.sent).length, inFlight ?? DEFAULT_MAX_IN_FLIGHT);
		return {
			...run.row,
			scenario: '6. 1,000 bookings over 100 calendars of one sub-account, 100 ms latency, 100 req/s',
			groups: appointments.length,
			duplicates: appointments.length - Math.min(slotsTaken, contactsBooked),
			note: run.note(limits, `appointments: ${appointments.length} (that column), ${contactsBooked} contacts, ${slotsTaken} slots; `),
		};
	} finally {
		await sandbox.close();
	}
}

/** Scenario 7 once: its row of the bench table (without memory); groups after = the output items (days). */
export async function freeSlotScenario(inFlight?: number) {
	const { sandbox, calendarIds } = await bookingSandbox(FREE_SLOT_CALENDARS);
	try {
		const start = DateTime.now().setZone(ZONE).plus({ days: 1 }).startOf('day');
		const end = start.plus({ days: FREE_SLOT_DAYS });
		const run = await measured(sandbox, freeSlotsOf(start, end), calendarIds.map((calendarId) => ({ calendarId })), inFlight);
		const limits = bound(countedRequests(run.sent).length, inFlight ?? DEFAULT_MAX_IN_FLIGHT);
		const days = run.output.length;
		return {
			...run.row,
			scenario: '7. free slots over 90 days for 20 calendars (3 parts each), 100 ms latency, 100 req/s',
			groups: days,
			duplicates: days - new Set(run.output.map((item) => `${String(item.json.date)} ${item.pairedItem && JSON.stringify(item.pairedItem)}`)).size,
			note: run.note(limits, `output: ${days} days (that column), ${FREE_SLOT_DAYS} expected per calendar; `),
		};
	} finally {
		await sandbox.close();
	}
}
