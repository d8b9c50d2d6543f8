/**
 * IAM for the routes that take OAuth tokens beside the group routes (/oauth/locationToken, /oauth/installedLocations,
 * /locations/search): which kind of token the spec's security block allows (Agency-Access-Only = a Company token),
 * its scope, the Version header; and the rate-limit bucket of the company or location the token acts for.
 */
import { MatchedOperation, RecordedRequest, checkRequest, securityOf } from '../contract/openapi';
import { AgencyDirectory } from './agency';
import { SandboxToken, bearerToken } from './auth';
import { Grant, OAuthTokens } from './oauth-tokens';
import { RateLimiter, rateKey } from './rate-limiter';
import { Answer, MESSAGES, unauthorized } from './responses';

export interface OAuthDeps {
	directory: AgencyDirectory;
	oauth: OAuthTokens;
	limiter: RateLimiter;
	/** the Private Integration Tokens (Location access) */
	tokens: SandboxToken[];
}

/** Past IAM: the grant and its rate-limit bucket; or IAM's 401 (with the bucket's headers, not counted). */
export type Admission = { ok: true; grant: Grant; key: string } | { ok: false; answer: Answer };

/** The grant a bearer token stands for: an OAuth token, or a PIT seen as a Location grant of its own. */
export function grantOf(deps: OAuthDeps, token: string | undefined): Grant | undefined {
	const issued = deps.oauth.access(token);
	if (issued) return issued.grant;
	const pit = deps.tokens.find((t) => t.token === token);
	if (!pit) return undefined;
	const companyId = deps.directory.location(pit.locationId)?.companyId ?? '';
	return { appId: `pit:${pit.token}`, clientId: '', userType: 'Location', companyId, locationId: pit.locationId, userId: '', scopes: pit.scopes };
}

/** The rate-limit bucket of a grant: the company's for Company tokens, the location's otherwise. */
export function grantRateKey(grant: Grant): string {
	return grant.userType === 'Company' ? rateKey(grant.appId, 'company', grant.companyId) : rateKey(grant.appId, 'location', grant.locationId ?? '');
}

function allowedUserTypes(schemes: string[]): string[] {
	return schemes.map((scheme) => (scheme.startsWith('Agency-Access') ? 'Company' : 'Location'));
}

/** Token, token kind, scope, Version header, in HighLevel's order. */
export function admit(deps: OAuthDeps, req: RecordedRequest, operation: MatchedOperation): Admission {
	const grant = grantOf(deps, bearerToken(req.headers.authorization));
	if (!grant) return { ok: false, answer: withPeek(deps, unauthorized(MESSAGES.invalidToken)) };
	const security = securityOf(operation.operationId);
	const peek = (answer: Answer) => ({ ok: false as const, answer: withPeek(deps, answer, grantRateKey(grant)) });
	if (!allowedUserTypes(security.map((s) => s.scheme)).includes(grant.userType)) return peek(unauthorized(MESSAGES.authClassNotAllowed));
	if (!security.flatMap((s) => s.scopes).some((scope) => grant.scopes.includes(scope))) return peek(unauthorized(MESSAGES.scopeNotAuthorized));
	if (checkRequest(req).issues.some((i) => i.kind === 'version')) {
		return peek(unauthorized(req.headers.version === undefined ? MESSAGES.versionMissing : MESSAGES.versionInvalid));
	}
	return { ok: true, grant, key: grantRateKey(grant) };
}

function withPeek(deps: OAuthDeps, answer: Answer, key?: string): Answer {
	return { ...answer, headers: { ...deps.limiter.peek(key), ...answer.headers } };
}
