/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * The workflows in examples/, read as a user imports them: each names its credentials by type and name only
 * (`id: null`, which n8n resolves to the user's credential of that name on import).
 */
import { readFileSync } from 'fs';
import { join } from 'path';

import type { WorkflowToImport } from '../../../tools/n8n/importData';
import { REPO_ROOT } from '../../../tools/paths';
import { KEY_CRED_TYPE } from './triggerWorkflows';

export const EXAMPLES = {
	onboard: 'onboard-new-sub-account.json',
	bulk: 'bulk-create-calendar-groups.json',
	agent: 'ai-agent-calendar-groups.json',
} as const;
export type ExampleKey = keyof typeof EXAMPLES;

export interface ExampleNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string | null; name: string }>;
	webhookId?: string;
}

export interface Example extends WorkflowToImport {
	nodes: ExampleNode[];
}

export function readExample(key: ExampleKey): Example {
	return JSON.parse(readFileSync(join(REPO_ROOT, 'examples', EXAMPLES[key]), 'utf8')) as Example;
}

/** Every credential the example refers to: its type and the name n8n looks it up by. */
export function credentialRefs(example: Example): Array<{ type: string; name: string }> {
	const refs = example.nodes.flatMap((node) => Object.entries(node.credentials ?? {}).map(([type, ref]) => ({ type, name: ref.name })));
	return refs.filter((ref, i) => refs.findIndex((other) => other.type === ref.type && other.name === ref.name) === i);
}

export const nodeOfType = (example: Example, typeSuffix: string): ExampleNode => {
	const node = example.nodes.find((n) => n.type.endsWith(typeSuffix));
	if (!node) throw new Error(`example "${example.name}" has no ${typeSuffix} node`);
	return node;
};

/** The example with each credential's id filled in from `ids` (keyed `type/name`), as the editor matches them by name on import. */
export function withCredentialIds(example: Example, ids: Map<string, string>): Example {
	const nodes = example.nodes.map((node) => {
		if (!node.credentials) return node;
		const credentials = Object.fromEntries(Object.entries(node.credentials).map(([type, ref]) => [type, { ...ref, id: ids.get(`${type}/${ref.name}`) ?? ref.id }]));
		return { ...node, credentials };
	});
	return { ...example, nodes };
}

/**
 * The one change the sandbox needs: its webhooks are signed with its own key, not HighLevel's published one, so the
 * trigger verifies them with a key credential holding the sandbox's public key.
 */
export function withSandboxKey(example: Example, keyCredential: { id: string; name: string }): Example {
	const nodes = example.nodes.map((node) =>
		node.type.endsWith('.highLevelTrigger')
			? { ...node, parameters: { ...node.parameters, verificationKey: 'credential' }, credentials: { ...node.credentials, [KEY_CRED_TYPE]: keyCredential } }
			: node,
	);
	return { ...example, nodes };
}
