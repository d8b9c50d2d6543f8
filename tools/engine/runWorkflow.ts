import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	IConnections,
	IRun,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';
import { leakedSecrets } from './secrets';
import { nodeTypes } from './nodeTypes';

export interface WorkflowFixture {
	nodes: INode[];
	connections: IConnections;
	/** The workflow's settings besides executionOrder v1 (its time zone: `this.getTimezone()`). */
	settings?: IWorkflowSettings;
}

export interface WorkflowRun {
	run: IRun;
	/** The items a node put out on its first run, or undefined when it did not run or failed. */
	output(nodeName: string): INodeExecutionData[] | undefined;
	/** The error a node stopped with. */
	error(nodeName: string): (Error & { description?: string; context?: IDataObject }) | undefined;
}

/** The secrets among a test's credentials: tokens and client secrets. */
export function secretsOf(credentials: Record<string, ICredentialDataDecryptedObject>): string[] {
	return Object.values(credentials)
		.flatMap((data) => {
			const oauth = (data.oauthTokenData ?? {}) as IDataObject;
			return [data.accessToken, data.clientSecret, oauth.access_token, oauth.refresh_token];
		})
		.filter((secret): secret is string => typeof secret === 'string' && secret !== '');
}

/** Every run of the suite is searched for the tokens it was given: none may reach outputs or errors. */
function assertNoTokenIn(run: IRun, credentials: Record<string, ICredentialDataDecryptedObject>): void {
	const leaked = leakedSecrets(run.data, secretsOf(credentials));
	if (leaked.length > 0) throw new Error(`A token appears in the execution data (${leaked.length} found)`);
}

/**
 * What n8n's server would hand the engine: the given fields, and a no-op function for anything else
 * the engine may call (as the jest mock in n8n's own node test harness does, usable outside jest).
 */
export function stubbedAdditionalData(fields: Partial<IWorkflowExecuteAdditionalData>): IWorkflowExecuteAdditionalData {
	const known: Record<string | symbol, unknown> = { currentNodeParameters: undefined, encryptedRunnerIdentity: undefined, ssrfBridge: undefined, ...fields };
	return new Proxy(known, {
		get: (target, property) => (property in target ? target[property] : () => undefined),
	}) as unknown as IWorkflowExecuteAdditionalData;
}

export function buildWorkflow(fixture: WorkflowFixture): Workflow {
	return new Workflow({
		id: 'test',
		nodes: fixture.nodes,
		connections: fixture.connections,
		nodeTypes,
		active: false,
		settings: { executionOrder: 'v1', ...fixture.settings },
	});
}

/** Runs a workflow through n8n-core's real execution engine, as n8n runs it. */
export async function runWorkflow(
	fixture: WorkflowFixture,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	credentialsHelper: TestCredentialsHelper = new TestCredentialsHelper({ ...credentials }),
): Promise<WorkflowRun> {
	const workflow = buildWorkflow(fixture);
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
		id: 'test',
		name: 'test',
		active: false,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
		...fixture,
	});
	const finished = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', resolve));
	const additionalData = stubbedAdditionalData({
		hooks,
		credentialsHelper,
	});

	const startNode = fixture.nodes[0];
	const runExecutionData: IRunExecutionData = {
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [{ node: startNode, data: { main: [[{ json: {} }]] }, source: null }],
		},
	} as unknown as IRunExecutionData;

	await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
	const run = await finished;
	assertNoTokenIn(run, credentials);
	const taskData = (name: string) => run.data.resultData.runData[name]?.[0];
	return {
		run,
		output: (name) => taskData(name)?.data?.main?.[0] ?? undefined,
		error: (name) => taskData(name)?.error as WorkflowRun['error'] extends (n: string) => infer E ? E : never,
	};
}
