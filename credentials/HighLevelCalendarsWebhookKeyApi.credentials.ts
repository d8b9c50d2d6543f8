import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * The Ed25519 public key that HighLevel Trigger nodes verify X-GHL-Signature with, in place of HighLevel's
 * published key: one credential to change when HighLevel rotates its key (or to point at a test key).
 * Tested by the trigger node (the key must parse as Ed25519), as there is no HighLevel endpoint to call.
 */
export class HighLevelCalendarsWebhookKeyApi implements ICredentialType {
	name = 'highLevelCalendarsWebhookKeyApi';

	displayName = 'HighLevel Webhook Public Key API';

	icon: Icon = { light: 'file:../icons/highlevel.svg', dark: 'file:../icons/highlevel.dark.svg' };

	documentationUrl = 'https://github.com/highlevel-calendars/n8n-nodes-highlevel-calendars#key-rotation';

	properties: INodeProperties[] = [
		{
			displayName: 'Ed25519 Public Key',
			name: 'publicKey',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			required: true,
			placeholder: 'e.g. -----BEGIN PUBLIC KEY----- MCowBQYDK2VwAyEA... -----END PUBLIC KEY-----',
			description:
				'The public half of the Ed25519 key HighLevel signs its webhooks with, as a PEM or as the base64 between its BEGIN and END lines',
		},
	];
}
