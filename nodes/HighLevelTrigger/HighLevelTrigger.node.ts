import type { INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { triggerFields } from './description/fields';
import { answer } from './webhook/answer';
import { credentialTests } from './webhook/credentialTests';
import { webhookLifecycle } from './webhook/lifecycle';
import { receive } from './webhook/receive';

/** Accept Events For "My Sub-Accounts" takes the HighLevel credential of the chosen Authentication. */
const mySubAccounts = { source: ['marketplaceApp'], acceptFrom: ['mySubAccounts'] };

export class HighLevelTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HighLevel Trigger',
		name: 'highLevelTrigger',
		icon: {
			light: 'file:../../icons/highlevel-trigger.svg',
			dark: 'file:../../icons/highlevel-trigger.dark.svg',
		},
		group: ['trigger'],
		// Version 2 behaves as 1 does: n8n 2.x evaluates an expression (in a new isolate) for every request that reaches
		// a version-1 start node, to read a Webhook node's binary-data option this node does not have.
		version: [1, 2],
		defaultVersion: 2,
		subtitle:
			'={{ $parameter["source"] === "workflowAction" ? "Workflow action" : $parameter["events"].includes("*") ? "Any event" : $parameter["events"].join(", ") }}',
		description:
			"Starts the workflow on HighLevel's webhooks: an app's, signed by HighLevel and for your accounts, or a workflow action's, with your secret",
		defaults: { name: 'HighLevel Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'highLevelCalendarsWebhookKeyApi',
				required: true,
				testedBy: 'webhookKeyTest',
				displayOptions: { show: { source: ['marketplaceApp'], verificationKey: ['credential'] } },
			},
			{
				name: 'highLevelCalendarsApi',
				required: true,
				displayOptions: { show: { ...mySubAccounts, authentication: ['privateIntegrationToken'] } },
			},
			{
				name: 'highLevelCalendarsOAuth2Api',
				required: true,
				displayOptions: { show: { ...mySubAccounts, authentication: ['oAuth2'] } },
			},
			{
				name: 'highLevelCalendarsAgencyOAuth2Api',
				required: true,
				displayOptions: { show: { ...mySubAccounts, authentication: ['agencyOAuth2'] } },
			},
			{
				name: 'highLevelCalendarsWebhookSecretApi',
				required: true,
				testedBy: 'webhookSecretTest',
				displayOptions: { show: { source: ['workflowAction'] } },
			},
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'highlevel' }],
		properties: triggerFields,
	};

	methods = { credentialTest: credentialTests };

	webhookMethods = webhookLifecycle;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return answer(this, await receive(this));
	}
}
