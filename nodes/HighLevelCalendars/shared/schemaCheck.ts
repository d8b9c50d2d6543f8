import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A documented property's shape, as HighLevel's OpenAPI files write it (CalendarCreateDTO, AppointmentCreateSchema, …). */
export type Rule =
	| { type: 'string'; enum?: readonly string[]; readOnly?: true; maxLength?: number; pattern?: string }
	| { type: 'number'; enum?: readonly number[]; minimum?: number; maximum?: number }
	| { type: 'boolean' }
	| { type: 'array'; items: Rule; maxItems?: number }
	| { type: 'object'; properties: Record<string, Rule>; required: readonly string[] };

export const text: Rule = { type: 'string' };
export const number: Rule = { type: 'number' };
export const flag: Rule = { type: 'boolean' };
export const oneOf = (...values: string[]): Rule => ({ type: 'string', enum: values });
export const listOf = (items: Rule): Rule => ({ type: 'array', items });
export const shape = (properties: Record<string, Rule>, required: readonly string[] = []): Rule => ({
	type: 'object',
	properties,
	required,
});

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const listed = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

function scalarProblem(rule: Rule, value: unknown): string | undefined {
	if (rule.type === 'string') {
		if (typeof value !== 'string') return 'must be text';
		if (rule.readOnly) return 'is read-only (deprecated) in HighLevel\'s API: use locationConfigurations instead';
		if (rule.enum && !rule.enum.includes(value)) return `must be one of ${listed(rule.enum)}`;
		if (rule.maxLength !== undefined && value.length > rule.maxLength) return `must be at most ${rule.maxLength} characters long`;
		if (rule.pattern !== undefined && !new RegExp(rule.pattern).test(value)) return `"${value}" is not in the form HighLevel takes (${rule.pattern})`;
	}
	if (rule.type === 'number') {
		if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
		if (rule.enum && !rule.enum.includes(value)) return `must be one of ${listed(rule.enum)}`;
		if (rule.minimum !== undefined && value < rule.minimum) return `must be at least ${rule.minimum}`;
		if (rule.maximum !== undefined && value > rule.maximum) return `must be at most ${rule.maximum}`;
	}
	if (rule.type === 'boolean' && typeof value !== 'boolean') return 'must be true or false';
	return undefined;
}

export interface ShapeProblem {
	/** e.g. teamMembers[0].priority */
	field: string;
	problem: string;
}

/**
 * The first way `value` breaks the documented shape, or undefined. Objects take only their documented properties
 * (HighLevel answers others with 422); read-only properties are not sent.
 */
export function shapeProblem(rule: Rule, value: unknown, path: string): ShapeProblem | undefined {
	if (rule.type === 'array') {
		if (!Array.isArray(value)) return { field: path, problem: 'must be a list' };
		if (rule.maxItems !== undefined && value.length > rule.maxItems) return { field: path, problem: `must have at most ${rule.maxItems} entries` };
		for (const [index, item] of value.entries()) {
			const problem = shapeProblem(rule.items, item, `${path}[${index}]`);
			if (problem) return problem;
		}
		return undefined;
	}
	if (rule.type === 'object') {
		if (!isPlainObject(value)) return { field: path || 'body', problem: 'must be an object' };
		const at = (key: string) => (path ? `${path}.${key}` : key);
		for (const [key, item] of Object.entries(value)) {
			if (item === undefined) continue;
			const property = rule.properties[key];
			if (!property) return { field: at(key), problem: 'is not a property HighLevel documents here' };
			const problem = shapeProblem(property, item, at(key));
			if (problem) return problem;
		}
		const missing = rule.required.find((key) => value[key] === undefined);
		return missing === undefined ? undefined : { field: at(missing), problem: 'is required' };
	}
	const problem = scalarProblem(rule, value);
	return problem === undefined ? undefined : { field: path, problem };
}

/**
 * The body when the documented schema takes it, else the error naming the property and the item
 * (`what`: "Blocked slot", "Note"), before anything is sent.
 */
export function checkBody(node: INode, what: string, rule: Rule, body: IDataObject, itemIndex: number): IDataObject {
	const found = shapeProblem(rule, body, '');
	if (!found) return body;
	throw new NodeOperationError(node, `${what} field "${found.field}" in item ${itemIndex} ${found.problem}`, {
		itemIndex,
		description: `Correct the value to what HighLevel documents for ${what.toLowerCase()}s (see the README)`,
	});
}
