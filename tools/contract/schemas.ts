/**
 * The spec files' schemas as Ajv validators. Each file's components and its common file are registered under URLs
 * that keep the upstream layout (apps/… next to common/…), so the spec's own `../common/common-schemas.json#/…`
 * refs resolve unchanged.
 *
 * Request schemas are closed (every object schema gets `additionalProperties: false`: HighLevel answers undocumented
 * fields with 422); response schemas follow the spec as written (extra properties allowed; dates typed `object` also as strings, see isStringTypedAsObject).
 */
import Ajv, { ValidateFunction } from 'ajv';
import { DOCUMENTS, Json, SpecDocument } from './specs';

export type SchemaMode = 'request' | 'response';

const SCHEMA_BASE = 'https://highlevel-contract.invalid';

function documentUrl(document: SpecDocument, mode: SchemaMode, part: 'app' | 'common'): string {
	const file = part === 'app' ? `apps/${document.name}.json` : 'common/common-schemas.json';
	return `${SCHEMA_BASE}/${document.name}/${mode}/${file}`;
}

const OPENAPI_ONLY_KEYWORDS = ['example', 'examples', 'xml', 'externalDocs', 'discriminator'];
const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'];
const SCHEMA_SINGLES = ['items', 'not', 'additionalProperties'];

/**
 * The calendars files type the events' and blocked slots' dates (`startTime`, `endTime`, `dateAdded`, `dateUpdated`)
 * as `object` with an ISO string as their example, and HighLevel answers ISO strings: an answer may hold either.
 */
function isStringTypedAsObject(schema: Json): boolean {
	return schema.type === 'object' && !('properties' in schema) && typeof schema.example === 'string';
}

/** Copies an OpenAPI schema into a JSON-Schema one: drops OpenAPI-only keywords and, for requests, closes objects. */
export function toJsonSchema(schema: unknown, mode: SchemaMode): unknown {
	if (Array.isArray(schema)) return schema.map((s) => toJsonSchema(s, mode));
	if (!schema || typeof schema !== 'object') return schema;
	const out: Json = {};
	for (const [key, value] of Object.entries(schema as Json)) {
		if (OPENAPI_ONLY_KEYWORDS.includes(key)) continue;
		if (SCHEMA_MAPS.includes(key) && value && typeof value === 'object') {
			out[key] = Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, toJsonSchema(v, mode)]));
		} else if (SCHEMA_LISTS.includes(key) || SCHEMA_SINGLES.includes(key)) {
			out[key] = toJsonSchema(value, mode);
		} else {
			out[key] = value;
		}
	}
	if (mode === 'response' && isStringTypedAsObject(schema as Json)) out.type = ['string', 'object'];
	const isComposed = SCHEMA_LISTS.some((k) => k in out);
	if (mode === 'request' && out.properties && !('additionalProperties' in out) && !isComposed) {
		out.additionalProperties = false;
	}
	return out;
}

function toJsonSchemaDocument(doc: Json, id: string, mode: SchemaMode): Json {
	const components = (doc.components ?? {}) as Json;
	const schemas = (components.schemas ?? {}) as Json;
	const converted = Object.fromEntries(Object.entries(schemas).map(([k, v]) => [k, toJsonSchema(v, mode)]));
	return { $id: id, components: { schemas: converted } };
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, logger: false });
for (const document of DOCUMENTS) {
	for (const mode of ['request', 'response'] as SchemaMode[]) {
		ajv.addSchema(toJsonSchemaDocument(document.app, documentUrl(document, mode, 'app'), mode));
		ajv.addSchema(toJsonSchemaDocument(document.commonSchemas, documentUrl(document, mode, 'common'), mode));
	}
}

const validators = new Map<string, ValidateFunction>();

/** A validator for a `$ref` as written in `document` (local `#/…` or `../common/…`). */
export function compileRef(ref: string, document: SpecDocument, mode: SchemaMode): ValidateFunction {
	const absolute = new URL(ref, documentUrl(document, mode, 'app')).href;
	let validate = validators.get(absolute);
	if (!validate) {
		validate = ajv.compile({ $ref: absolute });
		validators.set(absolute, validate);
	}
	return validate;
}

/** A validator for a schema written inline in a spec, cached under `key`. */
export function compileInline(key: string, schema: Json): ValidateFunction {
	let validate = validators.get(key);
	if (!validate) {
		validate = ajv.compile(schema);
		validators.set(key, validate);
	}
	return validate;
}

/** An inline schema's `$ref`s made absolute (they are written relative to the spec file, e.g. free slots' `#/components/…`). */
function absoluteRefs(schema: unknown, base: string): unknown {
	if (Array.isArray(schema)) return schema.map((s) => absoluteRefs(s, base));
	if (!schema || typeof schema !== 'object') return schema;
	return Object.fromEntries(Object.entries(schema as Json).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? new URL(v, base).href : absoluteRefs(v, base)]));
}

/** The validator of a schema as a spec writes it (a `$ref` or inline); `key` names the inline one in the cache. */
export function compileSchema(schema: Json, document: SpecDocument, mode: SchemaMode, key: string): ValidateFunction {
	if (typeof schema.$ref === 'string') return compileRef(schema.$ref, document, mode);
	return compileInline(`${document.name}:${mode}:${key}`, absoluteRefs(toJsonSchema(schema, mode), documentUrl(document, mode, 'app')) as Json);
}

/** Whether the common file of `document` defines `name`. */
export function hasCommonSchema(document: SpecDocument, name: string): boolean {
	const schemas = ((document.commonSchemas.components ?? {}) as Json).schemas as Json | undefined;
	return Boolean(schemas && name in schemas);
}
