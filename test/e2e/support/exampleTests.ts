/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * The workflows in examples/ in real n8n, inside a suite's running editor (no n8n start of their own): each is stored
 * through the REST API as the editor's import stores it, with credentials of the names it gives; the bulk and agent
 * examples are run as the Execute Workflow button runs them, the onboarding example is activated and started by a
 * signed LocationCreate the sandbox sends when a sub-account is added.
 */
import { randomBytes } from 'crypto';
import { setTimeout as sleep } from 'timers/promises';

import { newSubAccount } from '../../../tools/demo/agencyStory';
import { agencyCredentialFields } from '../../../tools/engine/agency';
import { activate, executionsOf, productionUrl, savedExecution, waitForExecutions, waitUntilServed, type SavedExecution } from '../../../tools/n8n/activeWorkflows';
import type { Editor } from '../../../tools/n8n/editor';
import { itemsOf } from '../../../tools/n8n/execute';
import type { Line, N8nInstall } from '../../../tools/n8n/install';
import { runManually } from '../../../tools/n8n/manualRun';
import { createCredential } from '../../../tools/n8n/restCredentials';
import { createWorkflow } from '../../../tools/n8n/restWorkflows';
import type { ChatRequest } from '../../../tools/openai-stub/chat';
import { startOpenAiStub, type OpenAiStub } from '../../../tools/openai-stub/server';
import { sandboxAdmin } from '../../../tools/sandbox/admin-client';
import { DEFAULT_TOKENS, type Sandbox } from '../../../tools/sandbox/server';
import { credentialRefs, nodeOfType, readExample, withCredentialIds, withSandboxKey, type Example, type ExampleKey } from './examples';
import { MINUTE } from './run';
import { KEY_CRED_TYPE, TRIGGER_PATH } from './triggerWorkflows';

export interface ExampleContext {
	line: Line;
	inst: N8nInstall;
	editor: Editor;
	sandbox: Sandbox;
}

const [{ token: SANDBOX_TOKEN, locationId: LOCATION }] = DEFAULT_TOKENS;
/** What the scripted model passes to the agent example's tool. */
const AGENT_GROUP = { name: 'Agents Team', description: 'Bookings the agent set up', slug: 'agents-team' };
const MODEL_ANSWER = (toolResult: string) => `Done. The calendar tool answered: ${toolResult}`;
const SUB_ACCOUNT = 'Example Dental';

export function describeExamples(context: () => ExampleContext): void {
	describe('the workflows in examples/, imported as a user imports them', () => {
		const apiKey = `sk-stub-${randomBytes(16).toString('hex')}`;
		const examples: Record<ExampleKey, Example> = { onboard: readExample('onboard'), bulk: readExample('bulk'), agent: readExample('agent') };
		const workflowIds = {} as Record<ExampleKey, string>;
		const credentialIds = new Map<string, string>();
		const executions: SavedExecution[] = [];
		let stub: OpenAiStub;

		const run = async (key: 'bulk' | 'agent') => {
			const { editor, inst } = context();
			const execution = await runManually(editor, inst, workflowIds[key], nodeOfType(examples[key], '.manualTrigger').name, 3 * MINUTE);
			executions.push(execution);
			return execution;
		};
		const groupsOf = (locationId: string, slugs: string[]) => (context().sandbox.state().locations[locationId] ?? []).filter((g) => slugs.includes(g.slug));

		beforeAll(async () => {
			const { editor, sandbox } = context();
			stub = await startOpenAiStub({ toolArguments: AGENT_GROUP, answer: MODEL_ANSWER }, apiKey);
			const sandboxData: Record<string, () => Promise<Record<string, unknown>>> = {
				highLevelCalendarsApi: async () => ({ accessToken: SANDBOX_TOKEN, locationId: LOCATION, baseUrl: sandbox.url }),
				// the token answer of the OAuth2 dance with the Company app, installed to every sub-account and future ones
				highLevelCalendarsAgencyOAuth2Api: async () => await agencyCredentialFields(sandbox),
				openAiApi: async () => ({ apiKey, url: stub.url }),
			};
			for (const ref of Object.values(examples).flatMap(credentialRefs)) {
				const key = `${ref.type}/${ref.name}`;
				if (credentialIds.has(key)) continue;
				if (!sandboxData[ref.type]) throw new Error(`an example names a ${ref.type} credential, which this test cannot make`);
				credentialIds.set(key, (await createCredential(editor, { ...ref, data: await sandboxData[ref.type]() })).id);
			}
			const keyCredential = await createCredential(editor, { name: 'HighLevel sandbox webhook key', type: KEY_CRED_TYPE, data: { publicKey: sandbox.webhookPublicKeyPem } });
			// n8n 2.x gives a credential named without an id the user's credential of that type and name when the workflow is
			// stored; 1.x's REST API stores it as it comes (its editor matches the names on import), so there the test does
			const asImported = (example: Example) => (context().line === '1' ? withCredentialIds(example, credentialIds) : example);
			workflowIds.onboard = await createWorkflow(editor, asImported(withSandboxKey(examples.onboard, keyCredential)));
			workflowIds.bulk = await createWorkflow(editor, asImported(examples.bulk));
			workflowIds.agent = await createWorkflow(editor, asImported(examples.agent));
		}, 5 * MINUTE);

		afterAll(async () => await stub?.close());

		test('each node has the credential of the type and name the example gives (n8n 2.x finds it by name when storing)', async () => {
			for (const key of Object.keys(examples) as ExampleKey[]) {
				const stored = await context().editor.rest('GET', `/rest/workflows/${workflowIds[key]}`);
				for (const node of stored.json.data.nodes as Example['nodes']) {
					for (const [type, ref] of Object.entries(node.credentials ?? {})) {
						if (type === KEY_CRED_TYPE) continue;
						expect({ example: key, node: node.name, type, id: ref.id }).toEqual({ example: key, node: node.name, type, id: credentialIds.get(`${type}/${ref.name}`) });
					}
				}
			}
		});

		test('bulk create: one group per row; run again, If Slug Is Taken returns the same groups and creates none', async () => {
			const first = await run('bulk');
			expect(first.status).toBe('success');
			const created = itemsOf(first, 'Create Calendar Groups');
			expect(created.map(({ name, slug, isActive, locationId }) => ({ name, slug, isActive, locationId }))).toEqual([
				{ name: 'Sales Team', slug: 'sales-team', isActive: true, locationId: LOCATION },
				{ name: 'Support Team', slug: 'support-team', isActive: true, locationId: LOCATION },
				{ name: 'Onboarding', slug: 'onboarding', isActive: true, locationId: LOCATION },
				{ name: 'Workshops', slug: 'workshops', isActive: false, locationId: LOCATION },
			]);
			const slugs = created.map((g) => String(g.slug));
			expect(groupsOf(LOCATION, slugs)).toHaveLength(4);

			const again = await run('bulk');
			expect(again.status).toBe('success');
			expect(itemsOf(again, 'Create Calendar Groups')).toEqual(created);
			expect(groupsOf(LOCATION, slugs)).toHaveLength(4);
		});

		test('AI agent: the model is offered the tool, its call creates the group, and the output is its reply', async () => {
			const before = stub.chats().length;
			const execution = await run('agent');
			expect(execution.status).toBe('success');
			const chats: ChatRequest[] = stub.chats().slice(before);
			expect(chats[0].tools?.map((tool) => tool.function.name)).toEqual(['Create_calendar_group']);
			expect(Object.keys((chats[0].tools?.[0].function.parameters as { properties: object }).properties)).toEqual(['name', 'description', 'slug']);
			const [group] = groupsOf(LOCATION, [AGENT_GROUP.slug]);
			expect(group).toEqual(expect.objectContaining({ ...AGENT_GROUP, locationId: LOCATION }));
			const toolMessage = chats[1]?.messages.find((m) => m.role === 'tool');
			expect(JSON.parse(String(toolMessage?.content))).toEqual([group]);
			expect(itemsOf(execution, 'AI Agent')[0]?.output).toBe(MODEL_ANSWER(String(toolMessage?.content)));
		});

		test("onboarding: a new sub-account's signed LocationCreate starts one execution, which gives it a group with two calendars", async () => {
			const { editor, inst, sandbox } = context();
			await activate(editor, workflowIds.onboard);
			const trigger = nodeOfType(examples.onboard, '.highLevelTrigger');
			const url = productionUrl(editor, String(trigger.webhookId), TRIGGER_PATH);
			await waitUntilServed(url, MINUTE);
			expect((await sandboxAdmin(sandbox.url, '/webhooks', { appId: sandbox.app('Company').appId, url })).status).toBe(201);

			const { location, deliveries } = await newSubAccount(sandbox, SUB_ACCOUNT);
			expect(deliveries.map((d) => [d.type, d.status])).toEqual([['LocationCreate', 200], ['INSTALL', 200]]);
			const { newest } = await waitForExecutions(editor, workflowIds.onboard, 1, 2 * MINUTE);
			await sleep(1500);
			expect((await executionsOf(editor, workflowIds.onboard)).count).toBe(1);
			const execution = await savedExecution(editor, inst, newest[0].id);
			executions.push(execution);
			expect(execution.status).toBe('success');

			const [group] = sandbox.state().locations[location.id];
			expect(group).toEqual(expect.objectContaining({ name: `${SUB_ACCOUNT} Bookings`, slug: 'example-dental-bookings', locationId: location.id }));
			expect(sandbox.state().calendars[location.id]).toEqual([
				expect.objectContaining({ name: 'Open Day', calendarType: 'event', groupId: group.id }),
				expect.objectContaining({ name: 'Consultations', calendarType: 'round_robin', groupId: group.id, teamMembers: [{ userId: 'REPLACE_WITH_A_USER_ID', priority: 1 }] }),
			]);
			expect(itemsOf(execution, 'Create Round Robin Calendar')).toEqual([sandbox.state().calendars[location.id][1]]);
			expect(sandbox.state().oauth.mintsByLocation[location.id]).toBe(1);
		});

		test('no token, client secret or API key in what the examples\' executions saved', () => {
			expect(executions).toHaveLength(4);
			const secrets = [SANDBOX_TOKEN, apiKey, ...context().sandbox.issuedSecrets()];
			for (const execution of executions) {
				const text = JSON.stringify(execution.runData);
				expect(text).toContain('"slug"');
				for (const secret of secrets) expect({ execution: execution.id, leaked: text.includes(secret) ? secret : null }).toEqual({ execution: execution.id, leaked: null });
			}
		});
	});
}
