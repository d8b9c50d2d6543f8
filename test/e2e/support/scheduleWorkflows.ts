/**
 * The Availability Schedule workflow of the e2e suite: started by a Webhook in the running editor, the POST body naming
 * the calendar, its user, the day (in New York) and that day's weekday. Create → Get → Search → Update, then Get Free
 * Slots before, while and after the schedule is applied to the calendar, and Delete.
 */
import { BOOKING_ZONE, freeSlots } from './bookingWorkflows';
import { byId, chain, step, webhookBody, webhookTrigger, type CredRef } from './workflows';

/** What the test POSTs to the schedule workflow. */
export interface ScheduleRequest {
	calendarId: string;
	/** the calendar's team member whose schedule it is */
	userId: string;
	/** YYYY-MM-DD, a day the calendar is open */
	day: string;
	/** that day's weekday, as the schedule's fields name it (monday …) */
	weekday: string;
}

const hours = (from: string, to: string) => ({ hours: [{ day: `={{ ${webhookBody('weekday')} }}`, from, to }] });

export function scheduleWorkflow(cred: CredRef, path: string) {
	const schedule = step('availabilitySchedule');
	const created = byId(`={{ $('Create schedule').first().json.id }}`);
	const calendar = byId(`={{ ${webhookBody('calendarId')} }}`);
	const userId = `={{ ${webhookBody('userId')} }}`;
	const allDay = (name: string) => freeSlots(name, cred, '00:00:00', '23:59:00');
	return chain(
		'e2e 11: availability schedule',
		[
			schedule('Create schedule', cred, { operation: 'create', name: 'Afternoons', userId, timeZone: BOOKING_ZONE, weeklyHours: hours('15:00', '16:00') }),
			schedule('Get schedule', cred, { operation: 'get', schedule: created }),
			schedule('Schedules of the user', cred, { operation: 'search', userId, returnAll: true }),
			schedule('Update schedule', cred, { operation: 'update', schedule: created, updateFields: { name: 'Long afternoons', weeklyHours: hours('14:00', '16:00') } }),
			allDay('Free slots before'),
			schedule('Apply to calendar', cred, { operation: 'applyToCalendar', schedule: created, calendar }),
			allDay('Free slots on the schedule'),
			schedule('Schedules applied to the calendar', cred, { operation: 'search', userId, appliedTo: calendar, returnAll: true }),
			schedule('Remove from calendar', cred, { operation: 'removeFromCalendar', schedule: created, calendar }),
			allDay('Free slots after'),
			schedule('Delete schedule', cred, { operation: 'delete', schedule: created }),
		],
		webhookTrigger(path),
	);
}
