import { ApiVersion } from '../../tools/contract/openapi';
import { LOCATION_SCOPES } from '../../tools/sandbox/agency';
import { DEMO, LOCATION, appointmentBody, bookableCalendar, call } from '../../tools/sandbox/harness';
import { DEFAULT_TOKENS, Sandbox, startSandbox } from '../../tools/sandbox/server';
import { isoInZone } from '../../tools/sandbox/free-slots';

const VERSIONS: ApiVersion[] = ['2021-04-15', 'v3'];
const BERLIN = 'sandboxBerlin0001';
const BERLIN_TOKEN = 'pit-berlin-sub-account';
const ms = (iso: string) => String(Date.parse(iso));
const everyDay = (openHour: number, closeHour: number, closeMinute = 0) => [{ daysOfTheWeek: [0, 1, 2, 3, 4, 5, 6], hours: [{ openHour, openMinute: 0, closeHour, closeMinute }] }];
/** 9:00 to 16:30, every half hour, with the offset given */
const workingDay = (date: string, offset: string) =>
	Array.from({ length: 16 }, (_, i) => `${date}T${String(9 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}:00${offset}`);

describe.each(VERSIONS)('free slots over HTTP, Version %s', (version) => {
	let sandbox: Sandbox;
	let now = Date.parse('2026-01-01T00:00:00Z');
	beforeAll(async () => {
		sandbox = await startSandbox({
			clock: () => now,
			tokens: [...DEFAULT_TOKENS, { token: BERLIN_TOKEN, locationId: BERLIN, scopes: LOCATION_SCOPES }],
			agency: { companies: [{ id: 'sandboxCompany0001', locations: [{ id: LOCATION }, { id: BERLIN, name: 'Sandbox Berlin', timezone: 'Europe/Berlin' }] }] },
		});
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		now = Date.parse('2026-01-01T00:00:00Z');
		sandbox.reset();
	});

	const slots = (calendarId: string, from: string, to: string, query: Record<string, string> = {}, token = DEMO) =>
		call(sandbox, 'GET', `/calendars/${calendarId}/free-slots`, { version, token, query: { startDate: ms(from), endDate: ms(to), ...query } });

	it.each([
		['New York, spring forward', LOCATION, '2026-03-07T00:00:00-05:00', '2026-03-09T23:59:59-04:00', [['2026-03-07', '-05:00'], ['2026-03-08', '-04:00'], ['2026-03-09', '-04:00']]],
		['New York, fall back', LOCATION, '2026-10-31T00:00:00-04:00', '2026-11-02T23:59:59-05:00', [['2026-10-31', '-04:00'], ['2026-11-01', '-05:00'], ['2026-11-02', '-05:00']]],
		['Berlin, spring forward', BERLIN, '2026-03-28T00:00:00+01:00', '2026-03-30T23:59:59+02:00', [['2026-03-28', '+01:00'], ['2026-03-29', '+02:00'], ['2026-03-30', '+02:00']]],
		['Berlin, fall back', BERLIN, '2026-10-24T00:00:00+02:00', '2026-10-26T23:59:59+01:00', [['2026-10-24', '+02:00'], ['2026-10-25', '+01:00'], ['2026-10-26', '+01:00']]],
	])('keeps 9:00 to 17:00 in the sub-account\'s wall-clock time across a DST change: %s', async (_, locationId, from, to, days) => {
		const token = locationId === BERLIN ? BERLIN_TOKEN : DEMO;
		const calendar = await bookableCalendar(sandbox, { locationId }, { version, token });
		const answer = await slots(calendar.id, from, to, {}, token);
		expect(answer.body).toEqual(Object.fromEntries(days.map(([date, offset]) => [date, { slots: workingDay(date, offset) }])));
	});

	it('offers no local time a DST gap skips, and a repeated local time once, at its second occurrence', async () => {
		const calendar = await bookableCalendar(sandbox, { openHours: everyDay(0, 4) }, { version });
		// every 45 minutes: 2:15 does not exist that night (it is not moved to 3:15)
		const every45 = await bookableCalendar(sandbox, { openHours: everyDay(0, 4), slotInterval: 45 }, { version });
		const spring = (await slots(every45.id, '2026-03-08T00:00:00-05:00', '2026-03-08T12:00:00-04:00')).body['2026-03-08'].slots;
		expect(spring).toEqual(['2026-03-08T00:00:00-05:00', '2026-03-08T00:45:00-05:00', '2026-03-08T01:30:00-05:00', '2026-03-08T03:00:00-04:00']);
		const springHalfHours = (await slots(calendar.id, '2026-03-08T00:00:00-05:00', '2026-03-08T12:00:00-04:00')).body['2026-03-08'].slots;
		expect(springHalfHours).toEqual(['00:00:00-05:00', '00:30:00-05:00', '01:00:00-05:00', '01:30:00-05:00', '03:00:00-04:00', '03:30:00-04:00'].map((t) => `2026-03-08T${t}`));
		const fall = (await slots(calendar.id, '2026-11-01T00:00:00-04:00', '2026-11-01T12:00:00-05:00')).body['2026-11-01'].slots;
		expect(fall).toEqual(['00:00:00-04:00', '00:30:00-04:00', '01:00:00-05:00', '01:30:00-05:00', '02:00:00-05:00', '02:30:00-05:00', '03:00:00-05:00', '03:30:00-05:00'].map((t) => `2026-11-01T${t}`));
	});

	it('keys slots by their date in the time zone asked for: an evening in New York is past midnight in Berlin', async () => {
		const calendar = await bookableCalendar(sandbox, { openHours: [{ daysOfTheWeek: [1], hours: [{ openHour: 18, openMinute: 0, closeHour: 20, closeMinute: 0 }] }] }, { version });
		const week = ['2026-06-01T00:00:00-04:00', '2026-06-07T23:59:59-04:00'] as const;
		expect((await slots(calendar.id, ...week)).body).toEqual({
			'2026-06-01': { slots: ['2026-06-01T18:00:00-04:00', '2026-06-01T18:30:00-04:00', '2026-06-01T19:00:00-04:00', '2026-06-01T19:30:00-04:00'] },
		});
		expect((await slots(calendar.id, ...week, { timezone: 'Europe/Berlin' })).body).toEqual({
			'2026-06-02': { slots: ['2026-06-02T00:00:00+02:00', '2026-06-02T00:30:00+02:00', '2026-06-02T01:00:00+02:00', '2026-06-02T01:30:00+02:00'] },
		});
		expect((await slots(calendar.id, ...week, { timezone: 'Mars/Olympus' })).body).toEqual({ statusCode: 400, message: 'timezone must be an IANA time zone' });
	});

	it('leaves out booked and blocked slots, frees a cancelled appointment\'s slot, and honours the buffers', async () => {
		const calendar = await bookableCalendar(sandbox, { slotBuffer: 30, slotBufferUnit: 'mins' }, { version });
		const day = ['2026-06-02T09:00:00-04:00', '2026-06-02T12:59:59-04:00'] as const;
		const free = async () => (await slots(calendar.id, ...day)).body['2026-06-02'].slots.map((s: string) => s.slice(11, 16));
		expect(await free()).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00', '12:30']);

		const booked = (await call(sandbox, 'POST', '/calendars/events/appointments', { version, body: appointmentBody(calendar.id, '2026-06-02T10:00:00-04:00') })).body;
		expect(await free()).toEqual(['09:00', '09:30', '11:00', '11:30', '12:00', '12:30']);
		const block = { locationId: LOCATION, calendarId: calendar.id, title: 'Lunch', startTime: '2026-06-02T12:00:00-04:00', endTime: '2026-06-02T13:00:00-04:00' };
		expect((await call(sandbox, 'POST', '/calendars/events/block-slots', { version, body: block })).status).toBe(201);
		expect(await free()).toEqual(['09:00', '09:30', '11:00', '11:30']);

		await call(sandbox, 'PUT', `/calendars/events/appointments/${booked.id}`, { version, body: { appointmentStatus: 'cancelled' } });
		expect(await free()).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']);
	});

	it('answers a team calendar\'s slots while a member is free, narrowed by userId or userIds', async () => {
		const calendar = await bookableCalendar(sandbox, { teamMembers: [{ userId: 'userAnna' }, { userId: 'userBen' }] }, { version });
		await call(sandbox, 'POST', '/calendars/events/appointments', { version, body: appointmentBody(calendar.id, '2026-06-02T10:00:00-04:00', { assignedUserId: 'userAnna' }) });
		const day = ['2026-06-02T10:00:00-04:00', '2026-06-02T10:59:59-04:00'] as const;
		expect((await slots(calendar.id, ...day)).body['2026-06-02'].slots).toEqual(['2026-06-02T10:00:00-04:00', '2026-06-02T10:30:00-04:00']);
		expect((await slots(calendar.id, ...day, { userId: 'userAnna' })).body['2026-06-02'].slots).toEqual(['2026-06-02T10:30:00-04:00']);
		expect((await slots(calendar.id, ...day, { userIds: 'userAnna' })).body['2026-06-02'].slots).toEqual(['2026-06-02T10:30:00-04:00']);
		// the array as repeated parameters
		const repeated = `startDate=${ms(day[0])}&endDate=${ms(day[1])}&userIds=userAnna&userIds=userBen`;
		const response = await fetch(`${sandbox.url}/calendars/${calendar.id}/free-slots?${repeated}`, { headers: { authorization: `Bearer ${DEMO}`, version } });
		expect(((await response.json()) as Record<string, { slots: string[] }>)['2026-06-02'].slots).toHaveLength(2);
	});

	it('refuses a range over 31 days and a reversed one; offers no slot already past', async () => {
		const calendar = await bookableCalendar(sandbox, {}, { version });
		const from = Date.parse('2026-06-01T00:00:00Z');
		const range = (days: number, extraMs = 0) => ({ startDate: String(from), endDate: String(from + days * 86_400_000 + extraMs) });
		const get = (query: Record<string, string>) => call(sandbox, 'GET', `/calendars/${calendar.id}/free-slots`, { version, query });
		expect(Object.keys((await get(range(31))).body)).toHaveLength(31);
		expect(await get(range(31, 1))).toMatchObject({ status: 400, body: { message: 'Date range cannot be more than 31 days' } });
		expect(await get({ startDate: String(from), endDate: String(from - 1) })).toMatchObject({ status: 400, body: { message: 'endDate must be after startDate' } });

		now = Date.parse('2026-06-02T14:10:00Z'); // 10:10 in New York
		const today = (await slots(calendar.id, '2026-06-02T00:00:00-04:00', '2026-06-02T23:59:59-04:00')).body['2026-06-02'].slots;
		expect(today[0]).toBe('2026-06-02T10:30:00-04:00');
	});
});

test.each([
	['UTC', '2026-03-29T09:00:00+00:00'],
	['Asia/Kathmandu', '2026-03-29T14:45:00+05:45'],
	['America/St_Johns', '2026-03-29T06:30:00-02:30'],
	['Europe/Berlin', '2026-03-29T11:00:00+02:00'],
])('an instant is written with its zone offset as HighLevel writes it: %s', (zone, written) => {
	expect(isoInZone(Date.parse('2026-03-29T09:00:00Z'), zone)).toBe(written);
});
