import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { AGENCY_APP } from './agencyApp';

/** Why HighLevel gave no token for a location, in words an agency can act on. */
function explain(status: string, said: string, locationId: string): { message: string; description: string } {
	const lower = said.toLowerCase();
	if (status === '401' && lower.includes('scope')) {
		return {
			message: `The agency credential may not mint location tokens, asked for sub-account "${locationId}" (HighLevel: ${said})`,
			description:
				'Add the scopes oauth.write and oauth.readonly (the credential asks for both) to the agency app in the HighLevel Marketplace, then reconnect the agency credential.',
		};
	}
	if (status === '401') {
		return {
			message: `HighLevel refused the agency token while minting a token for sub-account "${locationId}" (HighLevel: ${said})`,
			description: `Reconnect the agency credential as the agency admin. It needs ${AGENCY_APP}, not an install by a sub-account.`,
		};
	}
	if (lower.includes('install')) {
		return {
			message: `The app is not installed in sub-account "${locationId}" (HighLevel: ${said})`,
			description:
				'Install the app in that sub-account (HighLevel Marketplace > the app > Install), or reinstall it for the agency with "all sub-accounts" and "future sub-accounts" so new ones get it at once.',
		};
	}
	return {
		message: `Sub-account "${locationId}" is not reachable with this agency credential (HighLevel: ${said})`,
		description:
			"Check the Location ID mapped to this item: the agency credential reaches only its own agency's sub-accounts.",
	};
}

/** The error each item of a location gets when its token could not be minted (a new one per item). */
export function mintError(node: INode, cause: NodeApiError, locationId: string): NodeApiError {
	const explained = cause.httpCode ? explain(cause.httpCode, cause.message, locationId) : undefined;
	const message = explained?.message ?? cause.message;
	return new NodeApiError(node, { message } as JsonObject, {
		httpCode: cause.httpCode ?? undefined,
		message,
		description: explained?.description ?? cause.description ?? undefined,
	});
}
