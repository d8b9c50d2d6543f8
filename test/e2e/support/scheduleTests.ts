/**
 * Availability Schedule in real n8n, inside a suite's running editor (no n8n start of its own): one workflow started by
 * its Webhook; what the nodes output, Get Free Slots before, while and after the schedule is applied, and what the
 * sandbox holds after.
 */
import { bookableCalendar, LOCATION } from '../../../tools/sandbox/harness';
import { itemsOf } from '../../../tools/n8n/execute';
import { BOOKING_ZONE } from './bookingWorkflows';
import { MINUTE } from './run';
import { scheduleWorkflow, type ScheduleRequest } from './scheduleWorkflows';
import { webhookCases, type EditorContext } from './webhookCases';

const USER = 'e2eScheduleUser00001';
const time = (iso: unknown) => String(iso).slice(11, 16);
/** the calendar's own hours: 9:00 to 17:00, 30-minute slots */
const OPEN_HOURS = Array.from({ length: 16 }, (_, i) => `${String(9 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`);

export function describeSchedules(context: () => EditorContext): void {
	describe('availability schedule: a workflow the running editor executes (Webhook trigger), each operation asserted', () => {
		const { run } = webhookCases(context, { 'availability schedule': (path) => scheduleWorkflow(context().cred, path) });

		test('Create, Get, Search, Update; Apply to Calendar: Get Free Slots follows the schedule; Remove from Calendar: the calendar\'s hours again; Delete', async () => {
			const { sandbox } = context();
			const calendarId = (await bookableCalendar(sandbox, { name: 'Schedules', teamMembers: [{ userId: USER }] })).id;
			const day = new Intl.DateTimeFormat('en-CA', { timeZone: BOOKING_ZONE }).format(Date.now() + 3 * 24 * 3600_000);
			const weekday = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long' }).format(new Date(`${day}T12:00:00Z`)).toLowerCase();
			const exec = await run('availability schedule', { calendarId, userId: USER, day, weekday } satisfies ScheduleRequest);

			const [schedule] = itemsOf(exec, 'Create schedule');
			const rule = (from: string, to: string) => [{ type: 'wday', day: weekday, intervals: [{ from, to }] }];
			expect(schedule).toEqual(expect.objectContaining({ name: 'Afternoons', userId: USER, timezone: BOOKING_ZONE, rules: rule('15:00', '16:00') }));
			expect(itemsOf(exec, 'Get schedule')).toEqual([schedule]);
			expect(itemsOf(exec, 'Schedules of the user')).toEqual([schedule]);
			const [updated] = itemsOf(exec, 'Update schedule');
			expect(updated).toEqual(expect.objectContaining({ id: schedule.id, name: 'Long afternoons', rules: rule('14:00', '16:00') }));

			expect(itemsOf(exec, 'Free slots before').map((s) => time(s.start))).toEqual(OPEN_HOURS);
			expect(itemsOf(exec, 'Apply to calendar')).toEqual([{ applied: true, id: schedule.id, calendarId }]);
			// the schedule's hours (New York, as the slots are shown) in place of the calendar's
			expect(itemsOf(exec, 'Free slots on the schedule').map((s) => time(s.start))).toEqual(['14:00', '14:30', '15:00', '15:30']);
			expect(itemsOf(exec, 'Schedules applied to the calendar')).toEqual([expect.objectContaining({ id: schedule.id })]);
			expect(itemsOf(exec, 'Remove from calendar')).toEqual([{ removed: true, id: schedule.id, calendarId }]);
			expect(itemsOf(exec, 'Free slots after').map((s) => time(s.start))).toEqual(OPEN_HOURS);
			expect(itemsOf(exec, 'Delete schedule')).toEqual([{ deleted: true, id: schedule.id }]);
			expect(sandbox.state().schedules.schedules[LOCATION] ?? []).toEqual([]);
		}, 4 * MINUTE);
	});
}
