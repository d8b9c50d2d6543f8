import type { KeyObject } from 'crypto';
import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { highLevelPublishedKey, parseEd25519PublicKey } from '../verification/ed25519';
import { Refusal } from '../verification/refusal';
import type { ActionSecret } from '../delivery/actionDelivery';
import type { Authentication } from '../../HighLevelCalendars/transport/connection';
import { fromCredential } from './credentialReads';

type TriggerContext = Pick<IWebhookFunctions | IHookFunctions, 'getNodeParameter' | 'getCredentials' | 'getNode' | 'getWorkflow'>;

export const keyCredentialType = 'highLevelCalendarsWebhookKeyApi';
export const secretCredentialType = 'highLevelCalendarsWebhookSecretApi';

export type Source = 'marketplaceApp' | 'workflowAction';

export function sourceOf(context: TriggerContext): Source {
	return context.getNodeParameter('source', 'marketplaceApp') as Source;
}

/** The key X-GHL-Signature is checked with: HighLevel's published one, or the credential's. */
export async function verificationKey(context: TriggerContext): Promise<KeyObject | Refusal> {
	if (context.getNodeParameter('verificationKey', 'published') !== 'credential') {
		return highLevelPublishedKey();
	}
	return await fromCredential(
		context,
		keyCredentialType,
		async () => parseEd25519PublicKey((await context.getCredentials<{ publicKey: string }>(keyCredentialType)).publicKey),
		Date.now(),
	);
}

export async function actionSecret(context: TriggerContext): Promise<ActionSecret> {
	return await fromCredential(
		context,
		secretCredentialType,
		async () => {
			const { headerName, secret } = await context.getCredentials<ActionSecret>(secretCredentialType);
			return { headerName: headerName.trim(), secret };
		},
		Date.now(),
	);
}

export const maxAgeLimits = { minSeconds: 1, maxSeconds: 3600 };

/** Max Age in ms, or why it is unusable: a number of seconds from 1 to 3,600. */
export function maxAgeMs(context: TriggerContext): number | Refusal {
	const seconds = context.getNodeParameter('options.maxAgeSeconds', 300) as unknown;
	if (typeof seconds !== 'number' || !(seconds >= maxAgeLimits.minSeconds && seconds <= maxAgeLimits.maxSeconds)) {
		return new Refusal(`Max Age is ${String(seconds)}, not a number of seconds from 1 to 3600`);
	}
	return seconds * 1000;
}

export function chosenEvents(context: TriggerContext): string[] {
	return context.getNodeParameter('events', []) as string[];
}

export type AcceptFrom = 'mySubAccounts' | 'theseIds' | 'anyAccount';

export function acceptFromOf(context: TriggerContext): AcceptFrom {
	return context.getNodeParameter('acceptFrom', 'mySubAccounts') as AcceptFrom;
}

export function authenticationOf(context: TriggerContext): Authentication {
	return context.getNodeParameter('authentication', 'agencyOAuth2') as Authentication;
}

/** These IDs: the sub-account and agency IDs listed, separated by commas, spaces or lines. */
export function listedIds(context: TriggerContext): Set<string> {
	const listed = String(context.getNodeParameter('accountIds', '') ?? '');
	return new Set(listed.split(/[\s,]+/).filter((id) => id !== ''));
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
