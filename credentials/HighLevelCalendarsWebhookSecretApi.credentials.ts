import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * The shared secret a HighLevel workflow's Webhook / Custom Webhook action sends in a header, for HighLevel
 * Trigger nodes whose source is a HighLevel workflow action. Tested by the trigger node (there is no HighLevel
 * endpoint to call).
 */
export class HighLevelCalendarsWebhookSecretApi implements ICredentialType {
	name = 'highLevelCalendarsWebhookSecretApi';

	displayName = 'HighLevel Workflow Webhook Secret API';

	icon: Icon = { light: 'file:../icons/highlevel.svg', dark: 'file:../icons/highlevel.dark.svg' };

	documentationUrl =
		'https://github.com/highlevel-calendars/n8n-nodes-highlevel-calendars#highlevel-workflow-actions';

	properties: INodeProperties[] = [
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'X-Webhook-Secret',
			required: true,
			description: 'The header the workflow action sets (in its Headers) to carry the secret',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'A long random value, at least 16 characters; the same value goes into the action\'s header',
		},
	];
}
