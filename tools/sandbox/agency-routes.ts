/**
 * The agency routes behind IAM (oauth-iam.ts): minting a location token from a Company token, the app's installed
 * locations, and the sub-account search. Each in its 2021-07-28 form and, where it has one, its v3 form.
 */
import { RecordedRequest } from '../contract/openapi';
import { LocationRecord } from './agency';
import { OAuthDeps } from './oauth-iam';
import { Grant, IssuedToken, TokenPair } from './oauth-tokens';
import { Answer, MESSAGES, badRequest, forbidden, success } from './responses';

type Form = Record<string, string>;

function isPair(minted: TokenPair | IssuedToken): minted is TokenPair {
	return 'refreshToken' in minted;
}

/** `POST /oauth/locationToken` (v3: `/oauth/location-token`, which also answers a refresh token, in camelCase). */
export function mintLocationToken(deps: OAuthDeps, req: RecordedRequest, grant: Grant, v3: boolean): Answer {
	const { companyId, locationId } = req.body as Form;
	if (companyId !== grant.companyId) return forbidden(MESSAGES.companyForbidden);
	if (deps.directory.location(locationId)?.companyId !== companyId) return badRequest(MESSAGES.locationNotInCompany);
	if (!deps.directory.isInstalled(grant.appId, locationId)) return badRequest(MESSAGES.appNotInstalled);
	const minted = deps.oauth.mint(grant, locationId, v3);
	const access = isPair(minted) ? minted.access : minted;
	const fields = { scope: access.grant.scopes.join(' '), locationId, userId: grant.userId, appId: grant.appId };
	const expiresIn = deps.oauth.lifetimeSeconds;
	if (!v3) return success(200, { access_token: access.token, token_type: 'Bearer', expires_in: expiresIn, ...fields });
	const refreshToken = isPair(minted) ? minted.refreshToken : undefined;
	return success(200, { accessToken: access.token, tokenType: 'Bearer', expiresIn, refreshToken, ...fields });
}

function installedRecord(deps: OAuthDeps, grant: Grant, location: LocationRecord) {
	return { _id: location.id, name: location.name, address: location.address, isInstalled: deps.directory.isInstalled(grant.appId, location.id) };
}

const count = (raw: string | undefined, fallback: number) => (Number.isInteger(Number(raw)) && Number(raw) >= 0 ? Number(raw) : fallback);

/** v3's opaque page token: the offset, base64url-encoded. */
const pageToken = (skip: number) => Buffer.from(String(skip)).toString('base64url');

/** Offset paging: v2 `skip` / `limit`, v3 `pageSize` / `pageToken`. */
function page(query: Record<string, string>, v3: boolean): { skip: number; limit: number } {
	if (!v3) return { skip: count(query.skip, 0), limit: count(query.limit, 20) };
	const skip = query.pageToken === undefined ? 0 : count(Buffer.from(query.pageToken, 'base64url').toString(), 0);
	return { skip, limit: count(query.pageSize, 20) };
}

/** `GET /oauth/installedLocations` (v3: `/oauth/installed-locations`): the company's locations and the app's install state. */
export function installedLocations(deps: OAuthDeps, req: RecordedRequest, grant: Grant, v3: boolean): Answer {
	const { query } = req;
	if (query.companyId !== grant.companyId) return forbidden(MESSAGES.companyForbidden);
	if (query.appId !== grant.appId) return forbidden(MESSAGES.appForbidden);
	const needle = query.query?.toLowerCase();
	const matching = deps.directory
		.locationsOf(grant.companyId)
		.map((location) => installedRecord(deps, grant, location))
		.filter((l) => query.isInstalled === undefined || String(l.isInstalled) === query.isInstalled)
		.filter((l) => query.locationId === undefined || l._id === query.locationId)
		.filter((l) => needle === undefined || l.name.toLowerCase().includes(needle));
	const { skip, limit } = page(query, v3);
	const locations = matching.slice(skip, skip + limit);
	const installToFutureLocations = deps.directory.agencyInstall(grant.appId, grant.companyId)?.installToFutureLocations ?? false;
	if (!v3) return success(200, { locations, count: matching.length, installToFutureLocations });
	const hasNextPage = skip + limit < matching.length;
	const pagination = { totalRecords: matching.length, hasNextPage, hasPrevPage: skip > 0, currentPageSize: locations.length, ...(hasNextPage ? { nextPageToken: pageToken(skip + limit) } : {}) };
	return success(200, { items: locations, pagination, installToFutureLocations });
}

/** `GET /locations/search`: a Company token sees its company's sub-accounts, a Location token its own. */
export function searchLocations(deps: OAuthDeps, req: RecordedRequest, grant: Grant): Answer {
	const { query } = req;
	if (query.companyId !== undefined && query.companyId !== grant.companyId) return forbidden(MESSAGES.companyForbidden);
	const visible = deps.directory.locationsOf(grant.companyId).filter((l) => grant.userType === 'Company' || l.id === grant.locationId);
	const matching = visible.filter((l) => query.email === undefined || l.email === query.email);
	if (query.order === 'desc') matching.reverse();
	const { skip, limit } = { skip: count(query.skip, 0), limit: count(query.limit, 10) };
	return success(200, { locations: matching.slice(skip, skip + limit) });
}
