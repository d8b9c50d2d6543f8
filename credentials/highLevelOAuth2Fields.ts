import type { INodeProperties } from 'n8n-workflow';

import { ACCESS_TOKEN_URL, AUTHORIZE_URL, baseUrlProperty } from '../nodes/HighLevelCalendars/transport/baseUrl';

const MARKETPLACE_URL = 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation';

/** The scopes of the node's routes: calendar groups, calendars, their events (appointments, notifications), rooms and equipment. */
export const CALENDAR_SCOPES = [
	'calendars/groups.readonly',
	'calendars/groups.write',
	'calendars.readonly',
	'calendars.write',
	'calendars/events.readonly',
	'calendars/events.write',
	'calendars/resources.readonly',
	'calendars/resources.write',
];

/**
 * The fields both HighLevel OAuth2 credentials share: authorization code, the marketplace to approve the app in,
 * the authorize and token URLs (HighLevel's, or the Base URL's when it is a test server on this machine), the scopes,
 * and the token type asked for (`user_type`, sent with the code exchange: n8n adds `additionalBodyProperties` there).
 */
export function highLevelOAuth2Fields(scopes: string[], userType: 'Company' | 'Location'): INodeProperties[] {
	return [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Marketplace',
			name: 'marketplace',
			type: 'options',
			options: [
				{ name: 'HighLevel', value: MARKETPLACE_URL },
				{ name: 'White-Label (LeadConnector)', value: 'https://marketplace.leadconnectorhq.com/v2/oauth/chooselocation' },
			],
			default: MARKETPLACE_URL,
			description: 'Where the app is approved and installed',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: AUTHORIZE_URL,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: ACCESS_TOKEN_URL,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: scopes.join(' '),
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
		{
			displayName: 'Additional Body Properties',
			name: 'additionalBodyProperties',
			type: 'hidden',
			default: JSON.stringify({ user_type: userType }),
		},
		baseUrlProperty,
	];
}
