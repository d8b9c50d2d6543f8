/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * The official OpenAPI files the contract covers (tools/contract/highlevel/, see SOURCE.md there), the routes taken
 * from each, and routing a request to one of their operations.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The calendar and calendar-group API's Version header values. */
export type ApiVersion = '2021-04-15' | 'v3';
/** Every Version a covered spec file takes (the OAuth and locations files use 2021-07-28 and v3). */
export type ContractVersion = ApiVersion | '2021-07-28';

export const API_VERSIONS: readonly ApiVersion[] = ['2021-04-15', 'v3'];

export type Json = Record<string, unknown>;

export interface SpecParameter {
	name: string;
	in: string;
	required?: boolean;
	schema?: Json;
}

export type SpecContent = Record<string, { schema?: Json }>;

export interface SpecOperation {
	operationId: string;
	parameters?: SpecParameter[];
	requestBody?: { required?: boolean; content?: SpecContent };
	responses: Record<string, { content?: SpecContent }>;
	security?: Array<Record<string, string[]>>;
}

export interface SpecDocument {
	name: string;
	/** the spec's own file and the common-schemas file its `../common/common-schemas.json` refs mean */
	file: string;
	common: string;
	/** the Version its operations take (/oauth/token of the 2021-07-28 file takes no Version header at all) */
	version: ContractVersion;
	/** the routes of the file the contract covers */
	covers: (pathTemplate: string) => boolean;
	app: Json;
	commonSchemas: Json;
}

export interface OperationEntry {
	operationId: string;
	pathTemplate: string;
	method: string;
	version: ContractVersion;
	document: SpecDocument;
	spec: SpecOperation;
}

export interface MatchedOperation {
	operationId: string;
	pathTemplate: string;
	method: string;
	/** decoded */
	pathParams: Record<string, string>;
	version: ContractVersion;
}

const FIXTURES = path.join(__dirname, 'highlevel');
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

const CALENDAR_ROUTES = ['/calendars/', '/calendars/{calendarId}', '/calendars/{calendarId}/free-slots', '/calendars/blocked-slots'];
/** Groups; events (appointments and blocked slots); appointment notes; rooms and equipment; a calendar's notifications; availability schedules; v3 services. */
const ROUTE_FAMILIES = ['/calendars/groups', '/calendars/events', '/calendars/appointments/{appointmentId}/notes', '/calendars/resources', '/calendars/{calendarId}/notifications', '/calendars/schedules', '/calendars/services'];
const calendarRoutes = (template: string) =>
	CALENDAR_ROUTES.includes(template) || ROUTE_FAMILIES.some((family) => template === family || template.startsWith(`${family}/`));
const everyRoute = () => true;
const locationSearch = (template: string) => template === '/locations/search';

function readJson(file: string): Json {
	return JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')) as Json;
}

function load(name: string, file: string, common: string, version: ContractVersion, covers: (t: string) => boolean): SpecDocument {
	return { name, file, common, version, covers, app: readJson(file), commonSchemas: readJson(common) };
}

/** In routing order: where a route is in several files and the Version header names none of them, the first wins. */
export const DOCUMENTS: readonly SpecDocument[] = [
	load('calendars', 'calendars.openapi.json', 'common-schemas.json', '2021-04-15', calendarRoutes),
	load('calendars-v3', 'calendars-v3.openapi.json', 'common-schemas-v3.json', 'v3', calendarRoutes),
	load('oauth', 'oauth.openapi.json', 'common-schemas.json', '2021-07-28', everyRoute),
	load('oauth-v3', 'oauth-v3.openapi.json', 'common-schemas-v3.json', 'v3', everyRoute),
	load('locations', 'locations.openapi.json', 'common-schemas.json', '2021-07-28', locationSearch),
];

function paramCount(template: string): number {
	return (template.match(/\{/g) ?? []).length;
}

function loadOperations(document: SpecDocument): OperationEntry[] {
	const paths = document.app.paths as Record<string, Record<string, SpecOperation>>;
	const entries: OperationEntry[] = [];
	for (const [pathTemplate, item] of Object.entries(paths)) {
		if (!document.covers(pathTemplate)) continue;
		for (const method of HTTP_METHODS) {
			const spec = item[method];
			if (spec) entries.push({ operationId: spec.operationId, pathTemplate, method: method.toUpperCase(), version: document.version, document, spec });
		}
	}
	// literal segments win over parameters (validate-slug before {groupId})
	return entries.sort((a, b) => paramCount(a.pathTemplate) - paramCount(b.pathTemplate));
}

const OPERATIONS: readonly OperationEntry[] = DOCUMENTS.flatMap(loadOperations);

/** The operation with that id in the file of that Version (without one: in the first file that has it). */
export function findOperation(operationId: string, version?: ContractVersion): OperationEntry | undefined {
	return OPERATIONS.find((op) => op.operationId === operationId && (version === undefined || op.version === version));
}

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

/** Every covered operation a method + raw (still encoded) pathname addresses, in routing order. */
function candidates(method: string, path: string): MatchedOperation[] {
	const wanted = method.toUpperCase();
	const found: MatchedOperation[] = [];
	for (const op of OPERATIONS) {
		if (op.method !== wanted) continue;
		const pathParams = matchTemplate(op.pathTemplate, path);
		if (pathParams) found.push({ operationId: op.operationId, pathTemplate: op.pathTemplate, method: op.method, pathParams, version: op.version });
	}
	return found;
}

/** The operation of that Version a method + raw (still encoded) pathname addresses. */
export function matchOperation(method: string, path: string, version: ContractVersion): MatchedOperation | undefined {
	return candidates(method, path).find((op) => op.version === version);
}

/** The operation a request addresses: the one of its Version header's file, else the first file's. */
export function routeRequest(method: string, path: string, versionHeader: string | undefined): MatchedOperation | undefined {
	const found = candidates(method, path);
	return found.find((op) => op.version === versionHeader) ?? found[0];
}

/** The Version values the files with this route accept. */
export function acceptedVersions(method: string, path: string): string[] {
	const found = candidates(method, path).map((op) => findOperation(op.operationId, op.version)!.spec);
	return [...new Set(found.flatMap((spec) => versionEnum(spec) ?? []))];
}

/** The Version header's enum; undefined when the operation takes no Version header. */
export function versionEnum(op: SpecOperation): string[] | undefined {
	const param = op.parameters?.find((p) => p.in === 'header' && p.name.toLowerCase() === 'version');
	return param && ((param.schema?.enum as string[] | undefined) ?? []).map(String);
}
