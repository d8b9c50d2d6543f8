import type { KeyObject } from 'crypto';
import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { highLevelPublishedPem, parseEd25519PublicKey } from '../verification/ed25519';
import type { Refusal } from '../verification/refusal';
import type { ActionSecret } from '../delivery/actionDelivery';

type TriggerContext = Pick<IWebhookFunctions | IHookFunctions, 'getNodeParameter' | 'getCredentials'>;

export const keyCredentialType = 'highLevelCalendarsWebhookKeyApi';
export const secretCredentialType = 'highLevelCalendarsWebhookSecretApi';

export type Source = 'marketplaceApp' | 'workflowAction';

export function sourceOf(context: TriggerContext): Source {
	return context.getNodeParameter('source', 'marketplaceApp') as Source;
}

/** The key X-GHL-Signature is checked with: HighLevel's published one, or the credential's. */
export async function verificationKey(context: TriggerContext): Promise<KeyObject | Refusal> {
	if (context.getNodeParameter('verificationKey', 'published') !== 'credential') {
		return parseEd25519PublicKey(highLevelPublishedPem);
	}
	const { publicKey } = await context.getCredentials<{ publicKey: string }>(keyCredentialType);
	return parseEd25519PublicKey(publicKey);
}

export async function actionSecret(context: TriggerContext): Promise<ActionSecret> {
	const { headerName, secret } = await context.getCredentials<ActionSecret>(secretCredentialType);
	return { headerName: headerName.trim(), secret };
}

export function maxAgeMs(context: TriggerContext): number {
	return (context.getNodeParameter('options.maxAgeSeconds', 300) as number) * 1000;
}

export function chosenEvents(context: TriggerContext): string[] {
	return context.getNodeParameter('events', []) as string[];
}

const headerToken = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const minimumSecretLength = 16;

/** What makes a workflow-action secret unusable, if anything. */
export function secretProblem({ headerName, secret }: ActionSecret): string | undefined {
	if (!headerToken.test(headerName)) {
		return 'Header Name is not a valid HTTP header name';
	}
	if (secret.length < minimumSecretLength) {
		return `Secret is shorter than ${minimumSecretLength} characters`;
	}
	return undefined;
}
