/**
 * The contract: requests and responses checked against the official OpenAPI files in tools/contract/highlevel/
 * (see SOURCE.md there): the six calendar-group operations, HighLevel's OAuth routes and /locations/search.
 * specs.ts says which file holds which route, schemas.ts turns their schemas into Ajv validators.
 *
 * Request bodies (JSON or form-encoded) are validated as if every object schema had `additionalProperties: false`
 * (HighLevel answers undocumented fields with 422). Responses follow the spec as written (extra properties allowed).
 */
import { ErrorObject, ValidateFunction } from 'ajv';
import { compileInline, compileSchema, hasCommonSchema, toJsonSchema } from './schemas';
import {
	ContractVersion,
	DOCUMENTS,
	Json,
	MatchedOperation,
	SpecContent,
	SpecDocument,
	SpecOperation,
	SpecParameter,
	acceptedVersions,
	findOperation,
	routeRequest,
	versionEnum,
} from './specs';

export { API_VERSIONS, matchOperation, routeRequest } from './specs';
export type { ApiVersion, ContractVersion, MatchedOperation } from './specs';

export interface RecordedRequest {
	method: string;
	/** pathname only, as sent, still percent-encoded */
	path: string;
	query: Record<string, string>;
	/** lower-case names */
	headers: Record<string, string>;
	/** parsed JSON, the fields of a form-encoded body (or its raw text), or undefined */
	body?: unknown;
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
	| 'body-conflict'
	| 'content-type';

export interface RequestIssue {
	kind: RequestIssueKind;
	message: string;
	/** dotted property path for query / body issues; the accepted media types for content-type issues */
	field?: string;
}

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

// ---------------------------------------------------------------------------------------------------------------
// Requests

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
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

/** A query value as its schema types it ("true" is a boolean where the spec says boolean; an array's items comma-separated or repeated). */
function queryValue(value: string, param: SpecParameter): unknown {
	const type = param.schema?.type;
	if (type === 'array') return value.split(',');
	if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
	if ((type === 'number' || type === 'integer') && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
	return value;
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
		} else if (param.schema && !compileInline(`query:${JSON.stringify(param.schema)}`, toJsonSchema(param.schema, 'request') as Json)(queryValue(value, param))) {
			issues.push({ kind: 'query-invalid', field: param.name, message: `query parameter "${param.name}" does not match its schema` });
		}
	}
	return issues;
}

function mediaType(headers: Record<string, string>): string {
	return (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/** A form-encoded body as its fields (as the sandbox parses it), whether recorded parsed or as text. */
function formFields(body: unknown): unknown {
	return typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : body;
}

function checkBody(op: SpecOperation, document: SpecDocument, req: RecordedRequest, headers: Record<string, string>): RequestIssue[] {
	if (req.body === undefined) {
		return op.requestBody?.required ? [{ kind: 'body-missing', message: 'request body is required' }] : [];
	}
	if (!op.requestBody) return [{ kind: 'body-not-allowed', message: `${op.operationId} takes no request body` }];
	const content: SpecContent = op.requestBody.content ?? {};
	const accepted = Object.keys(content);
	const type = mediaType(headers);
	const issues: RequestIssue[] = [];
	if (!accepted.includes(type)) {
		issues.push({ kind: 'content-type', field: accepted.join(' or '), message: `content-type must be ${accepted.join(' or ')} when a body is sent (got "${headers['content-type'] ?? ''}")` });
	}
	const schema = (content[type] ?? content[accepted[0]])?.schema;
	if (schema) {
		const validate = compileSchema(schema, document, 'request', `body:${op.operationId}`);
		if (!validate(type === FORM_CONTENT_TYPE ? formFields(req.body) : req.body)) issues.push(...(validate.errors ?? []).map(bodyIssue));
	}
	return issues;
}

/**
 * Block slots: the spec's `required` names calendarId while both fields say "Either calendarId or assignedUserId can
 * be set, not both." (and HighLevel's docs issue #23 reports user blocks with assignedUserId alone): one of the two.
 */
const CALENDAR_OR_USER_BODIES = ['create-block-slot', 'edit-block-slot'];

function calendarOrUser(operationId: string, body: unknown, issues: RequestIssue[]): RequestIssue[] {
	if (!CALENDAR_OR_USER_BODIES.includes(operationId) || !body || typeof body !== 'object') return issues;
	const { calendarId, assignedUserId } = body as Json;
	if (calendarId !== undefined && assignedUserId !== undefined) {
		return [...issues, { kind: 'body-conflict', field: 'assignedUserId', message: 'Either calendarId or assignedUserId can be set, not both.' }];
	}
	if (assignedUserId === undefined) return issues;
	return issues.filter((i) => !(i.kind === 'body-missing-property' && i.field === 'calendarId'));
}

/** Structured form of `validateRequest` (the sandbox maps these to HighLevel's 400/422 answers). */
export function checkRequest(req: RecordedRequest): { operation?: MatchedOperation; issues: RequestIssue[] } {
	const headers = lowerCaseKeys(req.headers);
	const headerVersion = headers.version;
	const operation = routeRequest(req.method, req.path, headerVersion);
	if (!operation) {
		return { issues: [{ kind: 'route', message: `unknown route: ${req.method.toUpperCase()} ${req.path} is not one of the contract's operations` }] };
	}
	const entry = findOperation(operation.operationId, operation.version)!;
	const issues: RequestIssue[] = [];

	if (entry.spec.security && !/^Bearer \S+$/.test(headers.authorization ?? '')) {
		issues.push({ kind: 'auth', message: 'Authorization header must be "Bearer <token>"' });
	}
	const allowed = versionEnum(entry.spec);
	const expected = acceptedVersions(req.method, req.path).join(', ');
	if (allowed && headerVersion === undefined) {
		issues.push({ kind: 'version', message: `Version header is missing (expected one of ${expected})` });
	} else if (allowed && !allowed.includes(headerVersion)) {
		issues.push({ kind: 'version', message: `Version header "${headerVersion}" is not one of ${expected}` });
	}
	issues.push(...checkQuery(entry.spec, req.query), ...calendarOrUser(operation.operationId, req.body, checkBody(entry.spec, entry.document, req, headers)));
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

/** The common schema for an undocumented status: the spec file's own common file first, then the others'. */
function undocumentedStatusValidator(document: SpecDocument, status: number): ValidateFunction | undefined {
	const name = UNDOCUMENTED_ERROR_SCHEMAS[String(status)];
	if (name) {
		const owner = [document, ...DOCUMENTS].find((d) => hasCommonSchema(d, name));
		if (owner) return compileSchema({ $ref: `../common/common-schemas.json#/components/schemas/${name}` }, owner, 'response', name);
	}
	if (status === 429 || (status >= 500 && status <= 599)) return compileInline('generic-error', GENERIC_ERROR_SCHEMA);
	return undefined;
}

function responseIssue(error: ErrorObject): string {
	const at = joinPath('', error.instancePath);
	return `body${at ? `.${at}` : ''}: ${error.message ?? error.keyword}`;
}

/** Checks a response status and body against the spec for that operation and version. */
export function validateResponse(op: { operationId: string; version: ContractVersion }, status: number, body: unknown): string[] {
	const entry = findOperation(op.operationId, op.version);
	if (!entry) return [`unknown operation ${op.operationId} for Version ${op.version}`];
	const documented = entry.spec.responses[String(status)];
	let validate: ValidateFunction | undefined;
	if (documented) {
		const schema = documented.content?.['application/json']?.schema;
		if (!schema) return [];
		validate = compileSchema(schema, entry.document, 'response', `${op.operationId}:${status}`);
	} else {
		validate = undocumentedStatusValidator(entry.document, status);
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

/** The scopes the spec's security block asks for, with the kind of token each scheme names (e.g. Agency-Access-Only). */
export function securityOf(operationId: string): Array<{ scheme: string; scopes: string[] }> {
	const op = findOperation(operationId);
	return (op?.spec.security ?? []).flatMap((s) => Object.entries(s).map(([scheme, scopes]) => ({ scheme, scopes })));
}

/** The OAuth / PIT scope the spec's security block asks for, e.g. 'calendars/groups.write'. */
export function requiredScope(operationId: string): string {
	const scope = securityOf(operationId).flatMap((s) => s.scopes)[0];
	if (!scope) throw new Error(`no scope documented for operation "${operationId}"`);
	return scope;
}
