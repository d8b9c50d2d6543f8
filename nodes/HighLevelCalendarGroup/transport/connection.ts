import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
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
	/** The credential's tokens, to keep them out of errors. */
	tokens: string[];
}

function tokensOf(credentials: IDataObject): string[] {
	const tokenData = (credentials.oauthTokenData ?? {}) as IDataObject;
	return [credentials.accessToken, tokenData.access_token, tokenData.refresh_token].filter(
		(token): token is string => typeof token === 'string' && token !== '',
	);
}

export async function loadConnection(ctx: RequestContext, authentication: Authentication): Promise<Connection> {
	const credentialType = credentialTypeFor(authentication);
	const credentials = await ctx.getCredentials(credentialType);
	const target = checkBaseUrl(credentials.baseUrl);
	if ('refused' in target) {
		throw new NodeOperationError(ctx.getNode(), target.refused, {
			description: 'Fix the Base URL in the credential, or leave it empty for HighLevel itself',
		});
	}
	const tokenData = (credentials.oauthTokenData ?? {}) as { locationId?: unknown };
	const location = credentials.locationId ?? tokenData.locationId;
	return {
		credentialType,
		baseUrl: target.url,
		defaultLocationId: typeof location === 'string' ? location.trim() : '',
		tokens: tokensOf(credentials),
	};
}
