import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { listGroupsTest } from '../nodes/HighLevelCalendarGroup/transport/credentialTest';
import { baseUrlProperty, DEFAULT_BASE_URL } from '../nodes/HighLevelCalendarGroup/transport/baseUrl';

const SCOPES = ['calendars/groups.readonly', 'calendars/groups.write'];

export class HighLevelCalendarsOAuth2Api implements ICredentialType {
	name = 'highLevelCalendarsOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'HighLevel Calendars OAuth2 API';

	icon: Icon = { light: 'file:../icons/highlevel.svg', dark: 'file:../icons/highlevel.dark.svg' };

	documentationUrl = 'https://marketplace.gohighlevel.com/docs/Authorization/OAuth2.0';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Marketplace',
			name: 'authUrl',
			type: 'options',
			options: [
				{
					name: 'HighLevel',
					value: 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation',
				},
				{
					name: 'White-Label (LeadConnector)',
					value: 'https://marketplace.leadconnectorhq.com/v2/oauth/chooselocation',
				},
			],
			default: 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation',
			description: 'Where users choose the sub-account that installs your app',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `${DEFAULT_BASE_URL}/oauth/token`,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: SCOPES.join(' '),
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
		baseUrlProperty,
	];

	test: ICredentialTestRequest = listGroupsTest(DEFAULT_BASE_URL, '={{ $credentials.oauthTokenData.locationId }}');
}
