import type { INodeParameters } from 'n8n-workflow';

import { validateRequest, type ApiVersion } from '../../tools/contract/openapi';
import { tokenCredentials } from '../../tools/engine/credentials';
import { runWorkflow } from '../../tools/engine/runWorkflow';
import { startScriptedServer } from '../../tools/engine/scriptedServer';
import { NODE_NAME, singleNodeWorkflow } from '../../tools/engine/workflows';
import { bookingScript, CALENDAR_ID } from './bookingScript';

const DAY_MS = 86_400_000;

/** `answerAfterMs`: each answer that much after its request arrived (arrivals are timed in `arrivedAt`). */
async function freeSlots(parameters: INodeParameters, timezone = 'America/New_York', answerAfterMs = 0) {
	const { script } = bookingScript(undefined, 45);
	const arrivedAt: number[] = [];
	const server = await startScriptedServer((request, index) => {
		arrivedAt.push(Date.now());
		return { ...script(request, index), delayMs: answerAfterMs };
	});
	try {
		const fixture = singleNodeWorkflow({ resource: 'calendar', operation: 'getFreeSlots', calendar: { __rl: true, mode: 'id', value: CALENDAR_ID }, ...parameters });
		const result = await runWorkflow({ ...fixture, settings: { timezone } }, tokenCredentials(server.url));
		const invalid = server.requests.flatMap((r) => validateRequest(r).errors);
		return { output: result.output(NODE_NAME)?.map((item) => item.json), error: result.error(NODE_NAME), requests: server.requests, invalid, arrivedAt };
	} finally {
		await server.close();
	}
}

const slotRequests = (requests: Array<{ path: string; query: Record<string, string> }>) =>
	requests.filter((r) => r.path.endsWith('/free-slots')).map((r) => [Number(r.query.startDate), Number(r.query.endDate)]);

test.each<ApiVersion>(['2021-04-15', 'v3'])('a 75-day range is asked for in three consecutive parts of at most 31 days and merged (Version %s)', async (apiVersion) => {
	const { output, requests, invalid, error } = await freeSlots({ start: '2026-01-01T00:00:00Z', end: '2026-03-17T00:00:00Z', timeZone: 'UTC', output: 'days', options: { apiVersion } });
	expect(error).toBeUndefined();
	const start = Date.parse('2026-01-01T00:00:00Z');
	expect(slotRequests(requests)).toEqual([
		[start, start + 31 * DAY_MS],
		[start + 31 * DAY_MS, start + 62 * DAY_MS],
		[start + 62 * DAY_MS, start + 75 * DAY_MS],
	]);
	expect(invalid).toEqual([]);
	expect(output).toHaveLength(75);
	expect(output?.[31]).toEqual({ date: '2026-02-01', slots: ['2026-02-01T09:00:00+00:00', '2026-02-01T10:00:00+00:00', '2026-02-01T11:00:00+00:00', '2026-02-01T12:00:00+00:00', '2026-02-01T13:00:00+00:00', '2026-02-01T14:00:00+00:00', '2026-02-01T15:00:00+00:00', '2026-02-01T16:00:00+00:00'], timeZone: 'UTC' });
	expect(new Set(output?.map((day) => day.date)).size).toBe(75);
});

test('the parts of a range are asked for together, as many at once as Max Requests In Flight lets', async () => {
	const range = { start: '2026-01-01T00:00:00Z', end: '2026-03-17T00:00:00Z', timeZone: 'UTC', output: 'days' };
	const together = await freeSlots(range, 'UTC', 400);
	expect(together.output).toHaveLength(75);
	// all three arrived before HighLevel answered the first
	expect(together.arrivedAt[2] - together.arrivedAt[0]).toBeLessThan(400);
	const oneAtATime = await freeSlots({ ...range, options: { maxInFlight: 1 } }, 'UTC', 400);
	expect(oneAtATime.output).toHaveLength(75);
	expect(oneAtATime.arrivedAt[1] - oneAtATime.arrivedAt[0]).toBeGreaterThanOrEqual(400);
	expect(oneAtATime.arrivedAt[2] - oneAtATime.arrivedAt[1]).toBeGreaterThanOrEqual(400);
});

test("one item per slot: HighLevel's start, the end from the slot duration, the date and zone; a list across midnight", async () => {
	// 09:00–16:00 UTC is 18:00–01:00 in Tokyo: the last slot is on the next date there
	const { output, requests } = await freeSlots({ start: '2026-03-09T00:00:00', end: '2026-03-10T01:30:00', timeZone: 'Asia/Tokyo' });
	expect(requests.find((r) => r.path.endsWith('/free-slots'))?.query).toMatchObject({
		startDate: String(Date.parse('2026-03-08T15:00:00Z')),
		endDate: String(Date.parse('2026-03-09T16:30:00Z')),
		timezone: 'Asia/Tokyo',
	});
	expect(output?.slice(-3)).toEqual([
		{ start: '2026-03-09T23:00:00+09:00', end: '2026-03-09T23:45:00+09:00', date: '2026-03-09', timeZone: 'Asia/Tokyo' },
		{ start: '2026-03-10T00:00:00+09:00', end: '2026-03-10T00:45:00+09:00', date: '2026-03-10', timeZone: 'Asia/Tokyo' },
		{ start: '2026-03-10T01:00:00+09:00', end: '2026-03-10T01:45:00+09:00', date: '2026-03-10', timeZone: 'Asia/Tokyo' },
	]);
	expect(output?.map((slot) => slot.start)).toContain('2026-03-09T18:00:00+09:00');
	expect(output?.every((slot) => Date.parse(slot.start as string) >= Date.parse('2026-03-08T15:00:00Z'))).toBe(true);
});

test("the workflow's time zone across a DST change, the first free slot only with one request, and the users", async () => {
	const { output, requests, invalid } = await freeSlots({ start: '2026-03-08T00:00:00', end: '2026-05-08T00:00:00', output: 'first', userIds: 'user0001, user0002' });
	expect(output).toEqual([{ start: '2026-03-08T05:00:00-04:00', end: '2026-03-08T05:45:00-04:00', date: '2026-03-08', timeZone: 'America/New_York' }]);
	expect(slotRequests(requests)).toHaveLength(1);
	expect(requests[0].query.userIds).toBe('user0001,user0002');
	expect(invalid).toEqual([]);
	expect(requests[0].query.startDate).toBe(String(Date.parse('2026-03-08T05:00:00Z')));
	const single = await freeSlots({ start: '2026-11-01T00:00:00', end: '2026-11-02T00:00:00', userIds: 'user0001' });
	expect(single.requests[0].query).toMatchObject({ userId: 'user0001', startDate: String(Date.parse('2026-11-01T04:00:00Z')), endDate: String(Date.parse('2026-11-02T05:00:00Z')) });
	expect(single.invalid).toEqual([]);
});

test('End before Start, and a time zone Intl does not know, are refused naming the item', async () => {
	expect((await freeSlots({ start: '2026-03-09', end: '2026-03-08' })).error?.message).toBe('End in item 0 is not after Start');
	const unknown = await freeSlots({ start: '2026-03-09', end: '2026-03-10', timeZone: 'Europe/Atlantis' });
	expect(unknown.error?.message).toBe('Time Zone "Europe/Atlantis" in item 0 is not a time zone');
	expect(unknown.requests).toEqual([]);
});
