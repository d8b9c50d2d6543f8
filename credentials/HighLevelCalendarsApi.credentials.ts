import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import { baseUrlProperty, checkBaseUrl } from '../nodes/HighLevelCalendars/transport/baseUrl';
import { listGroupsTest } from '../nodes/HighLevelCalendars/transport/credentialTest';

export class HighLevelCalendarsApi implements ICredentialType {
	name = 'highLevelCalendarsApi';

	displayName = 'HighLevel Calendars API';

	icon: Icon = { light: 'file:../icons/highlevel.svg', dark: 'file:../icons/highlevel.dark.svg' };

	documentationUrl =
		'https://marketplace.gohighlevel.com/docs/Authorization/PrivateIntegrationsToken';

	properties: INodeProperties[] = [
		{
			displayName: 'Private Integration Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'e.g. pit-1a2b3c4d-...',
			description:
				'A Sub-Account Private Integration Token with the scopes calendars/groups.readonly, calendars/groups.write, calendars.readonly, calendars.write, calendars/events.readonly and calendars/events.write (appointments and notifications), calendars/resources.readonly and calendars/resources.write (rooms and equipment)',
		},
		{
			displayName: 'Location ID',
			name: 'locationId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. ve9EPM428h8vShlRW1KT',
			description:
				'The sub-account (location) the token belongs to. The node uses it unless an operation sets another location.',
		},
		baseUrlProperty,
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const target = checkBaseUrl(requestOptions.baseURL ?? requestOptions.url);
		if ('refused' in target) {
			throw new UserError(target.refused);
		}
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${credentials.accessToken}` },
		};
	}

	test: ICredentialTestRequest = listGroupsTest('={{ $credentials.baseUrl }}', '={{ $credentials.locationId }}');
}
