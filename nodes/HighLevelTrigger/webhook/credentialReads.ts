import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

/** How long what a trigger read from a credential is used before it is read again. */
export const credentialReadMs = 60_000;

interface Read {
	value: Promise<unknown>;
	readAtMs: number;
}

const reads = new Map<string, Read>();

type ReadContext = Pick<IWebhookFunctions | IHookFunctions, 'getNode' | 'getWorkflow'>;

const prefixOf = (context: ReadContext) => `${context.getWorkflow().id ?? ''}:${context.getNode().id}:`;

/**
 * What the trigger takes from a credential (`derive` keeps no token), read at most once a minute per trigger and
 * credential: n8n 2.x starts a fresh expression isolate for every credential read, which cost a delivery more than
 * the rest of its intake. A credential changed in n8n takes effect within a minute, or at once on re-activation.
 */
export async function fromCredential<T>(context: ReadContext, type: string, derive: () => Promise<T>, nowMs: number): Promise<T> {
	const key = `${prefixOf(context)}${type}:${context.getNode().credentials?.[type]?.id ?? ''}`;
	const known = reads.get(key);
	if (known && nowMs - known.readAtMs < credentialReadMs) {
		return (await known.value) as T;
	}
	const value = derive();
	reads.set(key, { value, readAtMs: nowMs });
	value.catch(() => reads.delete(key));
	return await value;
}

/** Activation reads every credential afresh. */
export function forgetCredentialReads(context: ReadContext): void {
	const prefix = prefixOf(context);
	for (const key of reads.keys()) {
		if (key.startsWith(prefix)) {
			reads.delete(key);
		}
	}
}
