/**
 * Bench scenario 5: onboarding 100 sub-accounts with the agency credential, as a workflow does it: one item per new
 * sub-account → Create group → Create a round robin calendar in it → Create an event calendar in it → Create a room →
 * Create a reminder notification on the round robin → Create the owner's availability schedule → Apply it to the
 * round robin. Same sandbox as scenario 4; its wall time is set against the bound it prints.
 */
import { DEFAULT_MAX_IN_FLIGHT } from '../../nodes/HighLevelCalendars/description/commonFields';
import { AGENCY_PER_ITEM, agencyCredentials } from '../engine/agency';
import { runWorkflow } from '../engine/runWorkflow';
import { chainWorkflow } from '../engine/workflows';
import { agencySandbox, LATENCY_MS, LOCATIONS, locationId, runErrors, timed } from './agencyScenario';

const OWNER = 'benchOwner00000000001';
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

/** The three nodes, each taking the location (and the group) from the item the node before output. */
const STEPS = [
	{ name: 'Create Group', parameters: { ...AGENCY_PER_ITEM, operation: 'create', name: '={{ $json.name }}', description: 'Onboarding' } },
	{
		name: 'Round Robin',
		parameters: {
			...AGENCY_PER_ITEM,
			resource: 'calendar',
			operation: 'create',
			name: 'Team Calls',
			calendarType: 'round_robin',
			teamMembers: { member: [{ userId: OWNER, priority: 1 }] },
			calendarGroup: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
		},
	},
	{
		name: 'Event',
		parameters: {
			...AGENCY_PER_ITEM,
			resource: 'calendar',
			operation: 'create',
			name: 'Open Day',
			calendarType: 'event',
			calendarGroup: { __rl: true, mode: 'id', value: '={{ $json.groupId }}' },
		},
	},
	{ name: 'Room', parameters: { ...AGENCY_PER_ITEM, resource: 'calendarResource', operation: 'create', resourceType: 'rooms', name: 'Consultation Room', capacity: 2 } },
	{
		name: 'Reminder',
		parameters: {
			...AGENCY_PER_ITEM,
			resource: 'calendarNotification',
			operation: 'create',
			calendar: { __rl: true, mode: 'id', value: "={{ $('Round Robin').item.json.id }}" },
			receiverType: 'contact',
			channel: 'email',
			notificationType: 'reminder',
			notificationFields: { beforeTime: { time: [{ timeOffset: 1, unit: 'days' }] } },
		},
	},
	{
		name: 'Schedule',
		parameters: {
			...AGENCY_PER_ITEM,
			locationId: { __rl: true, mode: 'id', value: "={{ $('Create Group').item.json.locationId }}" },
			resource: 'availabilitySchedule',
			operation: 'create',
			name: "Owner's Hours",
			userId: OWNER,
			timeZone: 'America/New_York',
			weeklyHours: { hours: WEEKDAYS.map((day) => ({ day, from: '10:00', to: '13:00' })) },
		},
	},
	{
		name: 'Apply',
		parameters: {
			...AGENCY_PER_ITEM,
			locationId: { __rl: true, mode: 'id', value: "={{ $('Create Group').item.json.locationId }}" },
			resource: 'availabilitySchedule',
			operation: 'applyToCalendar',
			schedule: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			calendar: { __rl: true, mode: 'id', value: "={{ $('Round Robin').item.json.id }}" },
		},
	},
];

/**
 * Per location, the requests of each node, one after another: a mint (the first node only), a list call (what the
 * location already holds: groups, calendars, rooms, the calendar's notifications, the user's schedules; exactly-once
 * creates look a failure's effect up against it) and the create; Apply to Calendar: its one request.
 */
const REQUESTS_PER_ITEM = [3, 2, 2, 2, 2, 2, 1];

/**
 * The least time the run can take: n8n runs the nodes one after another; in each, every request waits the latency,
 * at most `inFlight` requests are out at once, and an item's requests go one after another with at most `inFlight`
 * items at once (no location or the company comes near 100 requests per second).
 */
function onboardBound(inFlight: number): { boundS: number; perNodeS: number[]; requests: number; rounds: number } {
	const rounds = Math.ceil(LOCATIONS / inFlight);
	const perNodeS = REQUESTS_PER_ITEM.map((perItem) => (Math.max((LOCATIONS * perItem) / inFlight, rounds * perItem) * LATENCY_MS) / 1000);
	const requests = REQUESTS_PER_ITEM.reduce((sum, perItem) => sum + LOCATIONS * perItem, 0);
	return { boundS: perNodeS.reduce((sum, s) => sum + s, 0), perNodeS, requests, rounds };
}

/** Runs scenario 5 once and returns its row of the bench table (without memory). */
export async function onboardScenario(inFlight?: number) {
	const sandbox = await agencySandbox();
	try {
		const credentials = await agencyCredentials(sandbox);
		const items = Array.from({ length: LOCATIONS }, (_, i) => ({ locationId: locationId(i), name: `Onboarding ${i}` }));
		const steps = STEPS.map((step) => ({ ...step, parameters: { ...step.parameters, options: inFlight ? { maxInFlight: inFlight } : {} } }));
		const before = (await sandbox.requests()).length;
		const { result: run, wallS, machine } = await timed(async () => await runWorkflow(chainWorkflow(steps, items), credentials));

		const sent = (await sandbox.requests()).slice(before);
		const errors = STEPS.flatMap((step) => runErrors(run, step.name));
		const state = await sandbox.state();
		const groups = Object.values(state.locations).flat();
		const calendars = Object.values(state.calendars).flat();
		const rooms = Object.values(state.resources.resources).flat();
		const reminders = Object.values(state.resources.notifications).flat();
		const schedules = Object.values(state.schedules.schedules).flat();
		const roundRobins = new Set(calendars.filter((calendar) => calendar.calendarType === 'round_robin').map((calendar) => calendar.id));
		const made = [...groups, ...calendars, ...rooms].map((record) => `${record.locationId} ${record.name}`);
		const inGroups = calendars.filter((calendar) => groups.some((group) => group.id === calendar.groupId)).length;
		const bound = onboardBound(inFlight ?? DEFAULT_MAX_IN_FLIGHT);
		const ratio = `${(wallS / bound.boundS).toFixed(3)} × the ${bound.boundS.toFixed(2)} s bound`;
		const perItem = REQUESTS_PER_ITEM.join(' + ');
		const boundWhy = `(node after node: ${bound.rounds} rounds of ${inFlight ?? DEFAULT_MAX_IN_FLIGHT} items × ${perItem} requests × ${LATENCY_MS} ms; ${bound.requests} requests)`;
		const nodeS = STEPS.map((step) => (run.run.data.resultData.runData[step.name]?.[0]?.executionTime ?? 0) / 1000);
		const perNode = `per node ${nodeS.map((t) => t.toFixed(2)).join(' + ')} s (bounds ${bound.perNodeS.map((t) => t.toFixed(1)).join(' + ')})`;
		const failed = errors.length ? `; errors: ${errors.length} (${errors[0]})` : '';
		return {
			scenario: '5. onboard 100 sub-accounts, agency credential: a group, two calendars, a room, a reminder and a schedule each (7 nodes), 100 ms latency, 100 req/s per location and company',
			wallS: Math.round(wallS * 100) / 100,
			requests: sent.length,
			received429: sent.filter((request) => request.status === 429).length,
			surfaced429: errors.filter((error) => /too many|429|limit/i.test(error)).length,
			groups: groups.length,
			duplicates: made.length - new Set(made).size,
			listCalls: sent.filter((request) => request.method === 'GET').length,
			note: `${ratio} ${boundWhy}; ${perNode}; calendars: ${calendars.length}, ${inGroups} in their group; rooms: ${rooms.length}; reminders: ${reminders.length}, ${reminders.filter((r) => roundRobins.has(String(r.calendarId))).length} on a round robin; schedules: ${schedules.length}, ${schedules.filter((schedule) => (schedule.calendarIds ?? []).some((id) => roundRobins.has(id))).length} applied to a round robin; mints: ${state.oauth.mints} (target ${LOCATIONS}); ${machine}${failed}`,
		};
	} finally {
		await sandbox.close();
	}
}
