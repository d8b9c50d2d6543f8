/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IConnections, INode, INodeParameters } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { PACKAGE_NODE_TYPE } from './nodeTypes';
import type { WorkflowFixture } from './runWorkflow';

export const NODE_NAME = 'Calendar Group';

const CREDENTIAL_REFERENCE = {
	highLevelCalendarsApi: { id: '1', name: 'HighLevel Calendars account' },
	highLevelCalendarsOAuth2Api: { id: '2', name: 'HighLevel Calendars OAuth2' },
	highLevelCalendarsAgencyOAuth2Api: { id: '3', name: 'HighLevel Calendars Agency' },
};

/** A workflow JSON file of test/fixtures/workflows, as exported from n8n. */
export function loadWorkflowFixture(fileName: string): WorkflowFixture {
	return JSON.parse(readFileSync(join(__dirname, '..', '..', 'test', 'fixtures', 'workflows', fileName), 'utf8')) as WorkflowFixture;
}

/** A node of the package in a chain: its name and parameters (expressions allowed). */
export interface ChainStep {
	name: string;
	parameters: INodeParameters;
}

/** Input items → the package's nodes one after another, each fed the one before's output. */
export function chainWorkflow(steps: ChainStep[], items: object[] = [{}]): WorkflowFixture {
	const input: INode = {
		id: 'input',
		name: 'Input',
		type: 'test.fixtureItems',
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(items) },
	};
	const nodes: INode[] = steps.map((step, index) => ({
		id: index === 0 ? 'calendar-group' : `step-${index}`,
		name: step.name,
		type: PACKAGE_NODE_TYPE,
		typeVersion: 1,
		position: [200 * (index + 1), 0],
		parameters: step.parameters,
		credentials: CREDENTIAL_REFERENCE,
	}));
	const names = ['Input', ...steps.map((step) => step.name)];
	const connections: IConnections = Object.fromEntries(
		names.slice(0, -1).map((from, index) => [from, { main: [[{ node: names[index + 1], type: NodeConnectionTypes.Main, index: 0 }]] }]),
	);
	return { nodes: [input, ...nodes], connections };
}

/** Input items → Calendar Group node with the given parameters (expressions allowed). */
export function singleNodeWorkflow(parameters: INodeParameters, items: object[] = [{}]): WorkflowFixture {
	return chainWorkflow([{ name: NODE_NAME, parameters }], items);
}

export function withContinueOnFail(fixture: WorkflowFixture): WorkflowFixture {
	return {
		...fixture,
		nodes: fixture.nodes.map((node) =>
			node.name === NODE_NAME ? { ...node, onError: 'continueRegularOutput' } : node,
		),
	};
}
