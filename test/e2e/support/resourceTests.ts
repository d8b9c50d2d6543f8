/**
 * Calendar Resource (rooms, equipment) and Calendar Notification in real n8n, inside a suite's running editor (no n8n
 * start of their own): a sub-account workflow on the suite's token credential and an agency workflow over two
 * sub-accounts, each started by its Webhook; what the nodes output, what the sandbox holds after, and every request
 * they sent held against the official OpenAPI files.
 */
import { randomUUID } from 'crypto';

import { agencyCredentialFields } from '../../../tools/engine/agency';
import { validateRequest } from '../../../tools/contract/openapi';
import { itemsOf, rawItemsOf } from '../../../tools/n8n/execute';
import { createCredential } from '../../../tools/n8n/restCredentials';
import { call, LOCATION, OTHER, OTHER_LOCATION } from '../../../tools/sandbox/harness';
import type { Sandbox } from '../../../tools/sandbox/server';
import { AGENCY_CRED_TYPE } from './oauthWorkflows';
import { agencyResourcesWorkflow, resourcesWorkflow, type AgencyResourcesRequest, type ResourcesRequest } from './resourceWorkflows';
import { MINUTE } from './run';
import { webhookCases, type EditorContext } from './webhookCases';

/** A service calendar in the location (rooms and equipment belong to service calendars). */
async function serviceCalendar(sandbox: Sandbox, locationId: string, token?: string): Promise<string> {
	const slug = `service-${randomUUID().slice(0, 8)}`;
	const answer = await call(sandbox, 'POST', '/calendars/', { token, body: { locationId, name: 'Massage', calendarType: 'service_booking', slug, teamMembers: [{ userId: 'u1' }] } });
	if (answer.status !== 200) throw new Error(`calendar not created: ${answer.status} ${JSON.stringify(answer.body)}`);
	return String(answer.body.calendar.id);
}

const RESOURCE_PATHS = /^\/calendars\/(resources\/|[^/]+\/notifications)/;

export function describeResources(context: () => EditorContext): void {
	describe('rooms, equipment and notifications: workflows the running editor executes (Webhook trigger), each operation asserted', () => {
		const { run, executions } = webhookCases(context, {
			'rooms and notifications': (path) => resourcesWorkflow(context().cred, path),
			'rooms and notifications (agency)': async (path) => {
				const { editor, sandbox, answers } = context();
				const data = await agencyCredentialFields(sandbox);
				return agencyResourcesWorkflow(await createCredential(editor, { name: 'HighLevel agency (rooms, notifications)', type: AGENCY_CRED_TYPE, data }, answers), path);
			},
		});
		const subAccount = (body: ResourcesRequest) => run('rooms and notifications', body);
		const agency = (body: AgencyResourcesRequest) => run('rooms and notifications (agency)', body);
		let firstRequest = 0;

		beforeAll(() => {
			firstRequest = context().sandbox.requests().length;
		});

		test('Room and Equipment: Create, Get, Get Many, Update, Delete; Notification: Create (a reminder), Get, Get Many, Update, Delete, then only among the deleted', async () => {
			const { sandbox } = context();
			const calendarId = await serviceCalendar(sandbox, LOCATION);
			const exec = await subAccount({ calendarId });

			const [room] = itemsOf(exec, 'Create room');
			expect(room).toEqual(
				expect.objectContaining({ locationId: LOCATION, resourceType: 'rooms', name: 'Yoga Room', description: 'Second floor', capacity: 12, isActive: true, calendarIds: [calendarId] }),
			);
			expect(room.id).toMatch(/^[A-Za-z0-9]{20}$/);
			const [equipment] = itemsOf(exec, 'Create equipment');
			expect(equipment).toEqual(expect.objectContaining({ locationId: LOCATION, resourceType: 'equipments', name: 'Massage Table', quantity: 3, outOfService: 1, calendarIds: [calendarId] }));
			expect(itemsOf(exec, 'Get room')).toEqual([room]);
			expect(itemsOf(exec, 'Get equipment')).toEqual([equipment]);
			expect(itemsOf(exec, 'Rooms')).toEqual([room]);
			expect(itemsOf(exec, 'Equipment')).toEqual([equipment]);
			expect(itemsOf(exec, 'Update room')).toEqual([{ ...room, name: 'Yoga Studio', capacity: 20, isActive: false }]);
			expect(itemsOf(exec, 'Update equipment')).toEqual([{ ...equipment, outOfService: 0, calendarIds: [] }]);
			expect(itemsOf(exec, 'Delete room')).toEqual([{ deleted: true, id: room.id }]);
			expect(itemsOf(exec, 'Delete equipment')).toEqual([{ deleted: true, id: equipment.id }]);
			expect(sandbox.state().resources.resources[LOCATION] ?? []).toEqual([]);

			const [reminder] = itemsOf(exec, 'Create reminder');
			expect(reminder).toEqual(
				expect.objectContaining({
					receiverType: 'contact',
					channel: 'email',
					notificationType: 'reminder',
					subject: 'See you soon',
					beforeTime: [{ timeOffset: 2, unit: 'hours' }],
					additionalEmailIds: ['front@acme.example', 'desk@acme.example'],
					isActive: true,
					deleted: false,
				}),
			);
			expect(itemsOf(exec, 'Get reminder')).toEqual([reminder]);
			expect(itemsOf(exec, 'Notifications')).toEqual([reminder]);
			const switchedOff = { ...reminder, isActive: false, channel: 'sms' };
			expect(itemsOf(exec, 'Update reminder')).toEqual([switchedOff]);
			expect(itemsOf(exec, 'Delete reminder')).toEqual([{ deleted: true, id: reminder._id }]);
			expect(itemsOf(exec, 'Deleted notifications')).toEqual([{ ...switchedOff, deleted: true }]);
			expect(sandbox.state().resources.notifications[LOCATION]).toEqual([{ ...switchedOff, deleted: true, calendarId }]);
		}, 4 * MINUTE);

		test('the agency credential over two sub-accounts: a room and a notification in each, created, read, listed, updated and deleted per item', async () => {
			const { sandbox } = context();
			const subAccounts = [
				{ locationId: LOCATION, calendarId: await serviceCalendar(sandbox, LOCATION) },
				{ locationId: OTHER_LOCATION, calendarId: await serviceCalendar(sandbox, OTHER_LOCATION, OTHER) },
			];
			const mintsBefore = { ...sandbox.state().oauth.mintsByLocation };
			const exec = await agency({ subAccounts });

			const rooms = rawItemsOf(exec, 'Create room');
			expect(rooms.map((i) => i.pairedItem)).toEqual([0, 1].map((item) => expect.objectContaining({ item })));
			const created = rooms.map((i) => i.json);
			expect(created).toEqual(
				subAccounts.map(({ locationId, calendarId }) =>
					expect.objectContaining({ locationId, resourceType: 'rooms', name: `Room of ${locationId}`, capacity: 4, calendarIds: [calendarId] }),
				),
			);
			expect(itemsOf(exec, 'Get room')).toEqual(created);
			expect(itemsOf(exec, 'Rooms')).toEqual(created);
			expect(itemsOf(exec, 'Update room')).toEqual(created.map((room) => ({ ...room, capacity: 6 })));
			expect(itemsOf(exec, 'Delete room')).toEqual(created.map((room) => ({ deleted: true, id: room.id })));
			for (const { locationId } of subAccounts) expect(sandbox.state().resources.resources[locationId] ?? []).toEqual([]);

			const confirmations = itemsOf(exec, 'Create confirmation');
			expect(confirmations).toEqual(subAccounts.map(() => expect.objectContaining({ receiverType: 'contact', channel: 'email', notificationType: 'confirmation', isActive: true, deleted: false })));
			expect(itemsOf(exec, 'Get confirmation')).toEqual(confirmations);
			expect(itemsOf(exec, 'Notifications')).toEqual(confirmations);
			expect(itemsOf(exec, 'Update confirmation')).toEqual(confirmations.map((n) => ({ ...n, subject: 'Booked' })));
			expect(itemsOf(exec, 'Delete confirmation')).toEqual(confirmations.map((n) => ({ deleted: true, id: n._id })));
			for (const [i, { locationId, calendarId }] of subAccounts.entries()) {
				expect((sandbox.state().resources.notifications[locationId] ?? []).filter((n) => n.calendarId === calendarId)).toEqual([
					{ ...confirmations[i], subject: 'Booked', deleted: true, calendarId },
				]);
			}

			// the agency token was exchanged for a token of each sub-account, and of no other
			const mints = sandbox.state().oauth.mintsByLocation;
			const minted = Object.keys(mints).filter((location) => mints[location] !== mintsBefore[location]);
			expect(minted.sort()).toEqual([LOCATION, OTHER_LOCATION]);
		}, 4 * MINUTE);

		test('every request those runs sent matches the official OpenAPI files, and no token is in what they saved', () => {
			const { sandbox } = context();
			const sent = sandbox.requests().slice(firstRequest).filter((r) => RESOURCE_PATHS.test(r.path));
			// rooms, equipment and notifications: each operation once in one sub-account, twice in the agency's two
			expect(sent.length).toBeGreaterThanOrEqual(30);
			for (const request of sent) expect({ request: `${request.method} ${request.path}`, errors: validateRequest(request).errors }).toEqual({ request: `${request.method} ${request.path}`, errors: [] });

			const secrets = sandbox.issuedSecrets();
			expect(secrets.length).toBeGreaterThan(0);
			expect(executions).toHaveLength(2);
			for (const execution of executions) {
				const text = JSON.stringify(execution.runData);
				for (const secret of secrets) expect({ execution: execution.id, leaked: text.includes(secret) ? secret : null }).toEqual({ execution: execution.id, leaked: null });
			}
		});
	});
}
