/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * The README's list of calendar properties (what Create and Update send, and Additional Fields (JSON) takes) is the one
 * the node checks bodies against, calendarSchema.ts: rendered here from it, and the README must hold it as rendered.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

import { calendarBodyRule } from '../../nodes/HighLevelCalendars/api/calendars/calendarSchema';
import type { Rule } from '../../nodes/HighLevelCalendars/shared/schemaCheck';
import { calendarFieldOptions } from '../../nodes/HighLevelCalendars/resources/calendar/calendarFields';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

const code = (value: unknown) => `\`${String(value)}\``;

function takes(rule: Rule): string {
	switch (rule.type) {
		case 'string':
			if (rule.readOnly) return 'read-only: refused (use `locationConfigurations`)';
			return rule.enum ? `one of ${rule.enum.map(code).join(', ')}` : 'text';
		case 'number': {
			if (rule.enum) return `one of ${rule.enum.map(code).join(', ')}`;
			const range = [rule.minimum !== undefined ? `≥ ${rule.minimum}` : '', rule.maximum !== undefined ? `≤ ${rule.maximum}` : ''].filter(Boolean);
			return range.length ? `number ${range.join(', ')}` : 'number';
		}
		case 'boolean':
			return 'true or false';
		case 'array':
			return `list of ${takes(rule.items)}`;
		case 'object': {
			const keys = Object.entries(rule.properties).map(([key, inner]) => `${code(key)}${rule.required.includes(key) ? ' (required)' : ''}: ${takes(inner)}`);
			return `{ ${keys.join('; ')} }`;
		}
	}
}

/** The node's own field for a property (set it there, not in Additional Fields (JSON)). */
const NODE_FIELDS: Record<string, string> = {
	locationId: 'Location ID',
	name: 'Name',
	calendarType: 'Calendar Type',
	groupId: 'Calendar Group (Update: Group)',
	teamMembers: 'Team Members',
	...Object.fromEntries(calendarFieldOptions('create').map((field) => [field.name, field.displayName])),
};

function renderCalendarProperties(): string {
	const create = calendarBodyRule('create', '2021-04-15');
	const update = calendarBodyRule('update', '2021-04-15');
	const v3 = calendarBodyRule('create', 'v3');
	const names = [...new Set([...Object.keys(create.properties), ...Object.keys(update.properties)])].sort((a, b) => a.localeCompare(b));
	const rows = names.map((name) => {
		const rule = create.properties[name] ?? update.properties[name];
		const differs = (other: Rule | undefined) => other !== undefined && JSON.stringify(other) !== JSON.stringify(rule);
		const onUpdate = differs(update.properties[name]) ? ` (Update: ${takes(update.properties[name])})` : '';
		const inV3 = differs(v3.properties[name]) ? ` (v3: ${takes(v3.properties[name])})` : '';
		const where = [name in create.properties ? (create.required.includes(name) ? 'Create (required)' : 'Create') : '', name in update.properties ? 'Update' : ''].filter(Boolean).join(', ');
		return `| ${code(name)} | ${takes(rule)}${onUpdate}${inV3} | ${where} | ${NODE_FIELDS[name] ?? ''} |`;
	});
	return ['| Property | Takes | On | Field of the node |', '|---|---|---|---|', ...rows].join('\n');
}

test('the README lists the calendar properties the node checks (calendarSchema.ts), as rendered here', () => {
	const table = renderCalendarProperties();
	expect(readme.includes(table) ? 'in the README' : table).toBe('in the README');
});

test('a calendar in the output (HighLevel\'s CalendarDTO, both Versions) has the listed properties and its id, as the README says', () => {
	const listed = Object.keys(calendarBodyRule('create', '2021-04-15').properties).sort();
	for (const file of ['calendars.openapi.json', 'calendars-v3.openapi.json']) {
		const spec = JSON.parse(readFileSync(join(__dirname, '..', '..', 'tools', 'contract', 'highlevel', file), 'utf8')) as {
			components: { schemas: Record<string, { properties: Record<string, unknown>; required: string[] }> };
		};
		const output = spec.components.schemas.CalendarDTO;
		expect(Object.keys(output.properties).sort()).toEqual([...listed, 'id'].sort());
		expect(output.required.sort()).toEqual(['id', 'locationId', 'name']);
	}
	expect(readme).toContain('A calendar is output as HighLevel answers it: always `id`, `locationId` and `name`');
});
