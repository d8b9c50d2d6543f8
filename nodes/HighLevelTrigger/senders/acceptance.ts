import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { acceptFromOf, authenticationOf, listedIds } from '../webhook/settings';
import { notForAccount, notListed } from './account';
import { credentialAccount } from './credentialAccount';

/** Accept Events For, as a check of one signed event: why it is not for this user, or undefined when it is. */
export function senderCheck(context: IWebhookFunctions, triggerKey: string): (event: IDataObject) => Promise<string | undefined> {
	const acceptFrom = acceptFromOf(context);
	if (acceptFrom === 'anyAccount') {
		return async () => undefined;
	}
	if (acceptFrom === 'theseIds') {
		const ids = listedIds(context);
		return async (event) => notListed(event, ids);
	}
	return async (event) => {
		const account = await credentialAccount(context, authenticationOf(context), triggerKey);
		return typeof account === 'string' ? account : await notForAccount(event, account);
	};
}
