import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { checkBaseUrl } from './baseUrl';

export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions;

export type Authentication = 'privateIntegrationToken' | 'oAuth2';

export function credentialTypeFor(authentication: Authentication): string {
	return authentication === 'oAuth2' ? 'highLevelCalendarsOAuth2Api' : 'highLevelCalendarsApi';
}

/** What every request of one execution shares: the credential, its base URL and its location. */
export interface Connection {
	credentialType: string;
	baseUrl: string;
	defaultLocationId: string;
}

export async function loadConnection(
	ctx: RequestContext,
	authentication: Authentication,
	itemIndex = 0,
): Promise<Connection> {
	const credentialType = credentialTypeFor(authentication);
	const credentials = await ctx.getCredentials(credentialType, itemIndex);
	const target = checkBaseUrl(credentials.baseUrl);
	if ('refused' in target) {
		throw new NodeOperationError(ctx.getNode(), target.refused, {
			itemIndex,
			description: 'Fix the Base URL in the credential, or leave it empty for HighLevel itself',
		});
	}
	const tokenData = (credentials.oauthTokenData ?? {}) as { locationId?: unknown };
	const location = credentials.locationId ?? tokenData.locationId;
	return {
		credentialType,
		baseUrl: target.url,
		defaultLocationId: typeof location === 'string' ? location.trim() : '',
	};
}
