import type { INodeProperties } from 'n8n-workflow';

import { authenticationOptions } from '../../HighLevelCalendars/description/commonFields';

const forAcceptFrom = (acceptFrom: string, more: Record<string, string[]> = {}) => ({
	show: { source: ['marketplaceApp'], acceptFrom: [acceptFrom], ...more },
});

/** Accept Events For: whose signed deliveries start the workflow. */
export const acceptanceFields: INodeProperties[] = [
	{
		displayName: 'Accept Events For',
		name: 'acceptFrom',
		type: 'options',
		noDataExpression: true,
		required: true,
		options: [
			{
				name: 'My Sub-Accounts',
				value: 'mySubAccounts',
				description: "The credential's sub-account, or the agency's sub-accounts (and its app, for app events)",
			},
			{
				name: 'These IDs',
				value: 'theseIds',
				description: 'Deliveries naming one of the sub-account (location) or agency (company) IDs listed',
			},
			{
				name: 'Any HighLevel Account',
				value: 'anyAccount',
				description: 'Every delivery HighLevel signed, whoever it was for',
			},
		],
		default: 'mySubAccounts',
		description:
			"HighLevel signs every app's webhooks with one key, so a valid signature proves only that HighLevel sent the body to some app: this chooses whose deliveries start the workflow. Others are answered 200 and start nothing.",
		displayOptions: { show: { source: ['marketplaceApp'] } },
	},
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: authenticationOptions,
		default: 'agencyOAuth2',
		description: 'The HighLevel credential that says which sub-accounts are yours (the one the HighLevel Calendars node uses)',
		displayOptions: forAcceptFrom('mySubAccounts'),
	},
	{
		displayName: 'IDs',
		name: 'accountIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. ve9EPM428h8vShlRW1KT, otg8dTQqGLh3Q6iQI55w',
		description:
			"Sub-account (location) and agency (company) IDs, separated by commas: a delivery is let in when its locationId (for Sub-Account Created and Updated: the event's own ID) or its companyId is listed",
		displayOptions: forAcceptFrom('theseIds'),
	},
	{
		displayName:
			'Any HighLevel Account lets in every delivery HighLevel signed, for any app and any account: anyone with a free HighLevel developer account can have HighLevel sign an event with content they choose and post it to this URL. Use it only when the workflow itself checks whose event it is.',
		name: 'anyAccountNotice',
		type: 'notice',
		default: '',
		displayOptions: forAcceptFrom('anyAccount'),
	},
];
