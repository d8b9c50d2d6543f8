import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isRefusal } from '../verification/refusal';
import { forgetCredentialReads } from './credentialReads';
import { actionSecret, maxAgeMs, secretProblem, sourceOf, verificationKey } from './settings';

/**
 * HighLevel has no API to register a webhook URL (the user pastes it into the app or the workflow action),
 * so nothing exists remotely: activation checks that the key or secret and Max Age are usable, so that a
 * misconfigured trigger fails to activate instead of refusing every delivery. Deactivation forgets nothing:
 * the webhookIds seen stay remembered until they expire, so a save or a test listen does not reopen replays.
 */
export const webhookLifecycle = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return false;
		},
		async create(this: IHookFunctions): Promise<boolean> {
			forgetCredentialReads(this);
			if (sourceOf(this) === 'workflowAction') {
				const problem = secretProblem(await actionSecret(this));
				if (problem) {
					throw new NodeOperationError(this.getNode(), `Workflow webhook secret: ${problem}`);
				}
				return true;
			}
			const key = await verificationKey(this);
			if (isRefusal(key)) {
				throw new NodeOperationError(this.getNode(), `Verification Key: ${key.reason}`);
			}
			const maxAge = maxAgeMs(this);
			if (isRefusal(maxAge)) {
				throw new NodeOperationError(this.getNode(), maxAge.reason);
			}
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			return true;
		},
	},
};
