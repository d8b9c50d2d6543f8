import { ApiVersion } from '../../tools/contract/openapi';
import { LOCATION, appointmentBody, bookableCalendar, call } from '../../tools/sandbox/harness';
import { Sandbox, startSandbox } from '../../tools/sandbox/server';

const VERSIONS: ApiVersion[] = ['2021-04-15', 'v3'];
const NOW = Date.parse('2026-06-01T12:00:00Z');

describe.each(VERSIONS)('blocked slots over HTTP, Version %s', (version) => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ clock: () => NOW });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	const block = (body: Record<string, unknown>) => call(sandbox, 'POST', '/calendars/events/block-slots', { version, body: { locationId: LOCATION, ...body } });
	const edit = (id: string, body: Record<string, unknown>) => call(sandbox, 'PUT', `/calendars/events/block-slots/${id}`, { version, body: { locationId: LOCATION, ...body } });
	const list = (query: Record<string, string>) =>
		call(sandbox, 'GET', '/calendars/blocked-slots', { version, query: { locationId: LOCATION, startTime: String(NOW), endTime: String(NOW + 7 * 86_400_000), ...query } });
	const lunch = { startTime: '2026-06-02T12:00:00-04:00', endTime: '2026-06-02T13:00:00-04:00' };

	it('blocks a calendar\'s time or a user\'s, lists, moves and deletes the blocks', async () => {
		const calendar = await bookableCalendar(sandbox, { teamMembers: [{ userId: 'userAnna' }, { userId: 'userBen' }] }, { version });
		const forCalendar = await block({ calendarId: calendar.id, title: 'Lunch', ...lunch });
		expect(forCalendar).toMatchObject({ status: 201, body: { locationId: LOCATION, calendarId: calendar.id, title: 'Lunch', startTime: '2026-06-02T12:00:00-04:00', endTime: '2026-06-02T13:00:00-04:00' } });
		const forAnna = await block({ assignedUserId: 'userAnna', startTime: '2026-06-02T10:00:00-04:00', endTime: '2026-06-02T11:00:00-04:00' });
		expect(forAnna.body).toMatchObject({ assignedUserId: 'userAnna', title: '' });
		expect(forAnna.body.calendarId).toBeUndefined();

		// Anna is blocked at 10:00: the booking goes to Ben
		expect((await call(sandbox, 'POST', '/calendars/events/appointments', { version, body: appointmentBody(calendar.id, '2026-06-02T10:00:00-04:00') })).body.assignedUserId).toBe('userBen');
		const ids = async (query: Record<string, string>) => (await list(query)).body.events.map((e: { id: string }) => e.id);
		expect(await ids({ calendarId: calendar.id })).toEqual([forCalendar.body.id]);
		expect(await ids({ userId: 'userAnna' })).toEqual([forAnna.body.id]);
		expect(await list({})).toMatchObject({ status: 400, body: { message: 'Either of userId, groupId or calendarId is required' } });
		expect((await list({ userId: 'userAnna' })).body.events[0]).toMatchObject({ contactId: '', assignedUserId: 'userAnna', calendarId: '', startTime: '2026-06-02T10:00:00-04:00' });

		const moved = await edit(forCalendar.body.id, { calendarId: calendar.id, startTime: '2026-06-02T13:00:00-04:00', endTime: '2026-06-02T14:00:00-04:00' });
		expect(moved).toMatchObject({ status: 201, body: { id: forCalendar.body.id, title: 'Lunch', startTime: '2026-06-02T13:00:00-04:00' } });
		const toUser = await edit(forCalendar.body.id, { assignedUserId: 'userBen' });
		expect(toUser.body).toMatchObject({ assignedUserId: 'userBen' });
		expect(await ids({ calendarId: calendar.id })).toEqual([]);

		expect(await call(sandbox, 'DELETE', `/calendars/events/${forAnna.body.id}`, { version, body: {} })).toMatchObject({ status: 201, body: { succeeded: true } });
		expect(await ids({ userId: 'userAnna' })).toEqual([]);
		expect(sandbox.state().blockedSlots[LOCATION]).toHaveLength(1);
	});

	it('takes calendarId or assignedUserId, not both and not neither; refuses a block without times or of no calendar', async () => {
		const calendar = await bookableCalendar(sandbox, {}, { version });
		expect(await block({ calendarId: calendar.id, assignedUserId: 'userAnna', ...lunch })).toMatchObject({ status: 400, body: { message: 'Either calendarId or assignedUserId can be set, not both.' } });
		expect(await block({ ...lunch })).toMatchObject({ status: 400, body: { message: 'calendarId is required' } });
		expect(await block({ calendarId: calendar.id })).toMatchObject({ status: 400, body: { message: 'startTime and endTime are required' } });
		expect(await block({ calendarId: 'noSuchCalendar', ...lunch })).toMatchObject({ status: 404, body: { message: 'Calendar not found' } });
		expect(await block({ calendarId: calendar.id, startTime: lunch.endTime, endTime: lunch.startTime })).toMatchObject({ status: 400, body: { message: 'endTime must be after startTime' } });
		expect(await edit('noSuchBlock', { calendarId: calendar.id })).toMatchObject({ status: 404, body: { message: 'Event not found' } });
		expect(sandbox.state().blockedSlots).toEqual({});
	});
});
