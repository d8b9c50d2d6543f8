/**
 * What the sandbox holds for the new sub-account after the onboarding workflow: its groups (none: the last group step
 * deletes the group with its calendars), the round robin that was moved out of the group first, the room, the
 * reminder on the round robin and the owner's schedule applied to it; and what the two free-slot queries of
 * tomorrow found on the round robin, before and after the schedule.
 */
import { DateTime } from 'luxon';

import type { SavedExecution } from '../n8n/activeWorkflows';
import { itemsOf } from '../n8n/execute';
import type { Sandbox } from '../sandbox/server';

export const ROUND_ROBIN_NAME = 'Owner Calls';
const SLOTS_BEFORE = "Free Slots Tomorrow (Calendar's Hours)";
const SLOTS_AFTER = "Free Slots Tomorrow (Owner's Hours)";
/** the schedule's hours (workflow.json: every day), in the sub-account's zone */
const SCHEDULE_HOURS = { from: '10:00', to: '13:00' };

/** Tomorrow's free slots on the round robin as a step found them: their times of day in the zone. */
function slotTimes(execution: SavedExecution, step: string, zone: string): string[] {
	return itemsOf(execution, step).flatMap((day) => ((day.slots as string[] | undefined) ?? []).map((start) => DateTime.fromISO(start, { zone }).toFormat('HH:mm')));
}

const range = (times: string[]) => (times.length ? `${times.length} (${times[0]}–${times[times.length - 1]})` : 'none');

export function onboardingOutcome(sandbox: Sandbox, locationId: string, execution: SavedExecution | undefined, zone: string): { lines: string[]; problems: string[] } {
	const state = sandbox.state();
	const groups = state.locations[locationId] ?? [];
	const calendars = state.calendars[locationId] ?? [];
	const rooms = (state.resources.resources[locationId] ?? []).filter((resource) => resource.resourceType === 'rooms');
	const roundRobin = calendars.find((calendar) => calendar.name === ROUND_ROBIN_NAME);
	const reminders = (state.resources.notifications[locationId] ?? []).filter(
		(notification) => notification.calendarId === roundRobin?.id && notification.notificationType === 'reminder',
	);
	const schedules = (state.schedules.schedules[locationId] ?? []).filter((schedule) => roundRobin && schedule.calendarIds.includes(roundRobin.id));
	const problems: string[] = [];
	if (!roundRobin) problems.push(`no calendar "${ROUND_ROBIN_NAME}" left in ${locationId}`);
	if (rooms.length !== 1) problems.push(`${rooms.length} rooms in ${locationId}, 1 expected`);
	if (reminders.length !== 1) problems.push(`${reminders.length} reminders on "${ROUND_ROBIN_NAME}", 1 expected`);
	if (schedules.length !== 1) problems.push(`${schedules.length} schedules applied to "${ROUND_ROBIN_NAME}", 1 expected`);
	const before = execution ? slotTimes(execution, SLOTS_BEFORE, zone) : [];
	const after = execution ? slotTimes(execution, SLOTS_AFTER, zone) : [];
	if (!after.length || after.some((time) => time < SCHEDULE_HOURS.from || time >= SCHEDULE_HOURS.to)) {
		problems.push(`tomorrow's free slots after the schedule (${after.join(', ') || 'none'}) are not inside its ${SCHEDULE_HOURS.from}–${SCHEDULE_HOURS.to}`);
	}
	const tomorrow = DateTime.now().setZone(zone).plus({ days: 1 }).toFormat('ccc d LLL');
	return {
		lines: [
			`${groups.length} groups and ${calendars.length} calendars in ${locationId}; rooms: ${rooms.map((room) => `"${room.name}"`).join(', ') || 'none'}; reminders on "${ROUND_ROBIN_NAME}": ${reminders.length}; schedules applied to it: ${schedules.map((schedule) => `"${schedule.name}" (${schedule.userId})`).join(', ') || 'none'}`,
			`free slots tomorrow (${tomorrow}, ${zone}) on "${ROUND_ROBIN_NAME}": before the owner's schedule ${range(before)}, after it ${range(after)}`,
		],
		problems,
	};
}
