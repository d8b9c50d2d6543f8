/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * Contract for the six HighLevel calendar-group operations, read from the official OpenAPI files in
 * tools/contract/highlevel/ (see SOURCE.md there). Requests and responses are validated with Ajv.
 *
 * Request bodies are validated as if every object schema had `additionalProperties: false` (HighLevel answers
 * undocumented fields with 422). Responses follow the spec as written (extra properties allowed).
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';

export type ApiVersion = '2021-04-15' | 'v3';

export interface RecordedRequest {
	method: string;
	/** pathname only, as sent, still percent-encoded */
	path: string;
	query: Record<string, string>;
	/** lower-case names */
	headers: Record<string, string>;
	/** parsed JSON or undefined */
	body?: unknown;
}

export interface MatchedOperation {
	operationId: string;
	pathTemplate: string;
	method: string;
	/** decoded */
	pathParams: Record<string, string>;
	version: ApiVersion;
}

/** One problem found by `checkRequest`; `validateRequest` reports only the messages. */
export type RequestIssueKind =
	| 'route'
	| 'auth'
	| 'version'
	| 'query-unknown'
	| 'query-missing'
	| 'query-invalid'
	| 'body-missing'
	| 'body-not-allowed'
	| 'body-unknown-property'
	| 'body-missing-property'
	| 'body-invalid'
	| 'content-type';

export interface RequestIssue {
	kind: RequestIssueKind;
	message: string;
	/** dotted property path for query / body issues */
	field?: string;
}

export const API_VERSIONS: readonly ApiVersion[] = ['2021-04-15', 'v3'];

// ---------------------------------------------------------------------------------------------------------------
// Loading the spec files

type Json = Record<string, unknown>;

interface SpecParameter {
	name: string;
	in: string;
	required?: boolean;
	schema?: Json;
}

interface SpecOperation {
	operationId: string;
	parameters?: SpecParameter[];
	requestBody?: { required?: boolean; content?: Record<string, { schema?: Json }> };
	responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
	security?: Array<Record<string, string[]>>;
}

interface OperationEntry {
	operationId: string;
	pathTemplate: string;
	method: string;
	version: ApiVersion;
	spec: SpecOperation;
}

const FIXTURES = path.join(__dirname, 'highlevel');
const GROUP_PATH_PREFIX = '/calendars/groups';
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const FILES: Record<ApiVersion, { app: string; common: string }> = {
	'2021-04-15': { app: 'calendars.openapi.json', common: 'common-schemas.json' },
	v3: { app: 'calendars-v3.openapi.json', common: 'common-schemas-v3.json' },
};

function readJson(file: string): Json {
	return JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')) as Json;
}

const documents: Record<ApiVersion, { app: Json; common: Json }> = {
	'2021-04-15': { app: readJson(FILES['2021-04-15'].app), common: readJson(FILES['2021-04-15'].common) },
	v3: { app: readJson(FILES.v3.app), common: readJson(FILES.v3.common) },
};

function loadOperations(version: ApiVersion): OperationEntry[] {
	const paths = documents[version].app.paths as Record<string, Record<string, SpecOperation>>;
	const entries: OperationEntry[] = [];
	for (const [pathTemplate, item] of Object.entries(paths)) {
		if (pathTemplate !== GROUP_PATH_PREFIX && !pathTemplate.startsWith(`${GROUP_PATH_PREFIX}/`)) continue;
		for (const method of HTTP_METHODS) {
			const spec = item[method];
			if (spec) entries.push({ operationId: spec.operationId, pathTemplate, method: method.toUpperCase(), version, spec });
		}
	}
	// literal segments win over parameters (validate-slug before {groupId})
	return entries.sort((a, b) => paramCount(a.pathTemplate) - paramCount(b.pathTemplate));
}

function paramCount(template: string): number {
	return (template.match(/\{/g) ?? []).length;
}

const operations: Record<ApiVersion, OperationEntry[]> = {
	'2021-04-15': loadOperations('2021-04-15'),
	v3: loadOperations('v3'),
};

function findOperation(operationId: string, version: ApiVersion): OperationEntry | undefined {
	return operations[version]?.find((op) => op.operationId === operationId);
}

// ---------------------------------------------------------------------------------------------------------------
// Ajv: each spec's components and its common file are registered under URLs that keep the upstream layout
// (apps/… next to common/…), so the spec's own `../common/common-schemas.json#/…` refs resolve unchanged.

type SchemaMode = 'request' | 'response';
const SCHEMA_BASE = 'https://highlevel-contract.invalid';

function documentUrl(version: ApiVersion, mode: SchemaMode, doc: 'app' | 'common'): string {
	const file = doc === 'app' ? 'apps/calendars.json' : 'common/common-schemas.json';
	return `${SCHEMA_BASE}/${version}/${mode}/${file}`;
}

const OPENAPI_ONLY_KEYWORDS = ['example', 'examples', 'xml', 'externalDocs', 'discriminator'];
const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'];
const SCHEMA_SINGLES = ['items', 'not', 'additionalProperties'];

/** Copies an OpenAPI schema into a JSON-Schema one: drops OpenAPI-only keywords and, for requests, closes objects. */
function toJsonSchema(schema: unknown, mode: SchemaMode): unknown {
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
for (const version of API_VERSIONS) {
	for (const mode of ['request', 'response'] as SchemaMode[]) {
		ajv.addSchema(toJsonSchemaDocument(documents[version].app, documentUrl(version, mode, 'app'), mode));
		ajv.addSchema(toJsonSchemaDocument(documents[version].common, documentUrl(version, mode, 'common'), mode));
	}
}

const validators = new Map<string, ValidateFunction>();

function compileRef(ref: string, version: ApiVersion, mode: SchemaMode): ValidateFunction {
	const absolute = new URL(ref, documentUrl(version, mode, 'app')).href;
	let validate = validators.get(absolute);
	if (!validate) {
		validate = ajv.compile({ $ref: absolute });
		validators.set(absolute, validate);
	}
	return validate;
}

function compileInline(key: string, schema: Json): ValidateFunction {
	let validate = validators.get(key);
	if (!validate) {
		validate = ajv.compile(schema);
		validators.set(key, validate);
	}
	return validate;
}

function jsonSchemaOf(content: Record<string, { schema?: Json }> | undefined): Json | undefined {
	return content?.['application/json']?.schema;
}

// ---------------------------------------------------------------------------------------------------------------
// Routing

/** RFC 3986 pchar: unreserved / sub-delims / ":" / "@" / pct-encoded. */
const RAW_SEGMENT = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})+$/;

function decodeSegment(raw: string): string | undefined {
	if (!RAW_SEGMENT.test(raw)) return undefined;
	try {
		const decoded = decodeURIComponent(raw);
		return decoded === '' || decoded === '.' || decoded === '..' ? undefined : decoded;
	} catch {
		return undefined;
	}
}

function matchTemplate(template: string, pathname: string): Record<string, string> | undefined {
	const want = template.split('/');
	const got = pathname.split('/');
	if (want.length !== got.length) return undefined;
	const params: Record<string, string> = {};
	for (let i = 0; i < want.length; i++) {
		const name = /^\{(.+)\}$/.exec(want[i])?.[1];
		if (name === undefined) {
			if (want[i] !== got[i]) return undefined;
			continue;
		}
		const value = decodeSegment(got[i]);
		if (value === undefined) return undefined;
		params[name] = value;
	}
	return params;
}

/** Finds which of the six group operations a method + raw (still encoded) pathname addresses. */
export function matchOperation(method: string, path: string, version: ApiVersion): MatchedOperation | undefined {
	const wanted = method.toUpperCase();
	for (const op of operations[version] ?? []) {
		if (op.method !== wanted) continue;
		const pathParams = matchTemplate(op.pathTemplate, path);
		if (pathParams) {
			return { operationId: op.operationId, pathTemplate: op.pathTemplate, method: op.method, pathParams, version };
		}
	}
	return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Requests

function versionEnum(op: SpecOperation): string[] {
	const param = op.parameters?.find((p) => p.in === 'header' && p.name.toLowerCase() === 'version');
	return ((param?.schema?.enum as string[] | undefined) ?? []).map(String);
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
}

/** The API version a request's Version header selects, if it is one of the spec files'. */
function versionOf(header: string | undefined): ApiVersion | undefined {
	return API_VERSIONS.find((v) => v === header);
}

function joinPath(prefix: string, instancePath: string): string {
	return [prefix, ...instancePath.split('/').filter(Boolean)].filter(Boolean).join('.');
}

function bodyIssue(error: ErrorObject): RequestIssue {
	const at = joinPath('', error.instancePath);
	const label = at ? `body.${at}` : 'body';
	const params = error.params as Record<string, unknown>;
	if (error.keyword === 'additionalProperties') {
		const field = joinPath(at, String(params.additionalProperty));
		return { kind: 'body-unknown-property', field, message: `${label}: undocumented property "${field}" is not allowed` };
	}
	if (error.keyword === 'required') {
		const field = joinPath(at, String(params.missingProperty));
		return { kind: 'body-missing-property', field, message: `${label}: missing required property "${field}"` };
	}
	const type = error.keyword === 'type' ? String(params.type) : undefined;
	return {
		kind: 'body-invalid',
		field: at || undefined,
		message: type ? `${label}: must be ${type}` : `${label}: ${error.message ?? error.keyword}`,
	};
}

function checkQuery(op: SpecOperation, query: Record<string, string>): RequestIssue[] {
	const documented = (op.parameters ?? []).filter((p) => p.in === 'query');
	const issues: RequestIssue[] = [];
	for (const name of Object.keys(query ?? {})) {
		if (!documented.some((p) => p.name === name)) {
			issues.push({ kind: 'query-unknown', field: name, message: `query parameter "${name}" is not documented` });
		}
	}
	for (const param of documented) {
		const value = query?.[param.name];
		if (value === undefined) {
			if (param.required) issues.push({ kind: 'query-missing', field: param.name, message: `missing required query parameter "${param.name}"` });
		} else if (param.schema && !compileInline(`query:${JSON.stringify(param.schema)}`, toJsonSchema(param.schema, 'request') as Json)(value)) {
			issues.push({ kind: 'query-invalid', field: param.name, message: `query parameter "${param.name}" does not match its schema` });
		}
	}
	return issues;
}

function checkBody(op: SpecOperation, version: ApiVersion, req: RecordedRequest, headers: Record<string, string>): RequestIssue[] {
	const schema = jsonSchemaOf(op.requestBody?.content);
	if (req.body === undefined) {
		return op.requestBody?.required ? [{ kind: 'body-missing', message: 'request body is required' }] : [];
	}
	if (!op.requestBody) return [{ kind: 'body-not-allowed', message: `${op.operationId} takes no request body` }];
	const issues: RequestIssue[] = [];
	const contentType = (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
	if (contentType !== 'application/json') {
		issues.push({ kind: 'content-type', message: `content-type must be application/json when a body is sent (got "${headers['content-type'] ?? ''}")` });
	}
	if (schema) {
		const validate = typeof schema.$ref === 'string' ? compileRef(schema.$ref, version, 'request') : compileInline(`body:${op.operationId}`, toJsonSchema(schema, 'request') as Json);
		if (!validate(req.body)) issues.push(...(validate.errors ?? []).map(bodyIssue));
	}
	return issues;
}

/** Structured form of `validateRequest` (the sandbox maps these to HighLevel's 400/422 answers). */
export function checkRequest(req: RecordedRequest): { operation?: MatchedOperation; issues: RequestIssue[] } {
	const headers = lowerCaseKeys(req.headers);
	const headerVersion = headers.version;
	const version = versionOf(headerVersion) ?? API_VERSIONS[0];
	const operation = matchOperation(req.method, req.path, version);
	if (!operation) {
		return { issues: [{ kind: 'route', message: `unknown route: ${req.method.toUpperCase()} ${req.path} is not one of the calendar-group operations` }] };
	}
	const spec = findOperation(operation.operationId, version)!.spec;
	const issues: RequestIssue[] = [];

	if (!/^Bearer \S+$/.test(headers.authorization ?? '')) {
		issues.push({ kind: 'auth', message: 'Authorization header must be "Bearer <token>"' });
	}
	const allowed = versionEnum(spec);
	if (headerVersion === undefined) {
		issues.push({ kind: 'version', message: `Version header is missing (expected one of ${API_VERSIONS.join(', ')})` });
	} else if (!allowed.includes(headerVersion)) {
		issues.push({ kind: 'version', message: `Version header "${headerVersion}" is not one of ${API_VERSIONS.join(', ')}` });
	}
	issues.push(...checkQuery(spec, req.query), ...checkBody(spec, version, req, headers));
	return { operation, issues };
}

/** Checks a request against the contract; `errors` is empty when it is valid. */
export function validateRequest(req: RecordedRequest): { operation?: MatchedOperation; errors: string[] } {
	const { operation, issues } = checkRequest(req);
	return { operation, errors: issues.map((i) => i.message) };
}

// ---------------------------------------------------------------------------------------------------------------
// Responses

/** Statuses the spec does not list for these operations but HighLevel does send, with their common schema. */
const UNDOCUMENTED_ERROR_SCHEMAS: Record<string, string> = {
	'403': 'ForbiddenDTO',
	'404': 'NotFoundDTO',
	'422': 'UnprocessableDTO',
};

const GENERIC_ERROR_SCHEMA: Json = {
	type: 'object',
	required: ['message'],
	properties: {
		statusCode: { type: 'number' },
		message: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
		error: { type: 'string' },
	},
};

function hasCommonSchema(version: ApiVersion, name: string): boolean {
	const schemas = ((documents[version].common.components ?? {}) as Json).schemas as Json | undefined;
	return Boolean(schemas && name in schemas);
}

/** The common schema for an undocumented status: the version's own common file first, then the v3 one. */
function undocumentedStatusValidator(version: ApiVersion, status: number): ValidateFunction | undefined {
	const name = UNDOCUMENTED_ERROR_SCHEMAS[String(status)];
	if (name) {
		const owner = [version, ...API_VERSIONS].find((v) => hasCommonSchema(v, name));
		if (owner) return compileRef(`../common/common-schemas.json#/components/schemas/${name}`, owner, 'response');
	}
	if (status === 429 || (status >= 500 && status <= 599)) return compileInline('generic-error', GENERIC_ERROR_SCHEMA);
	return undefined;
}

function responseIssue(error: ErrorObject): string {
	const at = joinPath('', error.instancePath);
	return `body${at ? `.${at}` : ''}: ${error.message ?? error.keyword}`;
}

/** Checks a response status and body against the spec for that operation and version. */
export function validateResponse(op: Pick<MatchedOperation, 'operationId' | 'version'>, status: number, body: unknown): string[] {
	const entry = findOperation(op.operationId, op.version);
	if (!entry) return [`unknown operation ${op.operationId} for Version ${op.version}`];
	const documented = entry.spec.responses[String(status)];
	let validate: ValidateFunction | undefined;
	if (documented) {
		const schema = jsonSchemaOf(documented.content);
		if (!schema) return [];
		validate = typeof schema.$ref === 'string' ? compileRef(schema.$ref, op.version, 'response') : compileInline(`response:${op.operationId}:${status}`, toJsonSchema(schema, 'response') as Json);
	} else {
		validate = undocumentedStatusValidator(op.version, status);
		if (!validate) {
			const listed = Object.keys(entry.spec.responses).join(', ');
			return [`status ${status} is not documented for ${op.operationId} (documented: ${listed}; also allowed: 403, 404, 422, 429, 5xx)`];
		}
	}
	if (body === undefined) return [`status ${status}: response body is missing`];
	return validate(body) ? [] : (validate.errors ?? []).map(responseIssue);
}

// ---------------------------------------------------------------------------------------------------------------
// Scopes

/** The OAuth / PIT scope the spec's security block asks for, e.g. 'calendars/groups.write'. */
export function requiredScope(operationId: string): string {
	const op = findOperation(operationId, API_VERSIONS[0]) ?? findOperation(operationId, 'v3');
	const scope = op?.spec.security?.flatMap((s) => Object.values(s).flat())[0];
	if (!scope) throw new Error(`no scope documented for operation "${operationId}"`);
	return scope;
}
