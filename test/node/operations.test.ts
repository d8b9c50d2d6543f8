import type { INodeParameters } from 'n8n-workflow';

import type { ApiVersion } from '../../tools/contract/openapi';
import { SANDBOX_LOCATION, sandboxCredentials } from '../../tools/engine/credentials';
import { runWorkflow } from '../../tools/engine/runWorkflow';
import { NODE_NAME, singleNodeWorkflow } from '../../tools/engine/workflows';
import { expectRequestsValid } from '../../tools/sandbox/harness';
import { startSandbox, type Sandbox } from '../../tools/sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox({ port: 0 })));
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const groupsInSandbox = () => sandbox.state().locations[SANDBOX_LOCATION] ?? [];

async function run(parameters: INodeParameters, items: object[] = [{}]) {
	const result = await runWorkflow(singleNodeWorkflow(parameters, items), sandboxCredentials(sandbox.url));
	return { output: result.output(NODE_NAME), error: result.error(NODE_NAME) };
}

const expectAllRequestsValid = () => expectRequestsValid(sandbox);

interface StoredGroup {
	[field: string]: string | boolean;
	id: string;
	name: string;
	description: string;
	slug: string;
}

async function seed(version: ApiVersion, ...names: string[]) {
	const { output } = await run(
		{ operation: 'create', name: '={{ $json.name }}', description: '={{ $json.name }} calendars', options: { apiVersion: version } },
		names.map((name) => ({ name })),
	);
	return (output ?? []).map((item) => item.json as StoredGroup);
}

describe.each<ApiVersion>(['2021-04-15', 'v3'])('with Version %s', (version) => {
	const options = { apiVersion: version };

	test('Create sends the documented body and outputs the created group', async () => {
		const { output, error } = await run(
			{ operation: 'create', name: '={{ $json.company }} Team', description: '=Demos for {{ $json.company }}', isActive: false, options },
			[{ company: 'Acme' }],
		);
		expect(error).toBeUndefined();
		const [stored] = groupsInSandbox();
		expect(output).toEqual([{ json: stored, pairedItem: { item: 0 } }]);
		expect(stored).toMatchObject({ name: 'Acme Team', description: 'Demos for Acme', slug: 'acme-team', isActive: false, locationId: SANDBOX_LOCATION });
		const requests = expectAllRequestsValid();
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /calendars/groups', 'POST /calendars/groups']);
		expect(requests[1].headers.version).toBe(version);
		expect(requests[1].body).toEqual({ locationId: SANDBOX_LOCATION, name: 'Acme Team', description: 'Demos for Acme', slug: 'acme-team', isActive: false });
	});

	test('Create with a taken slug: fail, return the existing group, or add a suffix', async () => {
		const [existing] = await seed(version, 'Sales');
		const create = (onSlugTaken: string) => run({ operation: 'create', name: 'Sales', description: 'again', options: { ...options, onSlugTaken } });
		const failed = await create('fail');
		expect(failed.error?.message).toBe(`Slug "sales" is taken by calendar group "Sales" (${existing.id}) in location "${SANDBOX_LOCATION}" (item 0)`);
		expect((await create('returnExisting')).output?.[0].json).toEqual(existing);
		expect((await create('addSuffix')).output?.[0].json).toMatchObject({ slug: 'sales-2', description: 'again' });
		expect((await create('addSuffix')).output?.[0].json).toMatchObject({ slug: 'sales-3' });
		expect(groupsInSandbox().map((g) => g.slug)).toEqual(['sales', 'sales-2', 'sales-3']);
		expectAllRequestsValid();
	});

	test('Get finds a group by ID, by slug and from the list; a missing one is a clear error', async () => {
		const [, second] = await seed(version, 'One', 'Two');
		for (const group of [{ mode: 'id', value: second.id }, { mode: 'slug', value: 'two' }, { mode: 'list', value: second.id }]) {
			const { output } = await run({ operation: 'get', group: { __rl: true, ...group }, options });
			expect(output).toEqual([{ json: second, pairedItem: { item: 0 } }]);
		}
		const missing = await run({ operation: 'get', group: { __rl: true, mode: 'slug', value: 'nope' }, options });
		expect(missing.error?.message).toBe(`No calendar group with slug "nope" in location "${SANDBOX_LOCATION}" (item 0)`);
		expectAllRequestsValid();
	});

	test('Get Many returns one item per group, filtered and limited', async () => {
		await seed(version, 'Sales East', 'Support', 'Sales West');
		await run({ operation: 'disable', group: { __rl: true, mode: 'slug', value: 'sales-west' }, options });
		const all = await run({ operation: 'getAll', returnAll: true, options });
		expect(all.output?.map((i) => i.json.name)).toEqual(['Sales East', 'Support', 'Sales West']);
		expect(all.output?.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
		const active = await run({ operation: 'getAll', returnAll: true, filters: { activeOnly: true, nameContains: 'SALES' }, options });
		expect(active.output?.map((i) => i.json.name)).toEqual(['Sales East']);
		const limited = await run({ operation: 'getAll', returnAll: false, limit: 2, options });
		expect(limited.output).toHaveLength(2);
		expectAllRequestsValid();
	});

	test('Update changes only the fields set, sending all three the API requires', async () => {
		const [group] = await seed(version, 'Old Name');
			const { output } = await run({
			operation: 'update',
			group: { __rl: true, mode: 'id', value: group.id },
			updateFields: { name: 'New Name' },
			options,
		});
		expect(output?.[0].json).toEqual({ ...group, name: 'New Name' });
		expect(groupsInSandbox()[0]).toEqual({ ...group, name: 'New Name' });
		const put = expectAllRequestsValid().find((r) => r.method === 'PUT');
		expect(put?.path).toBe(`/calendars/groups/${group.id}`);
		expect(put?.body).toEqual({ name: 'New Name', description: group.description, slug: group.slug });
	});

	test('Disable and Enable set isActive and output the group', async () => {
		const [group] = await seed(version, 'Toggle');
		const disabled = await run({ operation: 'disable', group: { __rl: true, mode: 'id', value: group.id }, options });
		expect(disabled.output?.[0].json).toEqual({ ...group, isActive: false });
		expect(groupsInSandbox()[0].isActive).toBe(false);
		const enabled = await run({ operation: 'enable', group: { __rl: true, mode: 'slug', value: 'toggle' }, options });
		expect(enabled.output?.[0].json).toEqual({ ...group, isActive: true });
		const puts = expectAllRequestsValid().filter((r) => r.method === 'PUT');
		expect(puts.map((r) => [r.path, r.body])).toEqual([
			[`/calendars/groups/${group.id}/status`, { isActive: false }],
			[`/calendars/groups/${group.id}/status`, { isActive: true }],
		]);
	});

	test('Delete outputs { deleted, id } and removes the group', async () => {
		const [first, second] = await seed(version, 'First', 'Second');
		const byId = await run({ operation: 'delete', group: { __rl: true, mode: 'id', value: first.id }, options });
		expect(byId.output).toEqual([{ json: { deleted: true, id: first.id }, pairedItem: { item: 0 } }]);
		const bySlug = await run({ operation: 'delete', group: { __rl: true, mode: 'slug', value: 'second' }, options });
		expect(bySlug.output?.[0].json).toEqual({ deleted: true, id: second.id });
		expect(groupsInSandbox()).toEqual([]);
		expectAllRequestsValid();
	});

	test('Check Slug Availability outputs { slug, available }', async () => {
		await seed(version, 'Taken');
		const { output } = await run({ operation: 'checkSlug', slug: '={{ $json.slug }}', options }, [{ slug: 'taken' }, { slug: 'free' }]);
		expect(output?.map((i) => i.json)).toEqual([{ slug: 'taken', available: false }, { slug: 'free', available: true }]);
		const checks = expectAllRequestsValid().filter((r) => r.path === '/calendars/groups/validate-slug');
		expect(checks.map((r) => r.body)).toEqual([{ locationId: SANDBOX_LOCATION, slug: 'taken' }, { locationId: SANDBOX_LOCATION, slug: 'free' }]);
	});
});

describe('ids in paths and the location', () => {
	test('a group ID is encoded in the path', async () => {
		const { error } = await run({ operation: 'delete', group: { __rl: true, mode: 'id', value: 'a/b?c' } });
		expect(sandbox.requests().map((r) => r.path)).toEqual(['/calendars/', '/calendars/groups/a%2Fb%3Fc']);
		expect(sandbox.requests()[0].query).toEqual({ locationId: SANDBOX_LOCATION, groupId: 'a/b?c', showDrafted: 'true' });
		expect(error?.message).toBe('Group not found');
	});

	test.each([
		['.', 'The Group ID "." is not a valid ID'],
		['..', 'The Group ID ".." is not a valid ID'],
		['  ', 'Calendar Group is empty in item 0'],
	])('the group ID %j is refused before any request', async (value, message) => {
		const { error } = await run({ operation: 'delete', group: { __rl: true, mode: 'id', value } });
		expect(error?.message).toBe(message);
		expect(sandbox.requests()).toEqual([]);
	});

	test('the location can be set per item, overriding the credential\'s', async () => {
		const { error } = await run({ operation: 'getAll', returnAll: true, locationId: '={{ $json.location }}' }, [{ location: 'sandboxLocation0002' }]);
		expect(error?.message).toBe('The token does not have access to this location');
		expect(sandbox.requests()[0].query).toEqual({ locationId: 'sandboxLocation0002' });
	});
});
