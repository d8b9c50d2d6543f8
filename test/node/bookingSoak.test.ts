import { tokenCredentials } from '../../tools/engine/credentials';
import { runWorkflow } from '../../tools/engine/runWorkflow';
import { startScriptedServer } from '../../tools/engine/scriptedServer';
import { NODE_NAME, singleNodeWorkflow } from '../../tools/engine/workflows';
import { bookingScript, CALENDAR_ID } from './bookingScript';

test('500 bookings with 10% 429s, 5% 500s, 2% resets and 2% answers lost after the store: exactly 500 appointments, no contact booked twice, one paired output per item', async () => {
	const { script, appointments } = bookingScript({ seed: 20261207, rateLimited: 0.1, error5xx: 0.05, reset: 0.02, lostAfterStore: 0.02 });
	const server = await startScriptedServer(script);
	const start = Date.parse('2026-04-01T09:00:00Z');
	const items = Array.from({ length: 500 }, (_, i) => ({ contactId: `soakContact${i}`, start: start + i * 30 * 60_000 }));
	try {
		const fixture = singleNodeWorkflow(
			{
				resource: 'appointment',
				operation: 'book',
				calendar: { __rl: true, mode: 'id', value: CALENDAR_ID },
				contactId: '={{ $json.contactId }}',
				startTime: '={{ $json.start }}',
				endTime: '={{ $json.start + 1800000 }}',
				options: { maxRetries: 8 },
			},
			items,
		);
		const run = await runWorkflow(fixture, tokenCredentials(server.url));
		expect(run.error(NODE_NAME)).toBeUndefined();
		expect(appointments).toHaveLength(500);
		expect(new Set(appointments.map((a) => a.contactId)).size).toBe(500);
		const output = run.output(NODE_NAME) ?? [];
		expect(output.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(output.map((item) => item.json.contactId)).toEqual(items.map((item) => item.contactId));
		const answers = server.requests.length;
		const posts = server.requests.filter((r) => r.method === 'POST').length;
		const lookups = server.requests.filter((r) => r.path === '/calendars/events').length;
		expect(posts).toBeGreaterThan(500);
		expect(lookups).toBeGreaterThan(10);
		expect(answers).toBeGreaterThan(posts + lookups - 1);
	} finally {
		await server.close();
	}
}, 120_000);
