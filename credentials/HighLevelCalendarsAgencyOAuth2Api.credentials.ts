import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { AGENCY_APP } from '../nodes/HighLevelCalendars/transport/tokens/agencyApp';
import { CREDENTIAL_TEST_BASE_URL } from '../nodes/HighLevelCalendars/transport/baseUrl';
import { agencyTokenTest } from '../nodes/HighLevelCalendars/transport/credentialTest';
import { CALENDAR_SCOPES, highLevelOAuth2Fields } from './highLevelOAuth2Fields';

/** The group, calendar, appointment, notification, room and equipment routes' scopes, minting location tokens, and listing the agency's sub-accounts. */
const SCOPES = [
	...CALENDAR_SCOPES,
	'oauth.readonly',
	'oauth.write',
	'locations.readonly',
];

/** An agency-level (Company) app: its token mints a location token for every sub-account the app is installed in. */
export class HighLevelCalendarsAgencyOAuth2Api implements ICredentialType {
	name = 'highLevelCalendarsAgencyOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'HighLevel Calendars Agency OAuth2 API';

	icon: Icon = { light: 'file:../icons/highlevel.svg', dark: 'file:../icons/highlevel.dark.svg' };

	documentationUrl = 'https://marketplace.gohighlevel.com/docs/Authorization/OAuth2.0';

	properties: INodeProperties[] = [
		{
			displayName: `Use ${AGENCY_APP}: install it as the agency to all sub-accounts and to future sub-accounts, so that new sub-accounts work without any set-up`,
			name: 'agencyNotice',
			type: 'notice',
			default: '',
		},
		...highLevelOAuth2Fields(SCOPES, 'Company'),
	];

	test: ICredentialTestRequest = agencyTokenTest(CREDENTIAL_TEST_BASE_URL, '={{ $credentials.oauthTokenData.companyId }}');
}
