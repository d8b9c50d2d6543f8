import type { INodeParameters } from 'n8n-workflow';

import type { ApiVersion, RecordedRequest } from '../../tools/contract/openapi';
import { validateRequest } from '../../tools/contract/openapi';
import { TEST_LOCATION, tokenCredentials } from '../../tools/engine/credentials';
import { runWorkflow } from '../../tools/engine/runWorkflow';
import { startScriptedServer, type Script } from '../../tools/engine/scriptedServer';
import { NODE_NAME, singleNodeWorkflow, withContinueOnFail } from '../../tools/engine/workflows';

const NEW_YORK = { timeZone: 'America/New_York' };
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** Runs the node with On Error → Continue against a scripted HighLevel; every request must be valid under its Version. */
async function run(script: Script, parameters: INodeParameters, items: object[] = [{}], version: ApiVersion = '2021-04-15') {
	const server = await startScriptedServer(script);
	const options = { apiVersion: version, ...NEW_YORK, ...(parameters.options as object) };
	const result = await runWorkflow(withContinueOnFail(singleNodeWorkflow({ resource: 'blockedSlot', ...parameters, options }, items)), tokenCredentials(server.url)).finally(async () => await server.close());
	for (const request of server.requests) expect(validateRequest(request).errors).toEqual([]);
	return { output: result.output(NODE_NAME) ?? [], requests: server.requests };
}

/** HighLevel's answer to a create or update: the blocked slot as sent, with its id. */
const echo = (id: string): Script => (request) => ({ status: 201, body: { id, ...(request.body as object), title: (request.body as { title?: string }).title ?? '' } });
const sent = (requests: RecordedRequest[]) => requests.map((r) => [r.method, r.path, r.body]);

describe.each<ApiVersion>(['2021-04-15', 'v3'])('Blocked Slot with Version %s', (version) => {
	test('Create for a calendar sends calendarId and the times as ISO with the zone\'s offset', async () => {
		const { output, requests } = await run(echo('slot1'), {
			operation: 'create',
			calendar: byId('cal1'),
			startTime: '2026-07-01T09:00:00',
			endTime: '2026-07-01T17:30:00',
			title: 'Team offsite',
		}, [{}], version);
		const body = { locationId: TEST_LOCATION, calendarId: 'cal1', startTime: '2026-07-01T09:00:00-04:00', endTime: '2026-07-01T17:30:00-04:00', title: 'Team offsite' };
		expect(sent(requests)).toEqual([['POST', '/calendars/events/block-slots', body]]);
		expect(requests[0].headers.version).toBe(version);
		expect(output).toEqual([{ json: { id: 'slot1', ...body }, pairedItem: { item: 0 } }]);
	});

	test('Create for a user sends assignedUserId and no calendarId (the spec\'s required list says otherwise)', async () => {
		const { requests } = await run(echo('slot2'), {
			operation: 'create',
			blockFor: 'user',
			userId: 'user1',
			startTime: '={{ $json.start }}',
			endTime: '={{ $json.end }}',
		}, [{ start: '2026-12-24T00:00:00+01:00', end: Date.parse('2027-01-01T00:00:00Z') }], version);
		expect(requests[0].body).toEqual({
			locationId: TEST_LOCATION,
			assignedUserId: 'user1',
			startTime: '2026-12-23T18:00:00-05:00',
			endTime: '2026-12-31T19:00:00-05:00',
		});
	});

	test('Get Many of a calendar, a group and a user: the range as epoch-millisecond strings', async () => {
		const event = { id: 'slot1', title: 'Off', calendarId: 'cal1', locationId: TEST_LOCATION, startTime: '2026-07-01T09:00:00-04:00', endTime: '2026-07-01T10:00:00-04:00' };
		const list: Script = () => ({ status: 200, body: { events: [event, { ...event, id: 'slot2' }] } });
		const range = { startTime: '2026-07-01T00:00:00', endTime: '={{ DateTime.fromISO("2026-07-08T00:00:00", { zone: "America/New_York" }) }}' };
		const queries: object[] = [];
		for (const whose of [{ calendar: byId('cal1') }, { blockedSlotsOf: 'group', group: byId('grp1') }, { blockedSlotsOf: 'user', userId: 'user1' }]) {
			const { output, requests } = await run(list, { operation: 'getAll', returnAll: true, ...range, ...whose }, [{}], version);
			expect(output.map((i) => i.json.id)).toEqual(['slot1', 'slot2']);
			queries.push(...requests.map((r) => r.query));
		}
		const times = { locationId: TEST_LOCATION, startTime: String(Date.parse('2026-07-01T04:00:00Z')), endTime: String(Date.parse('2026-07-08T04:00:00Z')) };
		expect(queries).toEqual([{ ...times, calendarId: 'cal1' }, { ...times, groupId: 'grp1' }, { ...times, userId: 'user1' }]);
		const limited = await run(list, { operation: 'getAll', returnAll: false, limit: 1, ...range, calendar: byId('cal1') }, [{}], version);
		expect(limited.output.map((i) => i.json.id)).toEqual(['slot1']);
	});

	test('Update sends the owner and the location with the fields set; Delete sends DELETE /calendars/events/{id}', async () => {
		const update = await run(echo('slot1'), {
			operation: 'update',
			blockedSlotId: 'slot1',
			calendar: byId('cal1'),
			updateFields: { title: 'Moved', endTime: '2026-07-01T12:00:00' },
		}, [{}], version);
		expect(sent(update.requests)).toEqual([
			['PUT', '/calendars/events/block-slots/slot1', { locationId: TEST_LOCATION, calendarId: 'cal1', title: 'Moved', endTime: '2026-07-01T12:00:00-04:00' }],
		]);
		const del = await run(() => ({ status: 201, body: { succeeded: true } }), { operation: 'delete', blockedSlotId: 'slot1' }, [{}], version);
		expect(sent(del.requests)).toEqual([['DELETE', '/calendars/events/slot1', {}]]);
		expect(del.output).toEqual([{ json: { deleted: true, id: 'slot1' }, pairedItem: { item: 0 } }]);
	});
});

describe('Blocked Slot dates across DST changes (America/New_York)', () => {
	test.each([
		['a time the spring change skips is moved on by the jump', '2026-03-08T02:30:00', '2026-03-08T03:30:00-04:00'],
		['a time the autumn change repeats is its first occurrence', '2026-11-01T01:30:00', '2026-11-01T01:30:00-04:00'],
		['the hour after the autumn change', '2026-11-01T02:30:00', '2026-11-01T02:30:00-05:00'],
		['an instant given in Berlin keeps its moment', '2026-03-29T03:00:00+02:00', '2026-03-28T21:00:00-04:00'],
	])('%s', async (_what, start, expected) => {
		const { requests } = await run(echo('s'), { operation: 'create', calendar: byId('cal1'), startTime: start, endTime: '2026-12-31T00:00:00' });
		expect((requests[0].body as { startTime: string }).startTime).toBe(expected);
	});
});

describe('Blocked Slot: exactly once', () => {
	const stored = { id: 'slot7', locationId: TEST_LOCATION, title: 'Lunch', calendarId: 'cal1', startTime: '2026-07-01T12:00:00-04:00', endTime: '2026-07-01T13:00:00-04:00' };
	const lostAfterStore = (extra: object = {}): Script => {
		let storedYet = false;
		return (request) => {
			if (request.method === 'GET') return { status: 200, body: { events: storedYet ? [{ ...stored, ...extra }] : [] } };
			storedYet = true;
			return { status: 0, reset: true };
		};
	};
	const create = { operation: 'create', calendar: byId('cal1'), title: 'Lunch', startTime: '2026-07-01T12:00:00', endTime: '2026-07-01T13:00:00' };

	test.each([5, 0])('a create whose answer is lost after the store is looked up, not sent again (Max Retries %s)', async (maxRetries) => {
		const { output, requests } = await run(lostAfterStore(), { ...create, options: { maxRetries } });
		expect(output).toEqual([{ json: stored, pairedItem: { item: 0 } }]);
		expect(requests.map((r) => r.method)).toEqual(['POST', 'GET']);
		expect(requests[1].query).toEqual({
			locationId: TEST_LOCATION,
			calendarId: 'cal1',
			startTime: String(Date.parse('2026-07-01T16:00:00Z')),
			endTime: String(Date.parse('2026-07-01T17:00:00Z')),
		});
	});

	test('a user\'s blocked slot is looked up by userId; one at that time with another title is not taken for it', async () => {
		const { output, requests } = await run(lostAfterStore({ calendarId: undefined, assignedUserId: 'user1', title: 'Dentist' }), {
			...create,
			blockFor: 'user',
			userId: 'user1',
			options: { maxRetries: 1 },
		});
		expect(requests.map((r) => r.method)).toEqual(['POST', 'GET', 'POST', 'GET']);
		expect(requests[1].query.userId).toBe('user1');
		expect(output[0].json.error).toMatch(/^Could not reach HighLevel at http:\/\/127\.0\.0\.1:\d+$/);
	});
});

describe('Blocked Slot: bad input is refused before sending, naming the field and the item; the other items go on', () => {
	const good = { start: '2026-07-01T09:00:00', end: '2026-07-01T10:00:00', calendar: 'cal1', zone: '' };
	test.each([
		['an empty calendar', { calendar: ' ' }, 'Calendar is empty in item 1'],
		['an empty Start Time', { start: '' }, 'Start Time is empty in item 1'],
		['a Start Time that is no date', { start: 'next tuesday' }, 'Start Time "next tuesday" in item 1 is not a date'],
		['an End Time in epoch seconds', { end: 1_782_900_000 }, 'End Time 1782900000 in item 1 looks like epoch seconds, not milliseconds (multiply it by 1000)'],
		['an End Time before Start Time', { end: '2026-07-01T08:00:00' }, 'End Time in item 1 is not after Start Time'],
		['an unknown time zone', { zone: 'Mars/Olympus' }, 'Time Zone "Mars/Olympus" in item 1 is not a time zone'],
	])('%s', async (_what, bad, message) => {
		const { output, requests } = await run(echo('s'), {
			operation: 'create',
			calendar: byId('={{ $json.calendar }}'),
			startTime: '={{ $json.start }}',
			endTime: '={{ $json.end }}',
			options: { timeZone: '={{ $json.zone }}' },
		}, [good, { ...good, ...bad }, good]);
		expect(output.map((i) => i.json.error ?? i.json.id)).toEqual(['s', message, 's']);
		expect(requests).toHaveLength(2);
	});

	test('an empty User ID, and an Update with nothing to change', async () => {
		const user = await run(echo('s'), { operation: 'create', blockFor: 'user', userId: '={{ $json.user }}', startTime: good.start, endTime: good.end }, [{ user: ' ' }]);
		expect(user.output[0].json.error).toBe('User ID is empty in item 0');
		const update = await run(echo('s'), { operation: 'update', blockedSlotId: 'slot1', calendar: byId('cal1'), updateFields: {} });
		expect(update.output[0].json.error).toBe('Nothing to update in item 0');
		expect([...user.requests, ...update.requests]).toEqual([]);
	});
});
