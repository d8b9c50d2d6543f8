/** Calendar Notification in n8n-core's engine against the sandbox: every request checked against the spec. */
import type { INodeParameters } from 'n8n-workflow';

import type { ApiVersion } from '../../tools/contract/openapi';
import { validateRequest } from '../../tools/contract/openapi';
import { AGENCY_PER_ITEM, agencyCredentials } from '../../tools/engine/agency';
import { SANDBOX_LOCATION } from '../../tools/engine/credentials';
import { runWorkflow } from '../../tools/engine/runWorkflow';
import { NODE_NAME, singleNodeWorkflow, withContinueOnFail } from '../../tools/engine/workflows';
import { OTHER, call, expectRequestsValid } from '../../tools/sandbox/harness';
import type { Sandbox, SandboxOptions } from '../../tools/sandbox/server';
import { ResourceSandbox } from './resourceSandbox';

const session = new ResourceSandbox('calendarNotification');
let sandbox: Sandbox;
const withSandbox = async (options: SandboxOptions = {}) => (sandbox = await session.start(options));
const run = async (parameters: INodeParameters, items?: object[]) => await session.run(parameters, items);
afterAll(async () => await session.close());

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const stored = (locationId = SANDBOX_LOCATION) => sandbox.state().resources.notifications[locationId] ?? [];
/** A calendar made through the API (with seeded faults its answer may be lost: it is read from the state). */
async function calendar(slug: string, locationId = SANDBOX_LOCATION, token?: string): Promise<string> {
	await call(sandbox, 'POST', '/calendars/', { token, body: { locationId, name: slug, calendarType: 'event', slug } }).catch(() => undefined);
	return sandbox.state().calendars[locationId].find((c) => c.slug === slug)!.id;
}
/** A stored notification as HighLevel answers it (without the calendar it belongs to). */
const answered = (stored: Record<string, unknown>) => Object.fromEntries(Object.entries(stored).filter(([key]) => key !== 'calendarId'));

describe.each<ApiVersion>(['2021-04-15', 'v3'])('Calendar Notification with Version %s', (version) => {
	beforeAll(async () => await withSandbox());
	beforeEach(() => sandbox.reset());
	const options = { apiVersion: version };

	test('a reminder: Create → Get → Get Many → Update → Delete', async () => {
		const calendarId = await calendar('intro');
		const base = { calendar: byId(calendarId), options };
		const created = await run({
			...base,
			operation: 'create',
			receiverType: 'contact',
			channel: 'email',
			notificationType: 'reminder',
			notificationFields: { subject: 'See you soon', beforeTime: { time: [{ timeOffset: 2, unit: 'hours' }] }, additionalEmailIds: 'a@b.example, c@d.example' },
		});
		expect(created.error).toBeUndefined();
		const [notification] = stored().map(answered);
		expect(created.output).toEqual([{ json: notification, pairedItem: { item: 0 } }]);
		const post = sandbox.requests().find((r) => r.method === 'POST' && r.path.endsWith('/notifications'));
		expect(post?.headers.version).toBe(version);
		expect(post?.body).toEqual([
			{ receiverType: 'contact', channel: 'email', notificationType: 'reminder', subject: 'See you soon', beforeTime: [{ timeOffset: 2, unit: 'hours' }], additionalEmailIds: ['a@b.example', 'c@d.example'] },
		]);
		const id = byId(String(notification._id));
		expect((await run({ ...base, operation: 'get', notification: id })).output[0].json).toEqual(notification);
		expect((await run({ ...base, operation: 'getAll', returnAll: true })).output.map((i) => i.json)).toEqual([notification]);

		const updated = await run({ ...base, operation: 'update', notification: id, updateFields: { isActive: false, channel: 'sms' } });
		expect(updated.output[0].json).toEqual({ ...notification, isActive: false, channel: 'sms' });
		expect((await run({ ...base, operation: 'getAll', returnAll: true, filters: { isActive: true } })).output).toEqual([]);

		expect((await run({ ...base, operation: 'delete', notification: id })).output[0].json).toEqual({ deleted: true, id: notification._id });
		expect((await run({ ...base, operation: 'getAll', returnAll: true })).output).toEqual([]);
		expect((await run({ ...base, operation: 'getAll', returnAll: true, filters: { deleted: true } })).output).toHaveLength(1);
		const requests = expectRequestsValid(sandbox);
		// HighLevel docs issue #3: a limit fails server-side, so none is sent
		expect(requests.filter((r) => r.query.limit !== undefined)).toEqual([]);
	});

	test('Notifications (JSON): several per item, one output item each; a bad one names its field, notification and item, the others go on', async () => {
		const calendarId = await calendar('intro');
		const { output } = await run(
			{ operation: 'create', calendar: byId(calendarId), define: 'json', notificationsJson: '={{ JSON.stringify($json.notifications) }}', options },
			[
				{ notifications: [{ receiverType: 'contact', channel: 'email', notificationType: 'confirmation' }, { receiverType: 'assignedUser', channel: 'inApp', notificationType: 'booked' }] },
				{ notifications: [{ receiverType: 'contact', channel: 'email', notificationType: 'booked' }, { receiverType: 'contact', channel: 'pigeon', notificationType: 'booked' }] },
				{ notifications: { receiverType: 'guest', channel: 'sms', notificationType: 'cancellation' } },
			],
		);
		expect(output.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[2].json.error).toBe('Notification field "channel" (notification 2) in item 1 must be one of "email", "inApp", "sms", "whatsapp"');
		expect(stored().map((n) => n.notificationType)).toEqual(['confirmation', 'booked', 'cancellation']);
	});
});

describe('Calendar Notification: pages, exactly once, agency', () => {
	test('Get Many without a limit pages through skip when a page is full, and a Limit cuts the output', async () => {
		await withSandbox();
		const calendarId = await calendar('intro');
		await call(sandbox, 'POST', `/calendars/${calendarId}/notifications`, {
			body: Array.from({ length: 130 }, (_, i) => ({ receiverType: 'contact', channel: 'email', notificationType: 'booked', subject: `n${i}` })),
		});
		const before = sandbox.requests().length;
		const all = await run({ operation: 'getAll', calendar: byId(calendarId), returnAll: true });
		expect(all.output.map((i) => i.json.subject)).toEqual(Array.from({ length: 130 }, (_, i) => `n${i}`));
		expect(sandbox.requests().slice(before).map((r) => r.query)).toEqual([{}, { skip: '100' }]);
		expect((await run({ operation: 'getAll', calendar: byId(calendarId), limit: 5 })).output).toHaveLength(5);
	});

	test.each([5, 0])('a create whose answer is lost after HighLevel stored it is made once (Max Retries %i)', async (maxRetries) => {
		await withSandbox({ faults: { seed: 7, lostAfterStore: 1 } });
		const calendarId = await calendar('intro');
		const before = sandbox.requests().length;
		const { output, error } = await run({
			operation: 'create',
			calendar: byId(calendarId),
			define: 'json',
			notificationsJson: '[{"receiverType": "contact", "channel": "email", "notificationType": "reminder"}, {"receiverType": "contact", "channel": "sms", "notificationType": "reminder"}]',
			options: { maxRetries },
		});
		expect(error).toBeUndefined();
		expect(stored()).toHaveLength(2);
		expect(output.map((i) => i.json)).toEqual(stored().map(answered));
		expect(sandbox.requests().slice(before).map((r) => r.method)).toEqual(['GET', 'POST', 'GET']);
	});

	test('the agency credential: create, get, list, update and delete in two sub-accounts, per item', async () => {
		await withSandbox();
		const credentials = await agencyCredentials(sandbox);
		const locations = ['sandboxLocation0001', 'sandboxLocation0002'];
		const calendars = [await calendar('intro'), await calendar('intro', locations[1], OTHER)];
		const agency = async (parameters: INodeParameters, items: object[]) =>
			(await runWorkflow(withContinueOnFail(singleNodeWorkflow({ ...AGENCY_PER_ITEM, resource: 'calendarNotification', calendar: byId('={{ $json.calendarId }}'), ...parameters }, items)), credentials)).output(NODE_NAME) ?? [];
		const items = locations.map((locationId, i) => ({ locationId, calendarId: calendars[i] }));
		const created = await agency({ operation: 'create', receiverType: 'contact', channel: 'email', notificationType: 'confirmation' }, items);
		for (const [i, locationId] of locations.entries()) expect(stored(locationId).map(answered)).toEqual([created[i].json]);
		const withIds = items.map((item, i) => ({ ...item, id: created[i].json._id }));
		const notification = byId('={{ $json.id }}');
		expect((await agency({ operation: 'get', notification }, withIds)).map((i) => i.json)).toEqual(created.map((i) => i.json));
		expect((await agency({ operation: 'getAll', returnAll: true }, withIds)).map((i) => i.json)).toEqual(created.map((i) => i.json));
		expect((await agency({ operation: 'update', notification, updateFields: { subject: 'Booked' } }, withIds)).map((i) => i.json.subject)).toEqual(['Booked', 'Booked']);
		expect((await agency({ operation: 'delete', notification }, withIds)).map((i) => i.json.deleted)).toEqual([true, true]);
		for (const locationId of locations) expect(stored(locationId).map((n) => n.deleted)).toEqual([true]);
		expect(sandbox.state().oauth.mintsByLocation).toEqual({ sandboxLocation0001: 1, sandboxLocation0002: 1 });
		for (const request of sandbox.requests().filter((r) => r.path.startsWith('/calendars'))) expect(validateRequest(request).errors).toEqual([]);
	});
});
