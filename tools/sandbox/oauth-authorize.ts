/**
 * HighLevel's authorization-code flow: the authorize page (`GET /oauth/chooselocation`, approved at once) and the
 * token endpoint (`POST /oauth/token`, form-encoded, `authorization_code` and `refresh_token` grants).
 *
 * What the admin picks on the authorize page comes from the sandbox configuration, or from these query parameters:
 *   sandbox_location=<id>            a sub-account app installs there (default: the company's first location)
 *   sandbox_company=<id>             an agency app installs in that company (default: the first company)
 *   sandbox_locations=<id>,<id>|all  an agency install in these sub-accounts only (default: all of them)
 *   sandbox_future=true|false        an agency install also covers sub-accounts created later (default: true)
 * With `ask` set, the page is a form that asks the admin instead (oauth-choose-page.ts) and approves what they chose.
 */
import { RecordedRequest } from '../contract/openapi';
import { AgencyDirectory, AppRecord, InstallChoice, InstallRecord } from './agency';
import { ALL_LOCATIONS, APPROVE_PARAM, choosePage } from './oauth-choose-page';
import { Grant, OAuthTokens, TokenPair } from './oauth-tokens';
import { Answer, MESSAGES, badRequest, missingParameter, redirect, success, unauthorized } from './responses';
import { validationAnswer } from './validation';

/** The sandbox configuration's choice on the authorize page (query parameters win). */
export interface InstallDefaults {
	locationId?: string;
	companyId?: string;
	/** an agency install in these sub-accounts only */
	locationIds?: string[];
	installToFutureLocations?: boolean;
	/** show the choice as a page for a person (a browser test) instead of approving at once */
	ask?: boolean;
}

export interface AuthorizeDeps {
	directory: AgencyDirectory;
	oauth: OAuthTokens;
	installDefaults: InstallDefaults;
}

export const CHOOSE_LOCATION_PATH = '/oauth/chooselocation';

function companyOf(deps: AuthorizeDeps, query: Record<string, string>): string {
	return query.sandbox_company ?? deps.installDefaults.companyId ?? deps.directory.snapshot().companies[0]?.id ?? '';
}

function installChoice(deps: AuthorizeDeps, app: AppRecord, query: Record<string, string>): InstallChoice {
	const defaults = deps.installDefaults;
	const companyId = companyOf(deps, query);
	if (app.distribution === 'Location') {
		const locationId = query.sandbox_location ?? defaults.locationId ?? deps.directory.locationsOf(companyId)[0]?.id ?? '';
		return { userType: 'Location', locationId };
	}
	const chosen = query.sandbox_locations;
	const listed = chosen === undefined ? defaults.locationIds : chosen === ALL_LOCATIONS ? undefined : chosen.split(',').filter(Boolean);
	// the choose page sends its hidden "false" and, when ticked, the checkbox's "true" after it: the query keeps both, comma-joined
	const future = query.sandbox_future === undefined ? defaults.installToFutureLocations : query.sandbox_future.split(',').at(-1) === 'true';
	return { userType: 'Company', companyId, locationIds: listed, installToFutureLocations: future };
}

function grantFor(app: AppRecord, install: InstallRecord, requestedScopes: string | undefined): Grant {
	const requested = requestedScopes?.split(/\s+/).filter(Boolean);
	const scopes = requested ? app.scopes.filter((s) => requested.includes(s)) : app.scopes;
	const locationId = install.userType === 'Location' ? install.locationIds[0] : undefined;
	return { appId: app.appId, clientId: app.clientId, userType: install.userType, companyId: install.companyId, locationId, userId: install.userId, scopes };
}

function redirectTarget(raw: string | undefined): URL | undefined {
	try {
		const url = new URL(raw ?? '');
		return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
	} catch {
		return undefined;
	}
}

/** Installs the app as configured and sends the browser back with a code (and the state it was given). */
export function authorize(deps: AuthorizeDeps, req: RecordedRequest): Answer {
	const { query } = req;
	const app = deps.directory.appByClientId(query.client_id ?? '');
	if (!app) return badRequest(MESSAGES.unknownClient);
	if (query.response_type !== 'code') return badRequest(MESSAGES.responseTypeCode);
	const target = redirectTarget(query.redirect_uri);
	if (!target) return badRequest(MESSAGES.invalidRedirectUri);
	if (deps.installDefaults.ask && query[APPROVE_PARAM] === undefined) {
		return choosePage(req.path, app, deps.directory.locationsOf(companyOf(deps, query)), query);
	}
	let install: InstallRecord;
	try {
		install = deps.directory.install(app, installChoice(deps, app, query));
	} catch (error) {
		return badRequest((error as Error).message);
	}
	target.searchParams.set('code', deps.oauth.issueCode(grantFor(app, install, query.scope), query.redirect_uri));
	if (query.state !== undefined) target.searchParams.set('state', query.state);
	return redirect(target.href);
}

/** The token answer's fields (GetAccessCodeSuccessfulResponseDto), agency-install fields for Company tokens. */
function tokenAnswer(deps: AuthorizeDeps, pair: TokenPair): Answer {
	const { grant } = pair.access;
	const body: Record<string, unknown> = {
		access_token: pair.access.token,
		token_type: 'Bearer',
		expires_in: deps.oauth.lifetimeSeconds,
		refresh_token: pair.refreshToken,
		scope: grant.scopes.join(' '),
		userType: grant.userType,
		companyId: grant.companyId,
		userId: grant.userId,
	};
	if (grant.userType === 'Location') body.locationId = grant.locationId;
	const install = grant.userType === 'Company' ? deps.directory.agencyInstall(grant.appId, grant.companyId) : undefined;
	if (install) {
		Object.assign(body, {
			isBulkInstallation: true,
			approveAllLocations: install.approveAllLocations,
			installToFutureLocations: install.installToFutureLocations,
		});
		if (!install.approveAllLocations) body.approvedLocations = install.locationIds;
	}
	return success(200, body);
}

/** `POST /oauth/token`: the contract's checks (400 / 422), the client (401), then the grant (400). */
export function token(deps: AuthorizeDeps, req: RecordedRequest, invalidJson: boolean): Answer {
	if (req.headers.version !== undefined && req.headers.version !== '2021-07-28') return badRequest(MESSAGES.tokenVersionNotSimulated);
	const invalid = validationAnswer(req, invalidJson);
	if (invalid) return invalid;
	const form = req.body as Record<string, string>;
	const app = deps.directory.appByClientId(form.client_id);
	if (!app || app.clientSecret !== form.client_secret) return unauthorized(MESSAGES.invalidClient);
	if (form.grant_type === 'authorization_code') {
		if (!form.code) return missingParameter('code');
		const pair = deps.oauth.exchangeCode(form.code, app.clientId, form.redirect_uri);
		return pair ? tokenAnswer(deps, pair) : badRequest(MESSAGES.invalidCode);
	}
	if (form.grant_type === 'refresh_token') {
		if (!form.refresh_token) return missingParameter('refresh_token');
		const refreshed = deps.oauth.refresh(form.refresh_token, app.clientId);
		return 'refused' in refreshed ? badRequest(MESSAGES.invalidRefreshToken) : tokenAnswer(deps, refreshed);
	}
	return badRequest(MESSAGES.unsupportedGrant);
}
