/** The node's hand-written schema tables (Rule) and the official schemas, in one comparable form (contract tests). */
import type { Rule } from '../../nodes/HighLevelCalendars/api/calendars/calendarSchema';
import type { ApiVersion } from '../../tools/contract/openapi';
import { findOperation } from '../../tools/contract/specs';

export type Json = Record<string, unknown>;

/** The component schemas of the spec file of a Version (the one that holds `operationId`). */
export function componentSchemas(version: ApiVersion, operationId = 'create-calendar'): Json {
	const document = findOperation(operationId, version)!.document;
	return (document.app.components as Json).schemas as Json;
}

/** The spec's schema with refs resolved and only what a check can test: type, enum, bounds, items, properties, required, readOnly. */
export function normalize(schema: Json, schemas: Json): unknown {
	if (typeof schema.$ref === 'string') return normalize(schemas[schema.$ref.replace('#/components/schemas/', '')] as Json, schemas);
	if (Array.isArray(schema.allOf) && schema.allOf.length === 1) return normalize(schema.allOf[0] as Json, schemas);
	const out: Json = { type: schema.type };
	for (const key of ['enum', 'minimum', 'maximum', 'maxItems', 'readOnly']) if (schema[key] !== undefined) out[key] = schema[key];
	if (schema.items) out.items = normalize(schema.items as Json, schemas);
	if (schema.properties) {
		out.properties = Object.fromEntries(Object.entries(schema.properties as Json).map(([k, v]) => [k, normalize(v as Json, schemas)]));
		out.required = [...((schema.required as string[] | undefined) ?? [])].sort();
	}
	return out;
}

export function fromRule(rule: Rule): unknown {
	if (rule.type === 'array') return Object.fromEntries(Object.entries({ type: 'array', maxItems: rule.maxItems, items: fromRule(rule.items) }).filter(([, v]) => v !== undefined));
	if (rule.type === 'object') {
		const properties = Object.fromEntries(Object.entries(rule.properties).map(([k, v]) => [k, fromRule(v)]));
		return { type: 'object', properties, required: [...rule.required].sort() };
	}
	return Object.fromEntries(Object.entries(rule).filter(([, v]) => v !== undefined));
}
