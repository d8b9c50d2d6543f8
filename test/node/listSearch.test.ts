import { LoadOptionsContext } from 'n8n-core';

import { HighLevelCalendars } from '../../nodes/HighLevelCalendars/HighLevelCalendars.node';
import { searchCalendarNotifications } from '../../nodes/HighLevelCalendars/listSearch/searchCalendarNotifications';
import { searchCalendarResources } from '../../nodes/HighLevelCalendars/listSearch/searchCalendarResources';
import { searchCalendars } from '../../nodes/HighLevelCalendars/listSearch/searchCalendars';
import { searchGroups } from '../../nodes/HighLevelCalendars/listSearch/searchGroups';
import { searchServiceBookings } from '../../nodes/HighLevelCalendars/listSearch/searchServiceBookings';
import { searchServiceLocations } from '../../nodes/HighLevelCalendars/listSearch/searchServiceLocations';
import { searchServices } from '../../nodes/HighLevelCalendars/listSearch/searchServices';
import { searchSchedules } from '../../nodes/HighLevelCalendars/listSearch/searchSchedules';
import { SANDBOX_LOCATION, sandboxCredentials } from '../../tools/engine/credentials';
import { TestCredentialsHelper } from '../../tools/engine/credentialsHelper';
import { buildWorkflow, runWorkflow, stubbedAdditionalData } from '../../tools/engine/runWorkflow';
import { NODE_NAME, singleNodeWorkflow } from '../../tools/engine/workflows';
import { call } from '../../tools/sandbox/harness';
import { startSandbox, type Sandbox } from '../../tools/sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox({ port: 0 })));
afterAll(async () => await sandbox.close());

/** The "From List" search as the editor runs it, through n8n-core's load-options context. */
async function search(filter: string | undefined, parameters: Record<string, unknown> = {}, method = searchGroups) {
	const fixture = singleNodeWorkflow({ authentication: 'privateIntegrationToken', operation: 'get', ...parameters });
	const node = fixture.nodes.find((n) => n.name === NODE_NAME)!;
	const additionalData = stubbedAdditionalData({
		credentialsHelper: new TestCredentialsHelper(sandboxCredentials(sandbox.url)),
		currentNodeParameters: node.parameters,
	});
	const context = new LoadOptionsContext(buildWorkflow(fixture), node, additionalData, 'parameters.group');
	return await method.call(context, filter);
}

test('From List offers the location\'s groups, filtered by name or slug', async () => {
	const names = ['Sales East', 'Support', 'Sales West'].map((name) => ({ name }));
	await runWorkflow(singleNodeWorkflow({ operation: 'create', name: '={{ $json.name }}', description: 'd' }, names), sandboxCredentials(sandbox.url));
	const groups = sandbox.state().locations[SANDBOX_LOCATION];
	expect(await search(undefined)).toEqual({
		results: groups.map((g) => ({ name: `${g.name} (${g.slug})`, value: g.id })),
	});
	expect((await search('sales-w')).results.map((r) => r.name)).toEqual(['Sales West (sales-west)']);
	expect((await search('SUPPORT')).results).toHaveLength(1);
});

test('From List surfaces HighLevel\'s error instead of an empty list', async () => {
	await expect(search(undefined, { locationId: 'sandboxLocation0002' })).rejects.toThrow('The token does not have access to this location');
});

test('From List of calendars offers the location\'s, or one group\'s (List Calendars of Group, also by slug), filtered by name', async () => {
	const credentials = sandboxCredentials(sandbox.url);
	const group = await runWorkflow(singleNodeWorkflow({ operation: 'create', name: 'Calendar Home', description: 'd' }), credentials);
	const groupId = String(group.output(NODE_NAME)?.[0].json.id);
	const calendars = [{ name: 'Team Calls', groupId }, { name: 'Open Day', groupId: '' }];
	await runWorkflow(
		singleNodeWorkflow(
			{ resource: 'calendar', operation: 'create', name: '={{ $json.name }}', calendarType: 'event', calendarGroup: { __rl: true, mode: 'id', value: '={{ $json.groupId }}' } },
			calendars,
		),
		credentials,
	);
	const stored = sandbox.state().calendars[SANDBOX_LOCATION];
	const calendarSearch = (filter: string | undefined, calendarGroup?: object) =>
		search(filter, { resource: 'calendar', ...(calendarGroup ? { calendarGroup } : {}) }, searchCalendars);
	expect(await calendarSearch(undefined)).toEqual({ results: stored.map((c) => ({ name: `${c.name} (${c.slug})`, value: c.id })) });
	expect((await calendarSearch(undefined, { __rl: true, mode: 'list', value: groupId })).results.map((r) => r.name)).toEqual(['Team Calls (team-calls)']);
	expect((await calendarSearch(undefined, { __rl: true, mode: 'slug', value: 'calendar-home' })).results.map((r) => r.name)).toEqual(['Team Calls (team-calls)']);
	expect((await calendarSearch('open')).results.map((r) => r.name)).toEqual(['Open Day (open-day)']);

	// Update's Move to Group names the destination: the Calendar picker of Update still offers every calendar
	const moveToGroup = new HighLevelCalendars().description.properties.find(
		(p) => p.displayName === 'Move to Group' && p.displayOptions?.show?.operation?.includes('update'),
	);
	const onUpdate = await search(undefined, {
		resource: 'calendar',
		operation: 'update',
		groupChange: 'move',
		[moveToGroup!.name]: { __rl: true, mode: 'list', value: groupId },
	}, searchCalendars);
	expect(onUpdate.results.map((r) => r.name)).toEqual(['Team Calls (team-calls)', 'Open Day (open-day)']);
});

test('From List of rooms or equipment follows Type; of notifications, the picked calendar\'s, named by type, channel and receiver', async () => {
	const credentials = sandboxCredentials(sandbox.url);
	const rooms = [{ name: 'Yoga Room' }, { name: 'Spa Room' }];
	await runWorkflow(singleNodeWorkflow({ resource: 'calendarResource', operation: 'create', resourceType: 'rooms', name: '={{ $json.name }}' }, rooms), credentials);
	await runWorkflow(singleNodeWorkflow({ resource: 'calendarResource', operation: 'create', resourceType: 'equipments', name: 'Mat' }), credentials);
	const stored = sandbox.state().resources.resources[SANDBOX_LOCATION];
	const found = await search(undefined, { resource: 'calendarResource', resourceType: 'rooms' }, searchCalendarResources);
	expect(found.results).toEqual(stored.filter((r) => r.resourceType === 'rooms').map((r) => ({ name: r.name, value: r.id })));
	expect((await search('spa', { resource: 'calendarResource', resourceType: 'rooms' }, searchCalendarResources)).results.map((r) => r.name)).toEqual(['Spa Room']);
	expect((await search(undefined, { resource: 'calendarResource', resourceType: 'equipments' }, searchCalendarResources)).results.map((r) => r.name)).toEqual(['Mat']);

	const made = await runWorkflow(singleNodeWorkflow({ resource: 'calendar', operation: 'create', name: 'Notified', calendarType: 'event' }), credentials);
	const calendar = { __rl: true, mode: 'id', value: String(made.output(NODE_NAME)?.[0].json.id) };
	const notification = { resource: 'calendarNotification', calendar };
	expect(await search(undefined, notification, searchCalendarNotifications)).toEqual({ results: [] });
	await runWorkflow(singleNodeWorkflow({ ...notification, operation: 'create', receiverType: 'contact', channel: 'sms', notificationType: 'reminder' }), credentials);
	const [stored0] = sandbox.state().resources.notifications[SANDBOX_LOCATION];
	expect(await search('sms', notification, searchCalendarNotifications)).toEqual({ results: [{ name: 'reminder by sms to contact', value: stored0._id }] });
	expect((await search(undefined, { resource: 'calendarNotification' }, searchCalendarNotifications)).results).toEqual([]);
});

test('From List of v3 services, service locations and service bookings (the next 90 days), by name or title, sent with Version v3', async () => {
	sandbox.reset();
	const post = async (path: string, body: object) => (await call(sandbox, 'POST', path, { version: 'v3', body: { locationId: SANDBOX_LOCATION, ...body } })).body;
	const cut = (await post('/calendars/services/catalog', { name: 'Cut', slug: 'cut', staff: [{ id: 'u1' }] })).service;
	await post('/calendars/services/catalog', { name: 'Shave', slug: 'shave', staff: [{ id: 'u1' }] });
	const studio = await post('/calendars/services/locations', { name: 'Studio', slug: 'studio' });
	const day = (days: number, hour: number) => new Date(Date.now() + days * 86_400_000).toISOString().replace(/T.*/, `T${hour}:00:00Z`);
	const soon = await post('/calendars/services/bookings', { contactId: 'c1', title: 'Soon', startTime: day(1, 10), endTime: day(1, 11), timezone: 'UTC', services: [{ id: cut.id }] });
	await post('/calendars/services/bookings', { contactId: 'c1', title: 'Later', startTime: day(120, 10), endTime: day(120, 11), timezone: 'UTC', services: [{ id: cut.id }] });
	const options = { options: { apiVersion: '2021-04-15' } };
	expect(await search('cu', { resource: 'service', ...options }, searchServices)).toEqual({ results: [{ name: 'Cut', value: cut.id }] });
	expect(await search(undefined, { resource: 'serviceLocation' }, searchServiceLocations)).toEqual({ results: [{ name: 'Studio', value: studio.id }] });
	expect(await search(undefined, { resource: 'serviceBooking' }, searchServiceBookings)).toEqual({ results: [{ name: `Soon (${day(1, 10)})`, value: soon.bookingId }] });
	expect(sandbox.requests().filter((r) => r.method === 'GET' && r.path.startsWith('/calendars/services')).map((r) => r.headers.version)).toEqual(['v3', 'v3', 'v3']);
});

test('From List of Schedule: the schedules of the User ID set, else of the team members of the location\'s calendars', async () => {
	sandbox.reset();
	const credentials = sandboxCredentials(sandbox.url);
	await runWorkflow(singleNodeWorkflow({ resource: 'calendar', operation: 'create', name: 'Team', calendarType: 'round_robin', teamMembers: { member: [{ userId: 'u1' }, { userId: 'u2' }] } }), credentials);
	const schedules = [{ name: 'Mornings', user: 'u1' }, { name: 'Evenings', user: 'u2' }, { name: 'Outside', user: 'u3' }];
	await runWorkflow(singleNodeWorkflow({ resource: 'availabilitySchedule', operation: 'create', name: '={{ $json.name }}', userId: '={{ $json.user }}', timeZone: 'America/New_York' }, schedules), credentials);
	const [mornings, evenings, outside] = sandbox.state().schedules.schedules[SANDBOX_LOCATION];
	const schedule = { resource: 'availabilitySchedule' };
	expect(await search(undefined, schedule, searchSchedules)).toEqual({ results: [{ name: 'Mornings (u1)', value: mornings.id }, { name: 'Evenings (u2)', value: evenings.id }] });
	expect((await search('EVEN', schedule, searchSchedules)).results.map((r) => r.value)).toEqual([evenings.id]);
	expect(await search(undefined, { ...schedule, operation: 'search', userId: 'u3' }, searchSchedules)).toEqual({ results: [{ name: 'Outside', value: outside.id }] });
});
