import type { ICredentialTestRequest } from 'n8n-workflow';

import { AGENCY_APP } from './tokens/agencyApp';
import { DEFAULT_API_VERSION } from './requestSettings';

/** The Version HighLevel's OAuth routes take (/oauth/locationToken, /oauth/installedLocations). */
export const LOCATION_TOKEN_API_VERSION = '2021-07-28';

/**
 * The credentials' test: list the location's groups, which proves token, read scope and location in
 * one call. HighLevel's error answers are read here (n8n would only say "Unauthorized"), so the
 * test names the cause.
 */
export function listGroupsTest(baseURL: string, locationId: string): ICredentialTestRequest {
	return {
		request: {
			baseURL,
			url: '/calendars/groups',
			method: 'GET',
			qs: { locationId },
			headers: { Version: DEFAULT_API_VERSION, Accept: 'application/json' },
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'statusCode',
					value: 401,
					message:
						'HighLevel refused the token (401 Invalid token or missing scope): use a current token with the scopes calendars/groups.readonly and calendars/groups.write (calendars.readonly and calendars.write for calendars, calendars/events.readonly and calendars/events.write for appointments and notifications, calendars/resources.readonly and calendars/resources.write for rooms and equipment)',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'statusCode',
					value: 403,
					message: 'HighLevel refused the location (403): the token belongs to another sub-account than this Location ID',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'groups',
					value: undefined,
					message: "The answer is not HighLevel's list of calendar groups: check the Base URL and the Location ID",
				},
			},
		],
	};
}

/** Mints for no real sub-account: the probe's location id, which no HighLevel location has. */
export const PROBE_LOCATION_ID = 'n8n-credential-test';

/**
 * The agency credential's test: ask for a location token for a sub-account that does not exist. IAM answers first,
 * so a sub-account token or a token without `oauth.write` gets its 401 and a message naming the cause; an agency
 * token with the scope gets past IAM and is refused only for the location (no token is minted).
 */
export function agencyTokenTest(baseURL: string, companyId: string): ICredentialTestRequest {
	const tokenRefused = `HighLevel refused the token (401): connect ${AGENCY_APP}, with the scope oauth.write`;
	return {
		request: {
			baseURL,
			url: '/oauth/locationToken',
			method: 'POST',
			headers: { Version: LOCATION_TOKEN_API_VERSION, Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
			body: { companyId, locationId: PROBE_LOCATION_ID },
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'message',
					value: 'This authClass type is not allowed to access this scope. Please reach out to the Platform team to get it added.',
					message: `This is a sub-account (Location) token: the agency credential needs ${AGENCY_APP}, connected as the agency (Company token)`,
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'message',
					value: 'The token is not authorized for this scope.',
					message: 'The agency token lacks the scope oauth.write, which minting location tokens needs: add it to the app and reconnect',
				},
			},
			{ type: 'responseSuccessBody', properties: { key: 'statusCode', value: 401, message: tokenRefused } },
		],
	};
}
