/**
 * Where the OAuth and sub-account routes go: the authorize page and the token endpoint take no bearer token; the
 * agency routes pass IAM and the rate limit first, then the contract's checks (400 / 422), then their handler.
 * Rate-limit headers go on every answer, as on the group routes.
 */
import { RecordedRequest, routeRequest } from '../contract/openapi';
import { installedLocations, mintLocationToken, searchLocations } from './agency-routes';
import { CHOOSE_LOCATION_PATH, AuthorizeDeps, authorize, token } from './oauth-authorize';
import { OAuthDeps, admit } from './oauth-iam';
import { Grant } from './oauth-tokens';
import { Answer, MESSAGES, unauthorized } from './responses';
import { validationAnswer } from './validation';

export type OAuthRouteDeps = OAuthDeps & AuthorizeDeps;

type AgencyHandler = (deps: OAuthDeps, req: RecordedRequest, grant: Grant, v3: boolean) => Answer;

const AGENCY_HANDLERS: Record<string, AgencyHandler> = {
	'get-location-access-token': mintLocationToken,
	'get-installed-location': installedLocations,
	'search-locations': searchLocations,
};

/** The paths this module answers (everything else is a group route or unknown). */
export function isOAuthRoute(path: string): boolean {
	return path.startsWith('/oauth/') || path === '/locations/search';
}

export function handleOAuthRequest(deps: OAuthRouteDeps, req: RecordedRequest, invalidJson: boolean): Answer {
	const peeked = (answer: Answer): Answer => ({ ...answer, headers: { ...deps.limiter.peek(), ...answer.headers } });
	if (req.method === 'GET' && req.path === CHOOSE_LOCATION_PATH) return peeked(authorize(deps, req));
	const operation = routeRequest(req.method, req.path, req.headers.version);
	if (operation?.operationId === 'get-access-token') return peeked(token(deps, req, invalidJson));
	const handler = operation && AGENCY_HANDLERS[operation.operationId];
	if (!operation || !handler) return peeked(unauthorized(MESSAGES.routeNotSupported));

	const admission = admit(deps, req, operation);
	if (!admission.ok) return admission.answer;
	const answer = validationAnswer(req, invalidJson) ?? handler(deps, req, admission.grant, operation.version === 'v3');
	return { ...answer, headers: { ...admission.headers, ...answer.headers } };
}
