/** The IAM side: bearer tokens, routes, scopes, Version header, and which location a token may touch. */
import { API_VERSIONS, ApiVersion, MatchedOperation, RecordedRequest, matchOperation, requiredScope } from '../contract/openapi';
import { acceptedVersions } from '../contract/specs';
import { fakeToken } from '../fakeToken';
import { LOCATION_SCOPES, READ_SCOPES } from './agency';
import { Answer, MESSAGES, forbidden, unauthorized } from './responses';

export interface SandboxToken {
	token: string;
	locationId: string;
	scopes: string[];
	/** the marketplace app of an OAuth token (rate limits count per app); PITs have none */
	appId?: string;
}


/** Fake sandbox tokens, made when the process starts (printing them is fine; they work only here). */
export const DEFAULT_TOKENS: SandboxToken[] = [
	{ token: fakeToken('sandbox-demo'), locationId: 'sandboxLocation0001', scopes: LOCATION_SCOPES },
	{ token: fakeToken('sandbox-readonly'), locationId: 'sandboxLocation0001', scopes: READ_SCOPES },
	{ token: fakeToken('sandbox-other'), locationId: 'sandboxLocation0002', scopes: LOCATION_SCOPES },
];

export type AuthResult =
	| { ok: true; token: SandboxToken; operation: MatchedOperation }
	| { ok: false; answer: Answer; token?: SandboxToken };

/** The bearer token of an Authorization header, if it has the `Bearer <token>` form. */
export function bearerToken(authorization: string | undefined): string | undefined {
	return /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
}

/** Checks, in HighLevel's order: token, route, scope, Version header. */
export function authenticate(req: RecordedRequest, tokens: SandboxToken[]): AuthResult {
	const presented = bearerToken(req.headers.authorization);
	const token = tokens.find((t) => t.token === presented);
	if (!token) return { ok: false, answer: unauthorized(MESSAGES.invalidToken) };

	// both spec files define the routes they share identically; a route of the v3 file only (the event-calendar
	// schedule, the v3 services) is found there
	const operation = matchOperation(req.method, req.path, API_VERSIONS[0]) ?? matchOperation(req.method, req.path, 'v3');
	if (!operation) return { ok: false, token, answer: unauthorized(MESSAGES.routeNotSupported) };
	if (!token.scopes.includes(requiredScope(operation.operationId))) {
		return { ok: false, token, answer: unauthorized(MESSAGES.scopeNotAuthorized) };
	}
	const version = req.headers.version;
	if (version === undefined) return { ok: false, token, answer: unauthorized(MESSAGES.versionMissing) };
	// UNVERIFIED: HighLevel's answer to a Version its route's enum lacks (2021-04-15 on a v3-only route) is taken to be its answer to an unknown Version
	if (!API_VERSIONS.includes(version as ApiVersion) || !acceptedVersions(req.method, req.path).includes(version)) {
		return { ok: false, token, answer: unauthorized(MESSAGES.versionInvalid) };
	}
	return { ok: true, token, operation: { ...operation, version: version as ApiVersion } };
}

/** 403 when the query or body names a location other than the token's. */
export function checkLocationAccess(req: RecordedRequest, token: SandboxToken): Answer | undefined {
	const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
	const named = [req.query.locationId, body.locationId].filter((id): id is string => typeof id === 'string');
	return named.some((id) => id !== token.locationId) ? forbidden(MESSAGES.locationForbidden) : undefined;
}
