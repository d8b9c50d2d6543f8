import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { HttpFailure } from './httpFailure';
import { highLevelMessage } from './httpFailure';
import { redactTokens } from './redact';

export interface FailedCall {
	scope: string;
	locationId?: string;
	baseUrl: string;
	/** Taken out of anything HighLevel's answer echoes. */
	tokens: string[];
	/** Sent with a location token minted with the agency's token (a refused one is minted again once first). */
	locationToken?: boolean;
}

function unauthorizedFix(message: string, call: FailedCall): string {
	const lower = message.toLowerCase();
	if (lower.includes('scope') && call.locationToken) {
		return `The sub-account's token does not have the scope "${call.scope}". Add it to the agency app in the HighLevel Marketplace, then reconnect the agency credential.`;
	}
	if (lower.includes('scope')) {
		return `The token does not have the scope "${call.scope}". Add it to the Private Integration Token (Settings > Private Integrations), or reconnect the OAuth2 credential so it is granted.`;
	}
	if (lower.includes('version')) {
		return 'HighLevel refused the Version header. Set Options > API Version to 2021-04-15 or v3.';
	}
	if (lower.includes('route')) {
		return `HighLevel does not serve this route at ${call.baseUrl}. Check the credential's Base URL.`;
	}
	if (call.locationToken) {
		return `Check in HighLevel that the agency app is still installed in sub-account "${call.locationId ?? ''}" (HighLevel Marketplace > the app), then reconnect the agency credential and run the item again.`;
	}
	return 'The token is invalid, expired or revoked. Paste a current Private Integration Token into the credential, or reconnect the OAuth2 credential.';
}

function describeFix(status: number, message: string, failure: HttpFailure, call: FailedCall): string {
	if (status === 400) return 'HighLevel rejected the request as malformed. Check the values of the fields named in the message.';
	if (status === 401) return unauthorizedFix(message, call);
	if (status === 403) {
		return `The token may not act on location "${call.locationId ?? ''}". Use a token of that sub-account, or correct the Location ID.`;
	}
	if (status === 404) return 'HighLevel found nothing there. Check the group or calendar ID, or pick it from the list.';
	if (status === 422) return 'HighLevel refused the data. If a slug is taken, choose another or set Options > If Slug Is Taken.';
	if (status === 429) {
		if (failure.headers['x-ratelimit-daily-remaining'] === '0') {
			return 'The daily request budget of this location is spent. It renews within 24 hours; run the rest of the workflow later.';
		}
		const max = failure.headers['x-ratelimit-max'] ?? '100';
		const seconds = Number(failure.headers['x-ratelimit-interval-milliseconds'] ?? 10_000) / 1000;
		return `HighLevel allows ${max} requests per ${seconds} seconds per app and location, and this was still over it after the node's retries. Raise Options > Max Retries, or spread the work over time.`;
	}
	return 'HighLevel had a problem answering. Try again in a moment; if it persists, check status.gohighlevel.com.';
}

export function apiErrorFromFailure(node: INode, failure: HttpFailure, call: FailedCall): NodeApiError {
	if (failure.refreshRefused) {
		const said = highLevelMessage(failure.body) ?? (failure.status ? `status ${failure.status}` : 'no reason given');
		const message = `The OAuth2 token could not be refreshed (HighLevel's token endpoint: ${redactTokens(said, call.tokens)})`;
		return new NodeApiError(node, { message } as JsonObject, {
			message,
			description:
				'HighLevel refresh tokens work once. Another request or workflow may have used it at the same moment, or the app was uninstalled. Reconnect the credential (open it and click Reconnect). On n8n before 2.x, set Options > Max Requests In Flight to 1 for bulk runs with OAuth2.',
		});
	}
	if (failure.lacks !== undefined) {
		const body = redactTokens(JSON.stringify(failure.body ?? null), call.tokens);
		return new NodeApiError(node, { body } as JsonObject, {
			message: `HighLevel answered without ${failure.lacks}`,
			description: "The request may have succeeded: check the location's groups or calendars before running the item again",
		});
	}
	if (failure.status === undefined) {
		const reason = failure.networkCode ?? 'no answer';
		return new NodeApiError(node, { reason } as JsonObject, {
			message: `Could not reach HighLevel at ${call.baseUrl}`,
			description: `The connection failed (${reason}). Check the network and the Base URL of the credential, then run the node again.`,
		});
	}
	const said = highLevelMessage(failure.body);
	const answered = said ? redactTokens(said, call.tokens) : `HighLevel answered with status ${failure.status}`;
	const message =
		failure.status === 401 && call.locationToken
			? `HighLevel refused the token of sub-account "${call.locationId ?? ''}", also the one minted again right after (HighLevel: ${answered})`
			: answered;
	const response: JsonObject = { statusCode: failure.status, message };
	return new NodeApiError(node, response, {
		httpCode: String(failure.status),
		message,
		description: describeFix(failure.status, answered, failure, call),
	});
}
