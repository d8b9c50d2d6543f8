import { SANDBOX_LOCATION, sandboxCredentials } from '../../tools/engine/credentials';
import { runWorkflow } from '../../tools/engine/runWorkflow';
import { loadWorkflowFixture, NODE_NAME } from '../../tools/engine/workflows';
import { startSandbox, type Sandbox } from '../../tools/sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox({ port: 0 })));
afterAll(async () => await sandbox.close());

test('a CRM trigger → data node → Calendar Group workflow creates one group per item, mapped by expressions', async () => {
	const run = await runWorkflow(loadWorkflowFixture('new-sub-account.json'), sandboxCredentials(sandbox.url));
	expect(run.run.status).toBe('success');
	const stored = sandbox.state().locations[SANDBOX_LOCATION];
	expect(stored.map(({ name, description, slug, isActive }) => ({ name, description, slug, isActive }))).toEqual([
		{ name: 'Acme Dental Hygiene', description: 'Booking calendars of the hygiene team', slug: 'acme-dental-hygiene', isActive: true },
		{ name: 'Acme Dental Orthodontics', description: 'Booking calendars of the orthodontics team', slug: 'acme-dental-orthodontics', isActive: false },
	]);
	expect(run.output(NODE_NAME)).toEqual([
		{ json: stored[0], pairedItem: { item: 0 } },
		{ json: stored[1], pairedItem: { item: 1 } },
	]);
});
