import type { INodeProperties } from 'n8n-workflow';

import { acceptanceFields } from './acceptance';
import { anyEvent, eventOptions } from './events';

const fromApp = { show: { source: ['marketplaceApp'] } };
const fromAction = { show: { source: ['workflowAction'] } };

export const triggerFields: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Marketplace App',
				value: 'marketplaceApp',
				description: "Your app's webhooks, signed by HighLevel (X-GHL-Signature, Ed25519)",
			},
			{
				name: 'HighLevel Workflow Action',
				value: 'workflowAction',
				description: "A sub-account workflow's Custom Webhook action posting a JSON body, with a secret header you set",
			},
		],
		default: 'marketplaceApp',
	},
	{
		displayName:
			"Paste this node's Production URL as the Webhook URL in your app's settings in HighLevel's developer marketplace (marketplace.gohighlevel.com), and subscribe the app to the events below. Deliveries without a valid X-GHL-Signature or older than Max Age are refused (401); a delivery seen before, or signed for another account than Accept Events For allows, is answered 200 and starts nothing.",
		name: 'appNotice',
		type: 'notice',
		default: '',
		displayOptions: fromApp,
	},
	{
		displayName:
			"In a HighLevel workflow, add a Custom Webhook action that posts to this node's Production URL with a JSON body and the header named in the credential, holding its secret. Posts without the secret, and bodies that are not a JSON object (a form body among them), are refused (401).",
		name: 'actionNotice',
		type: 'notice',
		default: '',
		displayOptions: fromAction,
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: eventOptions,
		default: [anyEvent],
		required: true,
		description: 'The event types that start the workflow; other events are answered 200 and start nothing',
		displayOptions: fromApp,
	},
	...acceptanceFields,
	{
		displayName: 'Verification Key',
		name: 'verificationKey',
		type: 'options',
		options: [
			{
				name: "HighLevel's Published Key",
				value: 'published',
				description: 'The Ed25519 key from HighLevel\'s webhook guide, as this package version ships it',
			},
			{
				name: 'Key From Credential',
				value: 'credential',
				description: 'A key kept in a credential: changed once for every workflow when HighLevel rotates it',
			},
		],
		default: 'published',
		displayOptions: fromApp,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: fromApp,
		options: [
			{
				displayName: 'Max Age (Seconds)',
				name: 'maxAgeSeconds',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 3600 },
				default: 300,
				description:
					'Deliveries whose timestamp is older are refused (HighLevel advises 5 minutes); a webhookId seen within this time starts nothing again. From 1 to 3,600.',
			},
		],
	},
];
