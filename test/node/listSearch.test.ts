import { LoadOptionsContext } from 'n8n-core';

import { searchGroups } from '../../nodes/HighLevelCalendarGroup/listSearch/searchGroups';
import { SANDBOX_LOCATION, sandboxCredentials } from '../../tools/engine/credentials';
import { TestCredentialsHelper } from '../../tools/engine/credentialsHelper';
import { buildWorkflow, runWorkflow, stubbedAdditionalData } from '../../tools/engine/runWorkflow';
import { NODE_NAME, singleNodeWorkflow } from '../../tools/engine/workflows';
import { startSandbox, type Sandbox } from '../../tools/sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox({ port: 0 })));
afterAll(async () => await sandbox.close());

/** The "From List" search as the editor runs it, through n8n-core's load-options context. */
async function search(filter: string | undefined, parameters: Record<string, unknown> = {}) {
	const fixture = singleNodeWorkflow({ authentication: 'privateIntegrationToken', operation: 'get', ...parameters });
	const node = fixture.nodes.find((n) => n.name === NODE_NAME)!;
	const additionalData = stubbedAdditionalData({
		credentialsHelper: new TestCredentialsHelper(sandboxCredentials(sandbox.url)),
		currentNodeParameters: node.parameters,
	});
	const context = new LoadOptionsContext(buildWorkflow(fixture), node, additionalData, 'parameters.group');
	return await searchGroups.call(context, filter);
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
