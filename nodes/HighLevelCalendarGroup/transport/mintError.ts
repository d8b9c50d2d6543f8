import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** Why HighLevel gave no token for a location, in words an agency can act on. */
function explain(status: string, said: string, locationId: string): { message: string; description: string } {
	const lower = said.toLowerCase();
	if (status === '401' && lower.includes('scope')) {
		return {
			message: `The agency credential may not mint location tokens (HighLevel: ${said})`,
			description:
				'Add the scope oauth.write to the agency app in the HighLevel Marketplace, then reconnect the agency credential.',
		};
	}
	if (status === '401') {
		return {
			message: `HighLevel refused the agency token while minting a token for sub-account "${locationId}" (HighLevel: ${said})`,
			description:
				'Reconnect the agency credential. It needs an agency-level app (Distribution: Agency) installed by the agency, not a sub-account install.',
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
