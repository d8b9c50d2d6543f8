import type { INodeParameters } from 'n8n-workflow';

import { validateRequest, type ApiVersion } from '../../tools/contract/openapi';
import { tokenCredentials } from '../../tools/engine/credentials';
import { runWorkflow } from '../../tools/engine/runWorkflow';
import { startScriptedServer, type Script } from '../../tools/engine/scriptedServer';
import { NODE_NAME, singleNodeWorkflow, withContinueOnFail } from '../../tools/engine/workflows';
import { bookingScript, CALENDAR_ID, SLOT_TAKEN_MESSAGE } from './bookingScript';

interface RunOptions {
	items?: object[];
	timezone?: string;
	continueOnFail?: boolean;
}

async function run(script: Script, parameters: INodeParameters, { items = [{}], timezone = 'America/New_York', continueOnFail = false }: RunOptions = {}) {
	const server = await startScriptedServer(script);
	try {
		const single = singleNodeWorkflow({ resource: 'appointment', ...parameters }, items);
		const fixture = { ...(continueOnFail ? withContinueOnFail(single) : single), settings: { timezone } };
		const result = await runWorkflow(fixture, tokenCredentials(server.url));
		return { output: result.output(NODE_NAME), error: result.error(NODE_NAME), requests: server.requests };
	} finally {
		await server.close();
	}
}

const calendar = { __rl: true, mode: 'id', value: CALENDAR_ID };
const book = (extra: INodeParameters = {}): INodeParameters => ({ operation: 'book', calendar, contactId: 'contact0001', startTime: '2026-03-09T10:00:00', ...extra });
const invalid = (requests: Array<Parameters<typeof validateRequest>[0]>) => requests.flatMap((r) => validateRequest(r).errors.map((e) => `${r.method} ${r.path}: ${e}`));
const posts = (requests: Array<{ method: string; path: string; body?: unknown }>) => requests.filter((r) => r.method === 'POST').map((r) => r.body as Record<string, unknown>);

describe.each<ApiVersion>(['2021-04-15', 'v3'])('Book with Version %s', (apiVersion) => {
	test("a local time is read in the workflow's zone, End is start + the calendar's slot duration, the body is the spec's", async () => {
		const { script, appointments } = bookingScript();
		const { output, error, requests } = await run(script, book({ options: { apiVersion } }));
		expect(error).toBeUndefined();
		expect(posts(requests)).toEqual([
			{ calendarId: CALENDAR_ID, contactId: 'contact0001', locationId: 'testLocation00000001', startTime: '2026-03-09T10:00:00-04:00', endTime: '2026-03-09T10:30:00-04:00', toNotify: true },
		]);
		expect(requests.map((r) => `${r.method} ${r.path} ${r.headers.version}`)).toEqual([
			`GET /calendars/${CALENDAR_ID} ${apiVersion}`,
			`POST /calendars/events/appointments ${apiVersion}`,
		]);
		expect(invalid(requests)).toEqual([]);
		expect(output?.map((item) => item.json)).toEqual([appointments[0]]);
	});

	test('Time Zone, End, Assigned User, the automations off, the validation switches and details are sent as the spec names them', async () => {
		const { script } = bookingScript();
		const { error, requests } = await run(
			script,
			book({
				endTime: '2026-03-09T11:15:00',
				assignedUser: { __rl: true, mode: 'list', value: 'user0001' },
				toNotify: false,
				appointmentFields: { title: 'Intro', appointmentStatus: 'new', meetingLocationType: 'zoom', description: '' },
				options: { apiVersion, timeZone: 'Europe/Berlin', ignoreDateRange: true, ignoreFreeSlotValidation: true },
			}),
		);
		expect(error).toBeUndefined();
		expect(requests).toHaveLength(1);
		expect(posts(requests)[0]).toEqual({
			calendarId: CALENDAR_ID,
			contactId: 'contact0001',
			locationId: 'testLocation00000001',
			startTime: '2026-03-09T10:00:00+01:00',
			endTime: '2026-03-09T11:15:00+01:00',
			assignedUserId: 'user0001',
			toNotify: false,
			title: 'Intro',
			appointmentStatus: 'new',
			meetingLocationType: 'zoom',
			ignoreDateRange: true,
			ignoreFreeSlotValidation: true,
		});
		expect(invalid(requests)).toEqual([]);
	});
});

test('a Luxon DateTime from an expression is that instant, written in the chosen zone', async () => {
	const { script } = bookingScript();
	const { error, requests } = await run(
		script,
		book({ startTime: '={{ DateTime.fromISO("2026-07-01T09:00:00", { zone: "Asia/Tokyo" }) }}', options: { timeZone: 'Europe/Berlin' } }),
	);
	expect(error).toBeUndefined();
	expect(posts(requests)[0]).toMatchObject({ startTime: '2026-07-01T02:00:00+02:00', endTime: '2026-07-01T02:30:00+02:00' });
});

test('a recurrence rule without Ignore Free-Slot Validation is refused before anything is sent', async () => {
	const { script } = bookingScript();
	const { error, requests } = await run(script, book({ appointmentFields: { rrule: 'RRULE:FREQ=WEEKLY;COUNT=4' } }));
	expect(error?.message).toBe('Recurrence Rule in item 0 needs Ignore Free-Slot Validation');
	expect(error?.description).toContain('only if ignoreFreeSlotValidation is true');
	expect(requests).toEqual([]);
});

test('bad input names the field and the item, and with On Error → Continue the rest of the batch is booked', async () => {
	const { script, appointments } = bookingScript();
	const items = [{ start: '2026-03-09T10:00:00' }, { start: 'next tuesday' }, { start: '2026-03-09T12:00:00' }, { start: 1773050400 }];
	const { output } = await run(script, book({ startTime: '={{ $json.start }}', contactId: '={{ "contact" + $itemIndex }}' }), { items, continueOnFail: true });
	expect(output?.map((item) => item.json.error ?? item.json.contactId)).toEqual([
		'contact0',
		'Start Time "next tuesday" in item 1 is not a date',
		'contact2',
		'Start Time 1773050400 in item 3 looks like epoch seconds, not milliseconds (multiply it by 1000)',
	]);
	expect(output?.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
	expect(appointments).toHaveLength(2);
});

describe('If Slot Is Taken', () => {
	const taken = () => {
		const booked = bookingScript();
		booked.appointments.push({ id: 'appt0', calendarId: CALENDAR_ID, contactId: 'other', startTime: '2026-03-09T14:00:00Z', endTime: '2026-03-09T14:30:00Z', appointmentStatus: 'confirmed' });
		return booked;
	};

	test("Fail: the error names the calendar, the time in the chosen zone and the contact, and says what HighLevel answered", async () => {
		const { script } = taken();
		const { error } = await run(script, book());
		expect(error?.message).toBe('2026-03-09 10:00 (America/New_York) in calendar "Intro Call" (calendarIntroCall001) is not free for contact "contact0001" (item 0)');
		expect(error?.description).toContain(`HighLevel answered: ${SLOT_TAKEN_MESSAGE}`);
	});

	test('Book the Next Free Slot: the first free slot after it is booked, and the output says which', async () => {
		const { script, appointments } = taken();
		const { output, error, requests } = await run(script, book({ options: { onSlotTaken: 'bookNextFreeSlot', searchDays: 2 } }));
		expect(error).toBeUndefined();
		expect(output?.[0].json).toMatchObject({ startTime: '2026-03-09T11:00:00-04:00', requestedStartTime: '2026-03-09T10:00:00-04:00', bookedNextFreeSlot: true });
		expect(appointments.map((a) => a.contactId)).toEqual(['other', 'contact0001']);
		const search = requests.find((r) => r.path.endsWith('/free-slots'));
		expect(search?.query).toMatchObject({ startDate: String(Date.parse('2026-03-09T14:00:00Z')), endDate: String(Date.parse('2026-03-11T14:00:00Z')), timezone: 'America/New_York' });
		expect(invalid(requests)).toEqual([]);
	});
});

describe('exactly once', () => {
	const lostOnce = (maxRetries: number) => {
		const booked = bookingScript();
		let lost = false;
		const script: Script = (req, index) => {
			const answer = booked.script(req, index);
			if (req.method !== 'POST' || lost) return answer;
			lost = true;
			return { status: 0, reset: true };
		};
		return { booked, script, maxRetries };
	};

	test.each([5, 0])('an answer lost after the store is found, not booked again (Max Retries %i)', async (maxRetries) => {
		const { booked, script } = lostOnce(maxRetries);
		const { output, error, requests } = await run(script, book({ endTime: '2026-03-09T10:30:00', options: { maxRetries } }));
		expect(error).toBeUndefined();
		expect(booked.appointments).toHaveLength(1);
		expect(output?.[0].json.id).toBe(booked.appointments[0].id);
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /calendars/events/appointments', 'GET /calendars/events']);
		expect(requests[1].query).toMatchObject({ calendarId: CALENDAR_ID, startTime: String(Date.parse('2026-03-09T14:00:00Z')) });
		expect(invalid(requests)).toEqual([]);
	});
});

describe('the other operations', () => {
	const seeded = () => {
		const booked = bookingScript();
		booked.appointments.push(
			{ id: 'appt1', calendarId: CALENDAR_ID, contactId: 'c1', startTime: '2026-03-09T10:00:00-04:00', endTime: '2026-03-09T10:45:00-04:00', appointmentStatus: 'confirmed' },
			{ id: 'appt2_1773064800000_1800', masterEventId: 'appt2', calendarId: CALENDAR_ID, contactId: 'c2', startTime: '2026-03-09T14:00:00Z', endTime: '2026-03-09T14:30:00Z', appointmentStatus: 'confirmed' },
		);
		return booked;
	};

	test.each<ApiVersion>(['2021-04-15', 'v3'])('Get, Get Many, Cancel, Delete (Version %s)', async (apiVersion) => {
		const { script, appointments } = seeded();
		const options = { apiVersion };
		const got = await run(script, { operation: 'get', appointmentId: 'appt1', options });
		expect(got.output?.[0].json).toEqual(appointments[0]);
		const many = await run(script, { operation: 'getAll', eventsOf: 'calendar', calendar, startTime: '2026-03-09', endTime: '2026-03-10', returnAll: true, options });
		expect(many.output?.map((item) => item.json.id)).toEqual(['appt1', 'appt2_1773064800000_1800']);
		expect(many.requests[0].query).toEqual({ locationId: 'testLocation00000001', calendarId: CALENDAR_ID, startTime: String(Date.parse('2026-03-09T04:00:00Z')), endTime: String(Date.parse('2026-03-10T04:00:00Z')) });
		const byUser = await run(script, { operation: 'getAll', eventsOf: 'user', userId: 'user0001', startTime: '2026-03-09', endTime: '2026-03-10', options });
		expect(byUser.requests[0].query).toMatchObject({ userId: 'user0001' });
		const cancelled = await run(script, { operation: 'cancel', appointmentId: 'appt1', options });
		expect(cancelled.output?.[0].json).toMatchObject({ id: 'appt1', appointmentStatus: 'cancelled' });
		expect(cancelled.requests[0].body).toEqual({ appointmentStatus: 'cancelled', toNotify: true });
		const deleted = await run(script, { operation: 'delete', appointmentId: 'appt1', options });
		expect(deleted.output?.[0].json).toEqual({ deleted: true, id: 'appt1' });
		expect(appointments.map((a) => a.id)).toEqual(['appt2_1773064800000_1800']);
		expect(invalid([...got.requests, ...many.requests, ...byUser.requests, ...cancelled.requests, ...deleted.requests])).toEqual([]);
	});

	test('Update: a new start alone keeps the length; Whole Series is sent to the master event', async () => {
		const { script, appointments } = seeded();
		const moved = await run(script, { operation: 'update', appointmentId: 'appt1', updateFields: { startTime: '2026-03-10T09:00:00' } });
		expect(moved.error).toBeUndefined();
		expect(moved.requests.at(-1)?.body).toEqual({ startTime: '2026-03-10T09:00:00-04:00', endTime: '2026-03-10T09:45:00-04:00', toNotify: true });
		const series = await run(script, { operation: 'update', appointmentId: 'appt2_1773064800000_1800', applyTo: 'series', updateFields: { title: 'Weekly' } });
		expect(series.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /calendars/events/appointments/appt2_1773064800000_1800',
			'PUT /calendars/events/appointments/appt2',
		]);
		expect(invalid([...moved.requests, ...series.requests])).toEqual([]);
		expect(appointments[0].startTime).toBe('2026-03-10T09:00:00-04:00');
		const nothing = await run(script, { operation: 'update', appointmentId: 'appt1', updateFields: {} });
		expect(nothing.error?.message).toBe('Nothing to update in item 0');
	});
});
