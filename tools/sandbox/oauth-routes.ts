/**
 * Where the OAuth and sub-account routes go: the authorize page and the token endpoint take no bearer token and are
 * answered here; the agency routes pass IAM here, then the pipeline's rate limit and faults, then the contract's
 * checks (400 / 422) and their handler. Rate-limit headers go on every answer, as on the group routes.
 */
import { RecordedRequest, routeRequest } from '../contract/openapi';
import { installedLocations, mintLocationToken, searchLocations } from './agency-routes';
import { CHOOSE_LOCATION_PATH, AuthorizeDeps, authorize, token } from './oauth-authorize';
import { OAuthDeps, admit } from './oauth-iam';
import { OperationResult } from './operations';
import { Grant } from './oauth-tokens';
import { Answer, MESSAGES, unauthorized } from './responses';
import { validationAnswer } from './validation';

export type OAuthRouteDeps = OAuthDeps & AuthorizeDeps;

type AgencyHandler = (deps: OAuthDeps, req: RecordedRequest, grant: Grant, v3: boolean) => Answer;

const AGENCY_HANDLERS: Record<string, { handler: AgencyHandler; mutates: boolean }> = {
	'get-location-access-token': { handler: mintLocationToken, mutates: true },
	'get-installed-location': { handler: installedLocations, mutates: false },
	'search-locations': { handler: searchLocations, mutates: false },
};

/** An answer decided before the rate limit, or the bucket to count and the operation to run after it. */
export type Routed = { answer: Answer } | { key: string; run: () => OperationResult };

/** The paths this module answers (everything else is a group route or unknown). */
export function isOAuthRoute(path: string): boolean {
	return path.startsWith('/oauth/') || path === '/locations/search';
}

export function routeOAuthRequest(deps: OAuthRouteDeps, req: RecordedRequest, invalidJson: boolean): Routed {
	const peeked = (answer: Answer): Routed => ({ answer: { ...answer, headers: { ...deps.limiter.peek(), ...answer.headers } } });
	if (req.method === 'GET' && req.path === CHOOSE_LOCATION_PATH) return peeked(authorize(deps, req));
	const operation = routeRequest(req.method, req.path, req.headers.version);
	if (operation?.operationId === 'get-access-token') return peeked(token(deps, req, invalidJson));
	const route = operation && AGENCY_HANDLERS[operation.operationId];
	if (!operation || !route) return peeked(unauthorized(MESSAGES.routeNotSupported));

	const admission = admit(deps, req, operation);
	if (!admission.ok) return { answer: admission.answer };
	const run = (): OperationResult => {
		const rejection = validationAnswer(req, invalidJson);
		if (rejection) return { answer: rejection, mutated: false };
		const answer = route.handler(deps, req, admission.grant, operation.version === 'v3');
		return { answer, mutated: route.mutates && answer.status === 200 };
	};
	return { key: admission.key, run };
}
