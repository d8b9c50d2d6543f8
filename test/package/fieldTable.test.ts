/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * The browser suite compares the node panel with one table (test/browser/fieldTable.ts); here that table is checked
 * against the README's Operations section, so that what the editor shows is what the README lists.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

import { OPERATION_ROWS, TRIGGER_EVENTS } from '../browser/fieldTable';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const section = /\n## Operations\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
const aroundTable = section.split('\n').filter((line) => !line.startsWith('|')).join('\n');

/** The rows of the table that follows the paragraph opening with "Resource **<resource>**". */
function tableOf(resource: string): string[] {
	const from = section.indexOf(`Resource **${resource}**`);
	expect(from).toBeGreaterThanOrEqual(0);
	const lines = section.slice(from).split('\n');
	const start = lines.findIndex((line) => line.startsWith('| '));
	const end = lines.findIndex((line, i) => i > start && !line.startsWith('|'));
	return lines.slice(start, end).filter((line) => line.startsWith('| '));
}

/** The README's row for an operation of a resource: its first cell names it ("Enable / Disable" names both). */
function rowOf(resource: string, operation: string): string {
	const rows = tableOf(resource).filter((line) => line.split('|')[1].split('/').map((name) => name.trim()).includes(operation));
	expect(rows).toHaveLength(1);
	return rows[0];
}

test.each([...new Set(OPERATION_ROWS.map((row) => row.resource))])('the README has a table of the %s operations', (resource) => {
	expect(tableOf(resource).length).toBeGreaterThan(2);
});

describe.each(OPERATION_ROWS.map((row) => [`${row.resource} → ${row.operation}`, row] as const))('%s', (_, row) => {
	test.each(row.fields.map((field) => [field.label, field] as const))('the README lists the field %s', (_label, field) => {
		expect(field.shared ? aroundTable : rowOf(row.resource, row.operation)).toContain(field.readme);
	});

	test('the README lists its options', () => {
		const text = `${aroundTable}\n${rowOf(row.resource, row.operation)}`;
		for (const option of row.options) expect(text).toMatch(new RegExp(`\\*(Options → )?${option.replace(/[()]/g, '\\$&')}\\*`));
	});
});

const triggerSection = /\n## Trigger\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';

test.each(TRIGGER_EVENTS.map((event) => [event.name, event.readme] as const))('the README\'s Trigger section lists the event %s (%s)', (_name, word) => {
	expect(triggerSection).toContain(word);
});
