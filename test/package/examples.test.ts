/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * The workflows in examples/ as files (the e2e suite imports and runs them in real n8n): they name their credentials
 * by type and name only, hold nothing secret, and set only parameters the package's nodes have. Every example file
 * is one the e2e suite knows.
 */
import { readdirSync } from 'fs';
import { join } from 'path';

import { HighLevelCalendars } from '../../nodes/HighLevelCalendars/HighLevelCalendars.node';
import { HighLevelTrigger } from '../../nodes/HighLevelTrigger/HighLevelTrigger.node';
import { REPO_ROOT } from '../../tools/paths';
import { EXAMPLES, readExample, type ExampleKey } from '../e2e/support/examples';

const PACKAGE = 'n8n-nodes-highlevel-calendars.';
const propertiesOf: Record<string, Set<string>> = {
	highLevelCalendars: new Set(new HighLevelCalendars().description.properties.map((p) => p.name)),
	// n8n's tool variant of the node: the same properties
	highLevelCalendarsTool: new Set(new HighLevelCalendars().description.properties.map((p) => p.name)),
	highLevelTrigger: new Set(new HighLevelTrigger().description.properties.map((p) => p.name)),
};
const keys = Object.keys(EXAMPLES) as ExampleKey[];

test('every file in examples/ is one the e2e suite imports and runs', () => {
	expect(readdirSync(join(REPO_ROOT, 'examples')).sort()).toEqual(Object.values(EXAMPLES).sort());
});

describe.each(keys)('examples/ %s', (key) => {
	const example = readExample(key);
	const ours = example.nodes.filter((node) => node.type.startsWith(PACKAGE));

	test("uses the package's nodes, with parameters they have", () => {
		expect(ours.length).toBeGreaterThan(0);
		for (const node of ours) {
			const properties = propertiesOf[node.type.slice(PACKAGE.length)];
			expect({ node: node.name, known: !!properties }).toEqual({ node: node.name, known: true });
			expect({ node: node.name, unknown: Object.keys(node.parameters).filter((name) => !properties.has(name)) }).toEqual({ node: node.name, unknown: [] });
		}
	});

	test('names each credential by type and name, without an id, and holds no token or key', () => {
		const refs = example.nodes.flatMap((node) => Object.values(node.credentials ?? {}));
		expect(refs.length).toBeGreaterThan(0);
		for (const ref of refs) expect(ref).toEqual({ id: null, name: expect.stringMatching(/\S/) });
		expect(JSON.stringify(example)).not.toMatch(/pit-[\w-]{8,}|sk-[\w-]{8,}|Bearer |accessToken|apiKey|BEGIN PUBLIC KEY/i);
	});

	test('every connection joins nodes of the workflow', () => {
		const names = new Set(example.nodes.map((node) => node.name));
		for (const [from, outputs] of Object.entries(example.connections as Record<string, Record<string, Array<Array<{ node: string }>>>>)) {
			expect(names.has(from)).toBe(true);
			for (const target of Object.values(outputs).flat(2)) expect(names.has(target.node)).toBe(true);
		}
	});
});
