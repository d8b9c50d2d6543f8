import { ApiVersion } from '../../tools/contract/openapi';
import { CONTACT, LOCATION, OTHER, READONLY, appointmentBody, appointmentsOf, bookableCalendar, call } from '../../tools/sandbox/harness';
import { Sandbox, startSandbox } from '../../tools/sandbox/server';

const VERSIONS: ApiVersion[] = ['2021-04-15', 'v3'];
/** Monday 1 June 2026, 12:00 UTC (8:00 in New York, the seeded sub-accounts' zone) */
const NOW = Date.parse('2026-06-01T12:00:00Z');
const TAKEN = { status: 400, body: { statusCode: 400, message: 'The slot you have selected is no longer available.' } };
const NO_SCOPE = { status: 401, body: { statusCode: 401, message: 'The token is not authorized for this scope.', error: 'Unauthorized' } };
const ms = (iso: string) => String(Date.parse(iso));

describe.each(VERSIONS)('appointments over HTTP, Version %s', (version) => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ clock: () => NOW });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	const book = (body: Record<string, unknown>, token?: string) => call(sandbox, 'POST', '/calendars/events/appointments', { version, token, body });
	const edit = (id: string, body: Record<string, unknown>) => call(sandbox, 'PUT', `/calendars/events/appointments/${id}`, { version, body });
	const get = (id: string, token?: string) => call(sandbox, 'GET', `/calendars/events/appointments/${id}`, { version, token });
	const remove = (id: string) => call(sandbox, 'DELETE', `/calendars/events/${id}`, { version, body: {} });
	const events = (query: Record<string, string>, token?: string) =>
		call(sandbox, 'GET', '/calendars/events', { version, token, query: { locationId: LOCATION, startTime: ms('2026-06-01T00:00:00Z'), endTime: ms('2026-06-08T00:00:00Z'), ...query } });

	it('books a free slot, gets it, lists it, reschedules, cancels and deletes it; times in the location\'s zone', async () => {
		const calendar = await bookableCalendar(sandbox, {}, { version });
		const booked = await book(appointmentBody(calendar.id, '2026-06-02T14:00:00Z', { title: 'Intro', toNotify: false }));
		expect(booked.status).toBe(200);
		expect(booked.body).toMatchObject({
			id: expect.stringMatching(/^[A-Za-z0-9]{20}$/),
			calendarId: calendar.id,
			locationId: LOCATION,
			contactId: CONTACT,
			title: 'Intro',
			appointmentStatus: 'confirmed',
			startTime: '2026-06-02T10:00:00-04:00',
			endTime: '2026-06-02T10:30:00-04:00',
		});
		// Version 2021-04-15's answer has no dateAdded / dateUpdated (HighLevel's docs issue #246); v3 requires them
		expect('dateAdded' in booked.body).toBe(version === 'v3');
		const id = booked.body.id as string;
		expect(appointmentsOf(sandbox)).toEqual([expect.objectContaining({ id, toNotify: false, startMs: Date.parse('2026-06-02T14:00:00Z') })]);

		expect((await get(id)).body.event).toMatchObject({ id, contactId: CONTACT, startTime: '2026-06-02T10:00:00-04:00', groupId: '', users: [] });
		expect((await events({ calendarId: calendar.id })).body.events.map((e: { id: string }) => e.id)).toEqual([id]);

		const moved = await edit(id, { startTime: '2026-06-03T11:00:00-04:00' });
		expect(moved.body).toMatchObject({ id, startTime: '2026-06-03T11:00:00-04:00', endTime: '2026-06-03T11:30:00-04:00' });
		expect((await edit(id, { appointmentStatus: 'cancelled' })).body.appointmentStatus).toBe('cancelled');
		expect((await get(id)).body.event.appointmentStatus).toBe('cancelled');

		expect(await remove(id)).toMatchObject({ status: 201, body: { succeeded: true } });
		expect(await get(id)).toMatchObject({ status: 404, body: { message: 'Appointment not found' } });
		expect(await remove(id)).toMatchObject({ status: 404, body: { message: 'Event not found' } });
		expect(appointmentsOf(sandbox)).toEqual([]);
	});

	it('refuses a double booking and an off-grid time with HighLevel\'s message, unless ignoreFreeSlotValidation', async () => {
		const calendar = await bookableCalendar(sandbox, {}, { version });
		expect((await book(appointmentBody(calendar.id, '2026-06-02T10:00:00-04:00'))).status).toBe(200);
		expect(await book(appointmentBody(calendar.id, '2026-06-02T10:00:00-04:00', { contactId: 'sandboxContact0002' }))).toMatchObject(TAKEN);
		expect(await book(appointmentBody(calendar.id, '2026-06-02T10:15:00-04:00'))).toMatchObject(TAKEN);
		expect(await book(appointmentBody(calendar.id, '2026-06-02T18:00:00-04:00'))).toMatchObject(TAKEN);
		// a slot already past (the clock says 8:00 on 1 June in New York)
		expect(await book(appointmentBody(calendar.id, '2026-05-29T10:00:00-04:00'))).toMatchObject(TAKEN);
		const forced = await book(appointmentBody(calendar.id, '2026-06-02T10:00:00-04:00', { ignoreFreeSlotValidation: true }));
		expect(forced.status).toBe(200);
		expect(appointmentsOf(sandbox)).toHaveLength(2);
	});

	it('frees a cancelled appointment\'s slot; a reschedule onto a taken slot is refused, onto its own slot is not', async () => {
		const calendar = await bookableCalendar(sandbox, {}, { version });
		const first = (await book(appointmentBody(calendar.id, '2026-06-02T10:00:00-04:00'))).body.id;
		const second = (await book(appointmentBody(calendar.id, '2026-06-02T11:00:00-04:00'))).body.id;
		expect(await edit(second, { startTime: '2026-06-02T10:00:00-04:00' })).toMatchObject(TAKEN);
		expect((await edit(second, { startTime: '2026-06-02T11:00:00-04:00', title: 'Same slot' })).status).toBe(200);
		await edit(first, { appointmentStatus: 'cancelled' });
		expect((await edit(second, { startTime: '2026-06-02T10:00:00-04:00' })).status).toBe(200);
		expect((await book(appointmentBody(calendar.id, '2026-06-02T11:00:00-04:00'))).status).toBe(200);
	});

	it('books a series only with ignoreFreeSlotValidation, lists its occurrences, changes or deletes one of them or the whole series', async () => {
		const calendar = await bookableCalendar(sandbox, {}, { version });
		const rrule = 'RRULE:FREQ=WEEKLY;COUNT=4';
		expect(await book(appointmentBody(calendar.id, '2026-06-02T10:00:00-04:00', { rrule }))).toMatchObject({
			status: 400,
			body: { message: 'The rrule only be applied if ignoreFreeSlotValidation is true.' },
		});
		expect(await book(appointmentBody(calendar.id, '2026-06-02T10:00:00-04:00', { rrule: 'RRULE:FREQ=YEARLY', ignoreFreeSlotValidation: true }))).toMatchObject({
			status: 400,
			body: { message: 'rrule: FREQ=YEARLY is not simulated by the sandbox' },
		});
		const series = (await book(appointmentBody(calendar.id, '2026-06-02T10:00:00-04:00', { rrule, ignoreFreeSlotValidation: true }))).body;
		expect(series).toMatchObject({ rrule, isRecurring: true });

		const month = { calendarId: calendar.id, endTime: ms('2026-07-01T00:00:00Z') };
		const listed = (await events(month)).body.events;
		const weeks = ['2026-06-02', '2026-06-09', '2026-06-16', '2026-06-23'];
		expect(listed.map((e: Record<string, unknown>) => [e.id, e.startTime, e.masterEventId, e.isRecurring])).toEqual(
			weeks.map((day) => [`${series.id}_${Date.parse(`${day}T14:00:00Z`)}_1800`, `${day}T10:00:00-04:00`, series.id, true]),
		);
		expect(await book(appointmentBody(calendar.id, '2026-06-09T10:00:00-04:00', { contactId: 'sandboxContact0002' }))).toMatchObject(TAKEN);

		// this occurrence: moved, it becomes an appointment of its own
		const moved = (await edit(listed[1].id, { startTime: '2026-06-09T11:00:00-04:00' })).body;
		expect(moved).toMatchObject({ startTime: '2026-06-09T11:00:00-04:00', isRecurring: false });
		expect((await get(moved.id)).body.event).toMatchObject({ masterEventId: series.id, startTime: '2026-06-09T11:00:00-04:00' });
		expect(await get(listed[1].id)).toMatchObject({ status: 404 });
		expect(await remove(listed[2].id)).toMatchObject({ status: 201, body: { succeeded: true } });
		expect((await book(appointmentBody(calendar.id, '2026-06-09T10:00:00-04:00', { contactId: 'sandboxContact0002' }))).status).toBe(200);

		// the whole series
		expect((await edit(series.id, { title: 'Weekly check-in' })).body).toMatchObject({ id: series.id, title: 'Weekly check-in', rrule });
		const after = (await events(month)).body.events.filter((e: { masterEventId?: string }) => e.masterEventId === series.id);
		expect(after.map((e: Record<string, unknown>) => [e.id, e.title])).toEqual([
			[listed[0].id, 'Weekly check-in'],
			[moved.id, 'Appointment'],
			[listed[3].id, 'Weekly check-in'],
		]);
		// an occurrence's notes are its series'
		expect((await call(sandbox, 'POST', `/calendars/appointments/${listed[3].id}/notes`, { version, body: { body: 'Every week' } })).status).toBe(201);
		expect(sandbox.state().notes[series.id]).toHaveLength(1);
	});

	it('answers an unknown contact, calendar or appointment, and another location\'s appointment, as not found', async () => {
		const calendar = await bookableCalendar(sandbox, {}, { version });
		expect(await book(appointmentBody(calendar.id, '2026-06-02T10:00:00-04:00', { contactId: 'noSuchContact' }))).toMatchObject({ status: 400, body: { message: 'Contact not found' } });
		expect(await book(appointmentBody('noSuchCalendar', '2026-06-02T10:00:00-04:00'))).toMatchObject({ status: 404, body: { message: 'Calendar not found' } });
		expect(await book(appointmentBody(calendar.id, 'next tuesday'))).toMatchObject({ status: 400, body: { message: 'startTime must be an ISO 8601 date' } });
		expect(await book(appointmentBody(calendar.id, '2026-06-02T10:00:00-04:00', { endTime: '2026-06-02T09:00:00-04:00' }))).toMatchObject({ status: 400, body: { message: 'endTime must be after startTime' } });
		const id = (await book(appointmentBody(calendar.id, '2026-06-02T10:00:00-04:00'))).body.id;
		expect(await get(id, OTHER)).toMatchObject({ status: 404 });
		expect(await edit('noSuchAppointment', { title: 'x' })).toMatchObject({ status: 404, body: { message: 'Appointment not found' } });
		expect(await book(appointmentBody(calendar.id, '2026-06-02T11:00:00-04:00', { locationId: 'sandboxLocation0002' }))).toMatchObject({ status: 403 });
		expect(await book(appointmentBody(calendar.id, '2026-06-02T11:00:00-04:00', { colour: 'red' }))).toMatchObject({ status: 422, body: { message: ['property colour should not exist'] } });
	});

	it('lists events only for a calendar, a group or a user, between two epoch-ms times', async () => {
		const group = (await call(sandbox, 'POST', '/calendars/groups', { version, body: { locationId: LOCATION, name: 'Sales', description: 'd', slug: 'sales' } })).body.group;
		const team = await bookableCalendar(sandbox, { slug: 'team', groupId: group.id, teamMembers: [{ userId: 'userAnna' }, { userId: 'userBen' }] }, { version });
		const solo = await bookableCalendar(sandbox, { slug: 'solo' }, { version });
		const anna = (await book(appointmentBody(team.id, '2026-06-02T10:00:00-04:00'))).body;
		const ben = (await book(appointmentBody(team.id, '2026-06-02T10:00:00-04:00', { contactId: 'sandboxContact0002' }))).body;
		const later = (await book(appointmentBody(solo.id, '2026-06-10T10:00:00-04:00'))).body;
		expect([anna.assignedUserId, ben.assignedUserId]).toEqual(['userAnna', 'userBen']);
		expect(await book(appointmentBody(team.id, '2026-06-02T10:00:00-04:00', { contactId: 'sandboxContact0003' }))).toMatchObject(TAKEN);

		const ids = async (query: Record<string, string>) => (await events(query)).body.events.map((e: { id: string }) => e.id);
		expect(await events({})).toMatchObject({ status: 400, body: { message: 'Either of userId, groupId or calendarId is required' } });
		expect(await ids({ groupId: group.id })).toEqual([anna.id, ben.id]);
		expect(await ids({ userId: 'userBen' })).toEqual([ben.id]);
		expect(await ids({ calendarId: solo.id })).toEqual([]);
		expect(await ids({ calendarId: solo.id, endTime: ms('2026-07-01T00:00:00Z') })).toEqual([later.id]);
		expect(await events({ calendarId: solo.id, startTime: '2026-06-01' })).toMatchObject({ status: 400, body: { message: 'startTime must be epoch milliseconds' } });
		expect((await events({ groupId: group.id })).body.events[0]).toMatchObject({ groupId: group.id, users: ['userAnna'] });
	});

	it('takes the events scopes: read-only tokens read, tokens without them are refused', async () => {
		const calendar = await bookableCalendar(sandbox, {}, { version });
		expect((await events({ calendarId: calendar.id }, READONLY)).status).toBe(200);
		expect(await book(appointmentBody(calendar.id, '2026-06-02T10:00:00-04:00'), READONLY)).toMatchObject(NO_SCOPE);
		const narrow = await startSandbox({ clock: () => NOW, tokens: [{ token: 'pit-no-events', locationId: LOCATION, scopes: ['calendars.readonly', 'calendars.write'] }] });
		try {
			const query = { locationId: LOCATION, calendarId: 'x', startTime: '0', endTime: '1' };
			expect(await call(narrow, 'GET', '/calendars/events', { version, token: 'pit-no-events', query })).toMatchObject(NO_SCOPE);
			expect(await call(narrow, 'GET', '/calendars/x/free-slots', { version, token: 'pit-no-events', query: { startDate: '0', endDate: '1' } })).toMatchObject({ status: 404 });
		} finally {
			await narrow.close();
		}
	});
});
