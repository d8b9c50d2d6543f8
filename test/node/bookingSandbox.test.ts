import { LoadOptionsContext } from 'n8n-core';
import type { INodeParameters } from 'n8n-workflow';

import { searchCalendarUsers } from '../../nodes/HighLevelCalendars/listSearch/searchCalendarUsers';
import type { ApiVersion } from '../../tools/contract/openapi';
import { sandboxCredentials } from '../../tools/engine/credentials';
import { TestCredentialsHelper } from '../../tools/engine/credentialsHelper';
import { buildWorkflow, runWorkflow, stubbedAdditionalData } from '../../tools/engine/runWorkflow';
import { NODE_NAME, singleNodeWorkflow } from '../../tools/engine/workflows';
import { CONTACT, appointmentsOf, bookableCalendar, expectRequestsValid } from '../../tools/sandbox/harness';
import { startSandbox, type Sandbox } from '../../tools/sandbox/server';

/** Monday 1 June 2026, 12:00 UTC (8:00 in New York, the seeded sub-accounts' zone) */
const NOW = Date.parse('2026-06-01T12:00:00Z');
const OTHER_CONTACT = 'sandboxContact0002';

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox({ port: 0, clock: () => NOW })));
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

async function run(parameters: INodeParameters) {
	const fixture = { ...singleNodeWorkflow(parameters), settings: { timezone: 'America/New_York' } };
	const result = await runWorkflow(fixture, sandboxCredentials(sandbox.url));
	return { output: result.output(NODE_NAME)?.map((item) => item.json), error: result.error(NODE_NAME) };
}

describe.each<ApiVersion>(['2021-04-15', 'v3'])('against the sandbox, Version %s', (apiVersion) => {
	const options = { apiVersion };
	const calendarOf = (id: string) => ({ __rl: true, mode: 'list', value: id });
	const firstFree = async (calendarId: string) =>
		await run({ resource: 'calendar', operation: 'getFreeSlots', calendar: calendarOf(calendarId), start: '2026-06-02T00:00:00', end: '2026-06-03T00:00:00', output: 'first', options });
	const book = async (calendarId: string, contactId: string, extra: INodeParameters = {}) =>
		await run({ resource: 'appointment', operation: 'book', calendar: calendarOf(calendarId), contactId, startTime: '2026-06-02T09:00:00', ...extra, options: { ...options, ...(extra.options as object) } });

	test('free slot → Book → the slot is no longer free; If Slot Is Taken both ways; Get, Get Many, Update, Cancel, Delete', async () => {
		const calendar = await bookableCalendar(sandbox);
		expect((await firstFree(calendar.id)).output).toEqual([{ start: '2026-06-02T09:00:00-04:00', end: '2026-06-02T09:30:00-04:00', date: '2026-06-02', timeZone: 'America/New_York' }]);

		const booked = await book(calendar.id, CONTACT);
		expect(booked.error).toBeUndefined();
		expect(booked.output?.[0]).toMatchObject({ calendarId: calendar.id, contactId: CONTACT, startTime: '2026-06-02T09:00:00-04:00', endTime: '2026-06-02T09:30:00-04:00' });
		expect((await firstFree(calendar.id)).output?.[0].start).toBe('2026-06-02T09:30:00-04:00');

		const refused = await book(calendar.id, OTHER_CONTACT);
		expect(refused.error?.message).toBe(`2026-06-02 09:00 (America/New_York) in calendar "Consultation" (${calendar.id}) is not free for contact "${OTHER_CONTACT}" (item 0)`);
		expect(refused.error?.description).toContain('HighLevel answered: The slot you have selected is no longer available.');
		const next = await book(calendar.id, OTHER_CONTACT, { options: { onSlotTaken: 'bookNextFreeSlot', searchDays: 1 } });
		expect(next.output?.[0]).toMatchObject({ contactId: OTHER_CONTACT, startTime: '2026-06-02T09:30:00-04:00', requestedStartTime: '2026-06-02T09:00:00-04:00', bookedNextFreeSlot: true });

		const id = booked.output?.[0].id as string;
		expect((await run({ resource: 'appointment', operation: 'get', appointmentId: id, options })).output?.[0]).toMatchObject({ id, contactId: CONTACT });
		const listed = await run({ resource: 'appointment', operation: 'getAll', eventsOf: 'calendar', calendar: calendarOf(calendar.id), startTime: '2026-06-02', endTime: '2026-06-03', returnAll: true, options });
		expect(listed.output?.map((event) => event.contactId)).toEqual([CONTACT, OTHER_CONTACT]);

		const moved = await run({ resource: 'appointment', operation: 'update', appointmentId: id, updateFields: { startTime: '2026-06-03T14:00:00', title: 'Moved' }, options });
		expect(moved.output?.[0]).toMatchObject({ id, title: 'Moved', startTime: '2026-06-03T14:00:00-04:00', endTime: '2026-06-03T14:30:00-04:00' });
		const cancelled = await run({ resource: 'appointment', operation: 'cancel', appointmentId: id, toNotify: false, options });
		expect(cancelled.output?.[0]).toMatchObject({ id, appointmentStatus: 'cancelled' });
		expect(appointmentsOf(sandbox).find((a) => a.id === id)).toMatchObject({ appointmentStatus: 'cancelled', toNotify: false });
		expect((await run({ resource: 'appointment', operation: 'delete', appointmentId: id, options })).output).toEqual([{ deleted: true, id }]);
		expect(appointmentsOf(sandbox).map((a) => a.contactId)).toEqual([OTHER_CONTACT]);
		expectRequestsValid(sandbox);
	});
});

test("Assigned User From List offers the calendar's team members", async () => {
	const calendar = await bookableCalendar(sandbox, { calendarType: 'round_robin', teamMembers: [{ userId: 'sandboxUser00000001', isPrimary: true }, { userId: 'sandboxUser00000002' }] });
	const fixture = singleNodeWorkflow({ authentication: 'privateIntegrationToken', resource: 'appointment', operation: 'book', calendar: { __rl: true, mode: 'list', value: calendar.id } });
	const node = fixture.nodes.find((n) => n.name === NODE_NAME)!;
	const additionalData = stubbedAdditionalData({ credentialsHelper: new TestCredentialsHelper(sandboxCredentials(sandbox.url)), currentNodeParameters: node.parameters });
	const context = new LoadOptionsContext(buildWorkflow(fixture), node, additionalData, 'parameters.assignedUser');
	expect(await searchCalendarUsers.call(context, '2')).toEqual({ results: [{ name: 'sandboxUser00000002', value: 'sandboxUser00000002' }] });
	expect((await searchCalendarUsers.call(context)).results[0]).toEqual({ name: 'sandboxUser00000001 (primary)', value: 'sandboxUser00000001' });
});
