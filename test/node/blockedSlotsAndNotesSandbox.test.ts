import type { INodeParameters } from 'n8n-workflow';

import type { ApiVersion } from '../../tools/contract/openapi';
import { sandboxCredentials } from '../../tools/engine/credentials';
import { runWorkflow } from '../../tools/engine/runWorkflow';
import { NODE_NAME, singleNodeWorkflow, withContinueOnFail } from '../../tools/engine/workflows';
import { LOCATION, appointmentBody, bookableCalendar, call, expectRequestsValid } from '../../tools/sandbox/harness';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../tools/sandbox/server';

/** Monday 1 June 2026, 12:00 UTC (8:00 in New York, the seeded sub-accounts' zone) */
const NOW = Date.parse('2026-06-01T12:00:00Z');
const USER = 'sandboxUser00000001';

let sandbox: Sandbox;
async function restart(options: Partial<SandboxOptions> = {}) {
	await sandbox?.close();
	sandbox = await startSandbox({ port: 0, clock: () => NOW, ...options });
}
beforeAll(async () => await restart());
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

/** The node in a workflow whose time zone is New York (no Time Zone option: local times are read there). */
async function run(parameters: INodeParameters, items: object[] = [{}]) {
	const fixture = { ...withContinueOnFail(singleNodeWorkflow(parameters, items)), settings: { timezone: 'America/New_York' } };
	const result = await runWorkflow(fixture, sandboxCredentials(sandbox.url));
	return (result.output(NODE_NAME) ?? []).map((item) => item.json as { id: string } & Record<string, unknown>);
}

const blockedSlots = () => sandbox.state().blockedSlots[LOCATION] ?? [];
const notes = () => Object.values(sandbox.state().notes).flat();
const calendarOf = (id: string) => ({ __rl: true, mode: 'list', value: id });
const posts = () => sandbox.requests().filter((r) => r.method === 'POST');

describe.each<ApiVersion>(['2021-04-15', 'v3'])('against the sandbox, Version %s', (apiVersion) => {
	const options = { apiVersion };
	const blocked = (parameters: INodeParameters) => run({ resource: 'blockedSlot', ...parameters, options: { ...options, ...(parameters.options as object) } });
	const freeSlots = async (calendarId: string) =>
		(await run({ resource: 'calendar', operation: 'getFreeSlots', calendar: calendarOf(calendarId), start: '2026-06-02T09:00:00', end: '2026-06-02T11:00:00', options })).map((slot) => slot.start);

	test('Blocked Slot: Create takes the time out of the free slots; Get Many, Update and Delete', async () => {
		const calendar = await bookableCalendar(sandbox);
		const [made] = await blocked({ operation: 'create', calendar: calendarOf(calendar.id), startTime: '2026-06-02T09:30:00', endTime: '2026-06-02T10:30:00', title: 'Team meeting' });
		expect(made).toMatchObject({ calendarId: calendar.id, title: 'Team meeting', startTime: '2026-06-02T09:30:00-04:00', endTime: '2026-06-02T10:30:00-04:00' });
		expect(await freeSlots(calendar.id)).toEqual(['2026-06-02T09:00:00-04:00', '2026-06-02T10:30:00-04:00']);

		const listed = await blocked({ operation: 'getAll', calendar: calendarOf(calendar.id), startTime: '2026-06-02', endTime: '2026-06-03', returnAll: true });
		expect(listed.map((slot) => [slot.id, slot.title])).toEqual([[made.id, 'Team meeting']]);
		expect(await blocked({ operation: 'getAll', calendar: calendarOf(calendar.id), startTime: '2026-06-03', endTime: '2026-06-04', returnAll: true })).toEqual([]);

		const [moved] = await blocked({ operation: 'update', blockedSlotId: made.id, calendar: calendarOf(calendar.id), updateFields: { startTime: '2026-06-02T10:00:00', endTime: '2026-06-02T11:00:00' } });
		expect(moved).toMatchObject({ id: made.id, title: 'Team meeting', startTime: '2026-06-02T10:00:00-04:00', endTime: '2026-06-02T11:00:00-04:00' });
		expect(await freeSlots(calendar.id)).toEqual(['2026-06-02T09:00:00-04:00', '2026-06-02T09:30:00-04:00']);

		expect(await blocked({ operation: 'delete', blockedSlotId: made.id })).toEqual([{ deleted: true, id: made.id }]);
		expect(blockedSlots()).toEqual([]);
		expectRequestsValid(sandbox);
	});

	test("Blocked Slot for a user: listed by the user's ID, not by a calendar", async () => {
		const calendar = await bookableCalendar(sandbox);
		const [made] = await blocked({ operation: 'create', blockFor: 'user', userId: USER, startTime: '2026-06-05T13:00:00', endTime: '2026-06-05T14:00:00' });
		expect(made).toMatchObject({ assignedUserId: USER, startTime: '2026-06-05T13:00:00-04:00' });
		expect(made.calendarId).toBeUndefined();
		const range = { startTime: '2026-06-05', endTime: '2026-06-06', returnAll: true };
		expect((await blocked({ operation: 'getAll', blockedSlotsOf: 'user', userId: USER, ...range })).map((slot) => slot.id)).toEqual([made.id]);
		expect(await blocked({ operation: 'getAll', calendar: calendarOf(calendar.id), ...range })).toEqual([]);
		expectRequestsValid(sandbox);
	});

	test('Appointment Note: Create, Get Many through every page, Update, Delete', async () => {
		const calendar = await bookableCalendar(sandbox);
		const booked = await call(sandbox, 'POST', '/calendars/events/appointments', { body: appointmentBody(calendar.id, '2026-06-02T09:00:00-04:00') });
		const appointmentId = booked.body.id as string;
		const note = (parameters: INodeParameters, items?: object[]) =>
			run({ resource: 'appointmentNote', appointmentId, ...parameters, options: { ...options, maxInFlight: 1 } }, items);
		const made = await note({ operation: 'create', noteBody: '={{ $json.text }}', noteUserId: USER }, Array.from({ length: 23 }, (_, i) => ({ text: `Call ${i}` })));
		expect(made.map((n) => n.body)).toEqual(Array.from({ length: 23 }, (_, i) => `Call ${i}`));
		expect(notes()).toHaveLength(23);

		const all = await note({ operation: 'getAll', returnAll: true });
		expect(all.map((n) => n.body).sort()).toEqual(made.map((n) => n.body).sort());
		expect(await note({ operation: 'getAll', returnAll: false, limit: 3 })).toHaveLength(3);

		const [changed] = await note({ operation: 'update', noteId: made[0].id, noteBody: 'Called back' });
		expect(changed).toMatchObject({ id: made[0].id, body: 'Called back' });
		expect(await note({ operation: 'delete', noteId: made[0].id })).toEqual([{ deleted: true, id: made[0].id }]);
		expect(notes()).toHaveLength(22);
		expectRequestsValid(sandbox);
	});
});

describe('answers lost after the sandbox stored the create', () => {
	beforeAll(async () => await restart({ faults: { seed: 7, lostAfterStore: 1 } }));
	afterAll(async () => await restart());

	test("a user's blocked slot is made once and output", async () => {
		const [made] = await run({ resource: 'blockedSlot', operation: 'create', blockFor: 'user', userId: USER, startTime: '2026-06-02T09:30:00', endTime: '2026-06-02T10:30:00', title: 'Lost' });
		expect(blockedSlots()).toHaveLength(1);
		expect(made).toMatchObject({ id: blockedSlots()[0].id, title: 'Lost', assignedUserId: USER, startTime: '2026-06-02T09:30:00-04:00' });
		expect(posts().map((r) => r.path)).toEqual(['/calendars/events/block-slots']);
		expectRequestsValid(sandbox);
	});

	test('a note is made once and output', async () => {
		const calendarId = (await call(sandbox, 'POST', '/calendars/', { body: { locationId: LOCATION, name: 'Calls', calendarType: 'event' } }).catch(() => undefined), sandbox.state().calendars[LOCATION][0].id);
		await call(sandbox, 'POST', '/calendars/events/appointments', { body: appointmentBody(calendarId, '2026-06-02T09:00:00-04:00') }).catch(() => undefined);
		const appointmentId = sandbox.state().appointments[LOCATION][0].id;
		const before = posts().length;
		const [made] = await run({ resource: 'appointmentNote', operation: 'create', appointmentId, noteBody: 'Lost answer' });
		expect(notes().map((n) => [n.id, n.body])).toEqual([[made.id, 'Lost answer']]);
		expect(posts().length - before).toBe(1);
	});
});
