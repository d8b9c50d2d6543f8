import type { INodeParameters } from 'n8n-workflow';

import type { ApiVersion } from '../../tools/contract/openapi';
import { SANDBOX_LOCATION, sandboxCredentials } from '../../tools/engine/credentials';
import { runWorkflow } from '../../tools/engine/runWorkflow';
import { NODE_NAME, singleNodeWorkflow, withContinueOnFail } from '../../tools/engine/workflows';
import { DEFAULT_TOKENS } from '../../tools/sandbox/auth';
import { expectRequestsValid } from '../../tools/sandbox/harness';
import { startSandbox, type Sandbox } from '../../tools/sandbox/server';

const GROUPS_ONLY = 'pit-groups-only-token';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({
		port: 0,
		tokens: [...DEFAULT_TOKENS, { token: GROUPS_ONLY, locationId: SANDBOX_LOCATION, scopes: ['calendars/groups.readonly', 'calendars/groups.write'] }],
	});
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const calendarsInSandbox = () => sandbox.state().calendars[SANDBOX_LOCATION] ?? [];
const groupsInSandbox = () => sandbox.state().locations[SANDBOX_LOCATION] ?? [];

/** With On Error → Continue: a failing item gives an error item, the others carry on. */
async function run(parameters: INodeParameters, items: object[] = [{}], token?: string) {
	const result = await runWorkflow(withContinueOnFail(singleNodeWorkflow(parameters, items)), sandboxCredentials(sandbox.url, token));
	return { output: result.output(NODE_NAME) ?? [], error: result.error(NODE_NAME) };
}

const expectAllRequestsValid = () => expectRequestsValid(sandbox);

const bySlug = (value: string) => ({ __rl: true, mode: 'slug', value });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const member = (userId: string, extra: INodeParameters = {}): INodeParameters => ({ userId, priority: 0.5, ...extra });

describe.each<ApiVersion>(['2021-04-15', 'v3'])('Calendar resource with Version %s', (version) => {
	const options = { apiVersion: version };
	const calendar = (parameters: INodeParameters, items?: object[], token?: string) =>
		run({ resource: 'calendar', ...parameters, options: { ...options, ...(parameters.options as object) } }, items, token);
	const group = async (name: string) =>
		(await run({ operation: 'create', name, description: `${name} calendars`, options })).output[0].json as { id: string; slug: string };

	test('Create puts a round robin into a group picked by slug, with its team, slugs made from the name', async () => {
		const sales = await group('Sales');
		const { output, error } = await calendar({
			operation: 'create',
			name: '={{ $json.company }} Intro',
			calendarType: 'round_robin',
			teamMembers: { member: [member('user1', { priority: 1, locationKind: 'physical', location: 'Main St 1' }), member('user2')] },
			calendarGroup: bySlug('sales'),
			calendarFields: { description: 'First call', slotDuration: 45, slotDurationUnit: 'mins', isActive: false },
			additionalFields: '{"autoConfirm": false}',
		}, [{ company: 'Acme' }]);
		expect(error).toBeUndefined();
		const [stored] = calendarsInSandbox();
		expect(output).toEqual([{ json: stored, pairedItem: { item: 0 } }]);
		const post = expectAllRequestsValid().find((r) => r.method === 'POST' && r.path === '/calendars/');
		expect(post?.headers.version).toBe(version);
		expect(post?.body).toEqual({
			locationId: SANDBOX_LOCATION,
			name: 'Acme Intro',
			calendarType: 'round_robin',
			slug: 'acme-intro',
			widgetSlug: 'acme-intro',
			groupId: sales.id,
			description: 'First call',
			slotDuration: 45,
			slotDurationUnit: 'mins',
			isActive: false,
			autoConfirm: false,
			teamMembers: [
				{ userId: 'user1', priority: 1, locationConfigurations: [{ kind: 'physical', location: 'Main St 1' }] },
				{ userId: 'user2', priority: 0.5 },
			],
		});
	});

	test('Create in no group sends no groupId; an event calendar takes no team', async () => {
		const { output } = await calendar({ operation: 'create', name: 'Open Day', calendarType: 'event' });
		expect(output[0].json).toMatchObject({ name: 'Open Day', slug: 'open-day', calendarType: 'event' });
		const post = expectAllRequestsValid().find((r) => r.method === 'POST');
		expect(post?.body).toEqual({ locationId: SANDBOX_LOCATION, name: 'Open Day', calendarType: 'event', slug: 'open-day', widgetSlug: 'open-day' });
	});

	test.each([
		['a personal calendar with two users', 'personal', { teamMembers: { member: [member('a'), member('b')] } }, '{}', 'Calendar field "teamMembers" in item 1 must name exactly one user for a personal calendar'],
		['a round robin without users', 'round_robin', {}, '{}', 'Calendar field "teamMembers" in item 1 must name at least one user for a round robin calendar'],
		['a collective calendar without a primary', 'collective', { teamMembers: { member: [member('a')] } }, '{}', 'Calendar field "teamMembers" in item 1 must mark exactly one user as Primary for a collective calendar'],
		['an undocumented property', 'event', {}, '{"colour": "red"}', 'Calendar field "colour" in item 1 is not a property HighLevel documents here'],
		['a wrong nested value', 'event', {}, '{"recurring": {"count": 30}}', 'Calendar field "recurring.count" in item 1 must be at most 24'],
		['the read-only meeting location', 'event', {}, '{"meetingLocation": "x"}', 'Calendar field "meetingLocation" in item 1 is read-only (deprecated) in HighLevel\'s API: use locationConfigurations instead'],
		['a property a field sets', 'event', {}, '{"name": "Other"}', 'Calendar field "name" in item 1 is set by another field of the node: leave it out of Additional Fields (JSON)'],
		['JSON that is no object', 'event', {}, '[1]', 'Additional Fields (JSON) in item 1 is not a JSON object'],
	])('Create refuses %s before sending, naming the field and the item; the other items go on', async (_what, type, parameters, extra, message) => {
		const { output } = await calendar(
			{ operation: 'create', name: '={{ $json.name }}', calendarType: '={{ $json.type }}', additionalFields: '={{ $json.extra }}', ...parameters },
			[{ name: 'Good', type: 'event', extra: '{}' }, { name: 'Bad', type, extra }],
		);
		expect(output.map((i) => i.json.error ?? i.json.name)).toEqual(['Good', message]);
		expect(sandbox.requests().filter((r) => r.method === 'POST').map((r) => (r.body as { name: string }).name)).toEqual(['Good']);
	});

	test('Create with a taken slug: fail, return the existing calendar, or add a suffix', async () => {
		const first = (await calendar({ operation: 'create', name: 'Demo', calendarType: 'event' })).output[0].json;
		const again = (onSlugTaken: string) => calendar({ operation: 'create', name: 'Demo', calendarType: 'event', options: { onSlugTaken } });
		expect((await again('fail')).output[0].json.error).toBe(`Slug "demo" is taken by calendar "Demo" (${String(first.id)}) in location "${SANDBOX_LOCATION}" (item 0)`);
		expect((await again('returnExisting')).output[0].json).toEqual(first);
		expect((await again('addSuffix')).output[0].json).toMatchObject({ slug: 'demo-2', widgetSlug: 'demo-2' });
		expect(calendarsInSandbox().map((c) => c.slug)).toEqual(['demo', 'demo-2']);
		expectAllRequestsValid();
	});

	test('Get by ID; Get Many of the location, of one group, without drafts', async () => {
		const sales = await group('Sales');
		const inGroup = (await calendar({ operation: 'create', name: 'In Group', calendarType: 'event', calendarGroup: byId(sales.id) })).output[0].json;
		const draft = (await calendar({ operation: 'create', name: 'Draft', calendarType: 'event', calendarFields: { isActive: false } })).output[0].json;
		expect((await calendar({ operation: 'get', calendar: byId(String(draft.id)) })).output).toEqual([{ json: draft, pairedItem: { item: 0 } }]);
		const names = async (parameters: INodeParameters) => (await calendar({ operation: 'getAll', returnAll: true, ...parameters })).output.map((i) => i.json.name);
		expect(await names({})).toEqual(['In Group', 'Draft']);
		expect(await names({ calendarGroup: bySlug('sales') })).toEqual([inGroup.name]);
		expect(await names({ showDrafted: false })).toEqual(['In Group']);
		expect((await calendar({ operation: 'getAll', returnAll: false, limit: 1 })).output).toHaveLength(1);
		const missing = await calendar({ operation: 'get', calendar: byId('nope') });
		expect(missing.output[0].json.error).toBe('Calendar not found');
		expectAllRequestsValid();
	});

	test('Update sends only the fields set; Move to Group and Take Out of Group change groupId', async () => {
		const [sales, support] = [await group('Sales'), await group('Support')];
		const created = (await calendar({ operation: 'create', name: 'Demo', calendarType: 'event', calendarGroup: byId(sales.id) })).output[0].json;
		const update = (parameters: INodeParameters) => calendar({ operation: 'update', calendar: byId(String(created.id)), ...parameters });

		const renamed = await update({ updateFields: { name: 'Renamed', slotInterval: 15 } });
		expect(renamed.output[0].json).toMatchObject({ name: 'Renamed', slotInterval: 15, groupId: sales.id });
		const moved = await update({ groupChange: 'move', moveToGroup: bySlug('support') });
		expect(moved.output[0].json.groupId).toBe(support.id);
		const out = await update({ groupChange: 'remove' });
		expect(out.output[0].json.groupId).toBeUndefined();
		expect((await update({})).output[0].json.error).toBe('Nothing to update in item 0');
		const puts = expectAllRequestsValid().filter((r) => r.method === 'PUT');
		expect(puts.map((r) => r.body)).toEqual([{ name: 'Renamed', slotInterval: 15 }, { groupId: support.id }, { groupId: '' }]);
	});

	test('Delete removes the calendar and outputs { deleted, id }', async () => {
		const created = (await calendar({ operation: 'create', name: 'Gone', calendarType: 'event' })).output[0].json;
		const { output } = await calendar({ operation: 'delete', calendar: byId(String(created.id)) });
		expect(output).toEqual([{ json: { deleted: true, id: created.id }, pairedItem: { item: 0 } }]);
		expect(calendarsInSandbox()).toEqual([]);
		expectAllRequestsValid();
	});

	describe('Delete of a group that holds calendars', () => {
		async function filledGroup() {
			const sales = await group('Sales');
			for (const name of ['One', 'Two', 'Three', 'Four']) {
				await calendar({ operation: 'create', name, calendarType: 'event', calendarGroup: byId(sales.id) });
			}
			await calendar({ operation: 'create', name: 'Elsewhere', calendarType: 'event' });
			return sales;
		}
		const ids = () => calendarsInSandbox().map((c) => `"${c.name}" (${c.id})`);

		test('fails naming how many and the first three, and deletes nothing', async () => {
			const sales = await filledGroup();
			const named = ids().slice(0, 3).join(', ');
			const { output } = await run({ operation: 'delete', group: byId(sales.id), options });
			expect(output[0].json).toEqual({
				error: `Calendar group ${sales.id} holds 4 calendars: ${named}, and 1 more (item 0)`,
				description: expect.stringContaining('Delete Its Calendars First'),
			});
			expect(groupsInSandbox()).toHaveLength(1);
			expect(calendarsInSandbox()).toHaveLength(5);
			expectAllRequestsValid();
		});

		test('Delete Its Calendars First deletes them one by one, then the group, reporting each', async () => {
			const sales = await filledGroup();
			const before = calendarsInSandbox().slice(0, 4).map((c) => ({ id: c.id, name: c.name }));
			const { output } = await run({ operation: 'delete', group: bySlug('sales'), options: { ...options, ifHoldsCalendars: 'deleteCalendarsFirst' } });
			expect(output[0].json).toEqual({ deleted: true, id: sales.id, deletedCalendars: before });
			expect(groupsInSandbox()).toEqual([]);
			expect(calendarsInSandbox().map((c) => c.name)).toEqual(['Elsewhere']);
			const deletes = expectAllRequestsValid().filter((r) => r.method === 'DELETE').map((r) => r.path);
			expect(deletes).toEqual([...before.map((c) => `/calendars/${c.id}`), `/calendars/groups/${sales.id}`]);
		});

		test('Delete Even If It Holds Calendars does not look inside (no calendars.readonly needed)', async () => {
			const sales = await filledGroup();
			const count = sandbox.requests().length;
			const { output } = await run({ operation: 'delete', group: byId(sales.id), options: { ...options, ifHoldsCalendars: 'deleteAnyway' } }, [{}], GROUPS_ONLY);
			expect(output[0].json).toEqual({ deleted: true, id: sales.id });
			expect(sandbox.requests().slice(count).map((r) => `${r.method} ${r.path}`)).toEqual([`DELETE /calendars/groups/${sales.id}`]);
		});
	});

	test('a credential without the calendar scopes gets HighLevel\'s scope message naming the scope', async () => {
		const create = await calendar({ operation: 'create', name: 'X', calendarType: 'event' }, [{}], GROUPS_ONLY);
		expect(create.output[0].json).toEqual({
			error: 'The token is not authorized for this scope.',
			description: expect.stringContaining('"calendars.readonly"'),
		});
		const del = await calendar({ operation: 'delete', calendar: byId('abc') }, [{}], GROUPS_ONLY);
		expect(del.output[0].json.description).toContain('"calendars.write"');
		const safeDelete = await run({ operation: 'delete', group: byId('abc'), options }, [{}], GROUPS_ONLY);
		expect(safeDelete.output[0].json.description).toContain('"calendars.readonly"');
	});
});

describe('Calendar fields as the user fills them in', () => {
	const calendar = (parameters: INodeParameters, items?: object[]) => run({ resource: 'calendar', ...parameters }, items);
	const posts = () => sandbox.requests().filter((r) => r.method === 'POST' && r.path === '/calendars/');

	test('a Slug or Widget Slug added under Calendar Fields and left empty is not set; a bad Widget Slug is named as such', async () => {
		const { output } = await calendar(
			{ operation: 'create', name: '={{ $json.name }}', calendarType: 'event', calendarFields: { slug: '', widgetSlug: '={{ $json.widget }}' } },
			[{ name: 'Intro Call', widget: '' }, { name: 'Open Day', widget: 'Open Day' }],
		);
		expect(output.map((i) => i.json.error ?? i.json.slug)).toEqual(['intro-call', 'Widget Slug "Open Day" in item 1 has characters HighLevel slugs do not use']);
		expect(posts().map((r) => r.body)).toEqual([expect.objectContaining({ slug: 'intro-call', widgetSlug: 'intro-call' })]);
	});

	test('a Meeting Location whose Kind is None is refused, naming the member and the item', async () => {
		const teamMembers = { member: [member('a', { locationKind: 'physical', location: 'Main St 1' }), member('b', { location: '+14455550132' })] };
		const { output } = await calendar({ operation: 'create', name: 'Calls', calendarType: 'round_robin', teamMembers });
		expect(output[0].json).toEqual({
			error: 'Team Members > Meeting Location (member 2) in item 0 is set, but its Meeting Location Kind is None',
			description: 'Choose the Meeting Location Kind (e.g. Address or Custom) for it, or clear Meeting Location',
		});
		expect(posts()).toEqual([]);
	});

	test('Update checks a new team against the calendar\'s type, as Create does', async () => {
		const created = (await calendar({ operation: 'create', name: 'Mine', calendarType: 'personal', teamMembers: { member: [member('a')] } })).output[0].json;
		const update = (members: INodeParameters[], json = '{}') =>
			calendar({ operation: 'update', calendar: byId(String(created.id)), updateFields: members.length ? { teamMembers: { member: members } } : {}, additionalFields: json });
		expect((await update([member('a'), member('b')])).output[0].json.error).toBe('Calendar field "teamMembers" in item 0 must name exactly one user for a personal calendar');
		expect((await update([], '{"teamMembers": []}')).output[0].json.error).toBe('Calendar field "teamMembers" in item 0 must name exactly one user for a personal calendar');
		expect(sandbox.requests().filter((r) => r.method === 'PUT')).toEqual([]);
		expect((await update([member('b')])).output[0].json.teamMembers).toEqual([{ userId: 'b', priority: 0.5 }]);
		expectAllRequestsValid();
	});
});
