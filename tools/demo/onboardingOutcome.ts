/**
 * What the sandbox holds for the new sub-account after the onboarding workflow: its groups (none: the last step
 * deletes the group with its calendars), the round robin that was moved out of the group first, the room, and the
 * reminder on the round robin.
 */
import type { Sandbox } from '../sandbox/server';

export const ROUND_ROBIN_NAME = 'Owner Calls';

export function onboardingOutcome(sandbox: Sandbox, locationId: string): { line: string; problems: string[] } {
	const state = sandbox.state();
	const groups = state.locations[locationId] ?? [];
	const calendars = state.calendars[locationId] ?? [];
	const rooms = (state.resources.resources[locationId] ?? []).filter((resource) => resource.resourceType === 'rooms');
	const roundRobin = calendars.find((calendar) => calendar.name === ROUND_ROBIN_NAME);
	const reminders = (state.resources.notifications[locationId] ?? []).filter(
		(notification) => notification.calendarId === roundRobin?.id && notification.notificationType === 'reminder',
	);
	const problems: string[] = [];
	if (!roundRobin) problems.push(`no calendar "${ROUND_ROBIN_NAME}" left in ${locationId}`);
	if (rooms.length !== 1) problems.push(`${rooms.length} rooms in ${locationId}, 1 expected`);
	if (reminders.length !== 1) problems.push(`${reminders.length} reminders on "${ROUND_ROBIN_NAME}", 1 expected`);
	const line = `${groups.length} groups and ${calendars.length} calendars in ${locationId}; rooms: ${rooms.map((room) => `"${room.name}"`).join(', ') || 'none'}; reminders on "${ROUND_ROBIN_NAME}": ${reminders.length}`;
	return { line, problems };
}
