import type { ICredentialTestRequest } from 'n8n-workflow';

import { DEFAULT_API_VERSION } from './requestSettings';

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
						'HighLevel refused the token (401 Invalid token or missing scope): use a current token with the scopes calendars/groups.readonly and calendars/groups.write',
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
