/**
 * The order in which the sandbox decides an answer: IAM (401) → rate limit (429) → injected faults →
 * location access (403) → validation (400 / 422) → the operation. Rate-limit headers go on every answer.
 * The group routes take PITs, sub-account OAuth tokens and minted location tokens alike, and refuse Company tokens;
 * the OAuth and sub-account routes are routed in oauth-routes.ts and go through the same limits and faults.
 */
import { RecordedRequest } from '../contract/openapi';
import { AgencyDirectory } from './agency';
import { SandboxToken, authenticate, bearerToken, checkLocationAccess } from './auth';
import { InstallDefaults } from './oauth-authorize';
import { grantRateKey } from './oauth-iam';
import { Routed, isOAuthRoute, routeOAuthRequest } from './oauth-routes';
import { OAuthTokens } from './oauth-tokens';
import { FaultInjector } from './faults';
import { BookingStore } from './bookings';
import { ChangeEvent, OperationResult, runOperation } from './operations';
import { RateLimiter, rateKey } from './rate-limiter';
import { Answer, MESSAGES, serverError, tooManyRequests, unauthorized } from './responses';
import { LocationStore } from './store';
import { validationAnswer } from './validation';

export interface PipelineDeps {
	tokens: SandboxToken[];
	store: LocationStore;
	bookings: BookingStore;
	/** epoch ms (the sandbox's clock) */
	now: () => number;
	limiter: RateLimiter;
	faults: FaultInjector;
	directory: AgencyDirectory;
	oauth: OAuthTokens;
	installDefaults: InstallDefaults;
}

/** `events`: webhooks the change causes (sent whether or not the answer arrives) */
export type Outcome =
	| { answer: Answer; drop?: undefined; extraDelayMs: number; events?: ChangeEvent[] }
	| { drop: 'reset' | 'lostAfterStore'; extraDelayMs: number; events?: ChangeEvent[] };

function locationKey(token: SandboxToken): string {
	return rateKey(token.appId ?? `pit:${token.token}`, 'location', token.locationId);
}

function withHeaders(answer: Answer, headers: Record<string, string>): Answer {
	return { ...answer, headers: { ...headers, ...answer.headers } };
}

/** The PITs, plus the presented token when it is a live OAuth Location token; an answer for a Company token. */
function knownTokens(deps: PipelineDeps, req: RecordedRequest): SandboxToken[] | Answer {
	const issued = deps.oauth.access(bearerToken(req.headers.authorization));
	if (!issued) return deps.tokens;
	const { grant } = issued;
	if (grant.userType === 'Company') return { ...unauthorized(MESSAGES.authClassNotAllowed), headers: deps.limiter.peek(grantRateKey(grant)) };
	return [...deps.tokens, { token: issued.token, locationId: grant.locationId ?? '', scopes: grant.scopes, appId: grant.appId }];
}

/** IAM for a group route: PITs, sub-account OAuth tokens and minted location tokens; the location's bucket. */
function routeGroupRequest(deps: PipelineDeps, req: RecordedRequest, invalidJson: boolean): Routed {
	const tokens = knownTokens(deps, req);
	if (!Array.isArray(tokens)) return { answer: tokens };
	const auth = authenticate(req, tokens);
	// rejected by IAM: does not count against the limits
	if (!auth.ok) return { answer: withHeaders(auth.answer, deps.limiter.peek(auth.token && locationKey(auth.token))) };
	const run = (): OperationResult => {
		const rejection = checkLocationAccess(req, auth.token) ?? validationAnswer(req, invalidJson);
		if (rejection) return { answer: rejection, mutated: false };
		const { store, bookings, now, directory } = deps;
		return runOperation(auth.operation, req, { store, bookings, now, timeZoneOf: (id) => directory.timeZoneOf(id) }, auth.token);
	};
	return { key: locationKey(auth.token), run };
}

export function handleRequest(deps: PipelineDeps, req: RecordedRequest, invalidJson: boolean): Outcome {
	const routed = isOAuthRoute(req.path) ? routeOAuthRequest(deps, req, invalidJson) : routeGroupRequest(deps, req, invalidJson);
	if ('answer' in routed) return { answer: routed.answer, extraDelayMs: 0 };
	const { key } = routed;
	const limit = deps.limiter.consume(key);
	if (limit.exceeded) {
		const message = limit.exceeded === 'daily' ? MESSAGES.dailyLimit : MESSAGES.tooManyRequests;
		return { answer: withHeaders(tooManyRequests(message), limit.headers), extraDelayMs: 0 };
	}

	const fault = deps.faults.next();
	const extraDelayMs = fault.extraDelayMs;
	if (fault.kind === 'reset') return { drop: 'reset', extraDelayMs };
	if (fault.kind === 'error5xx') return { answer: withHeaders(serverError(fault.status), limit.headers), extraDelayMs };
	if (fault.kind === 'rateLimited') {
		return { answer: withHeaders(tooManyRequests(MESSAGES.tooManyRequests), deps.limiter.exhausted(key)), extraDelayMs };
	}

	const result = routed.run();
	const { events } = result;
	if (fault.kind === 'lostAfterStore' && result.mutated) return { drop: 'lostAfterStore', extraDelayMs, events };
	return { answer: withHeaders(result.answer, limit.headers), extraDelayMs, events };
}
