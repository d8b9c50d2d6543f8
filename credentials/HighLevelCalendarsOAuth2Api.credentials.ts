import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { CREDENTIAL_TEST_BASE_URL } from '../nodes/HighLevelCalendars/transport/baseUrl';
import { listGroupsTest } from '../nodes/HighLevelCalendars/transport/credentialTest';
import { CALENDAR_SCOPES, highLevelOAuth2Fields } from './highLevelOAuth2Fields';

export class HighLevelCalendarsOAuth2Api implements ICredentialType {
	name = 'highLevelCalendarsOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'HighLevel Calendars OAuth2 API';

	icon: Icon = { light: 'file:../icons/highlevel.svg', dark: 'file:../icons/highlevel.dark.svg' };

	documentationUrl = 'https://marketplace.gohighlevel.com/docs/Authorization/OAuth2.0';

	properties: INodeProperties[] = highLevelOAuth2Fields(CALENDAR_SCOPES, 'Location');

	test: ICredentialTestRequest = listGroupsTest(CREDENTIAL_TEST_BASE_URL, '={{ $credentials.oauthTokenData.locationId }}');
}
