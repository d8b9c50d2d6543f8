import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { parseEd25519PublicKey } from '../verification/ed25519';
import { isRefusal } from '../verification/refusal';
import { secretProblem } from './settings';

/** No HighLevel endpoint checks these credentials: the tests check what the trigger will use them for. */
export const credentialTests = {
	async webhookKeyTest(
		this: ICredentialTestFunctions,
		credential: ICredentialsDecrypted,
	): Promise<INodeCredentialTestResult> {
		const key = parseEd25519PublicKey(String(credential.data?.publicKey ?? ''));
		return isRefusal(key)
			? { status: 'Error', message: `Not usable: ${key.reason}` }
			: { status: 'OK', message: 'An Ed25519 public key' };
	},
	async webhookSecretTest(
		this: ICredentialTestFunctions,
		credential: ICredentialsDecrypted,
	): Promise<INodeCredentialTestResult> {
		const problem = secretProblem({
			headerName: String(credential.data?.headerName ?? '').trim(),
			secret: String(credential.data?.secret ?? ''),
		});
		return problem ? { status: 'Error', message: problem } : { status: 'OK', message: 'Usable' };
	},
};
