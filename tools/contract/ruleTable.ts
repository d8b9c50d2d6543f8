/**
 * The node's hand-written body rules (nodes/HighLevelCalendars/shared/schemaCheck.ts) and the official schemas in one
 * comparable form, so that a test can hold a rule table to the spec it copies.
 */
import type { Rule } from '../../nodes/HighLevelCalendars/shared/schemaCheck';
import type { RecordedRequest } from './openapi';
import type { ApiVersion } from './specs';
import { DOCUMENTS } from './specs';

export type Json = Record<string, unknown>;

/** The component schemas of the calendars file of that Version. */
export function componentSchemas(version: ApiVersion): Json {
	const document = DOCUMENTS.find((candidate) => candidate.name.startsWith('calendars') && candidate.version === version)!;
	return (document.app.components as Json).schemas as Json;
}

/** The spec's schema with refs resolved and only what a check can test: type, enum, bounds, maxLength, pattern, items and their most, properties, required, readOnly. */
export function normalize(schema: Json, schemas: Json): unknown {
	if (typeof schema.$ref === 'string') return normalize(schemas[schema.$ref.replace('#/components/schemas/', '')] as Json, schemas);
	if (Array.isArray(schema.allOf) && schema.allOf.length === 1) return normalize(schema.allOf[0] as Json, schemas);
	const out: Json = { type: schema.type };
	for (const key of ['enum', 'minimum', 'maximum', 'maxLength', 'maxItems', 'readOnly', 'pattern']) if (schema[key] !== undefined) out[key] = schema[key];
	if (schema.items) out.items = normalize(schema.items as Json, schemas);
	if (schema.properties) {
		out.properties = Object.fromEntries(Object.entries(schema.properties as Json).map(([k, v]) => [k, normalize(v as Json, schemas)]));
		out.required = [...((schema.required as string[] | undefined) ?? [])].sort();
	}
	return out;
}

/** A rule in the form `normalize` gives. */
export function fromRule(rule: Rule): unknown {
	if (rule.type === 'array') return { type: 'array', ...(rule.maxItems === undefined ? {} : { maxItems: rule.maxItems }), items: fromRule(rule.items) };
	if (rule.type === 'object') {
		const properties = Object.fromEntries(Object.entries(rule.properties).map(([k, v]) => [k, fromRule(v)]));
		return { type: 'object', properties, required: [...rule.required].sort() };
	}
	return Object.fromEntries(Object.entries(rule).filter(([, v]) => v !== undefined));
}

/** A JSON request with a token and the Version header, for validateRequest to hold a body to the spec. */
export function jsonRequest(method: string, path: string, version: ApiVersion, body: Json): RecordedRequest {
	return { method, path, query: {}, headers: { authorization: 'Bearer pit-abc', version, 'content-type': 'application/json' }, body };
}
