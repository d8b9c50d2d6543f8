/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INode, INodeParameters } from 'n8n-workflow';

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

/** Input items → Calendar Group node with the given parameters (expressions allowed). */
export function singleNodeWorkflow(parameters: INodeParameters, items: object[] = [{}]): WorkflowFixture {
	const input: INode = {
		id: 'input',
		name: 'Input',
		type: 'test.fixtureItems',
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(items) },
	};
	const node: INode = {
		id: 'calendar-group',
		name: NODE_NAME,
		type: PACKAGE_NODE_TYPE,
		typeVersion: 1,
		position: [200, 0],
		parameters,
		credentials: CREDENTIAL_REFERENCE,
	};
	return {
		nodes: [input, node],
		connections: { Input: { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] } },
	};
}

export function withContinueOnFail(fixture: WorkflowFixture): WorkflowFixture {
	return {
		...fixture,
		nodes: fixture.nodes.map((node) =>
			node.name === NODE_NAME ? { ...node, onError: 'continueRegularOutput' } : node,
		),
	};
}
