import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { AGENCY_APP } from './tokens/agencyApp';
import { checkBaseUrl } from './baseUrl';
import type { RequestSettings } from './requestSettings';

export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions;

export type Authentication = 'privateIntegrationToken' | 'oAuth2' | 'agencyOAuth2';

export function credentialTypeFor(authentication: Authentication): string {
	if (authentication === 'oAuth2') return 'highLevelCalendarsOAuth2Api';
	if (authentication === 'agencyOAuth2') return 'highLevelCalendarsAgencyOAuth2Api';
	return 'highLevelCalendarsApi';
}

/** Where an agency connection gets each location's token. */
export interface LocationTokenSource {
	tokenFor(settings: RequestSettings): Promise<string>;
	/** HighLevel refused the token. */
	refused(settings: RequestSettings, token: string): void;
}

/** What every request of one execution shares: the credential, its base URL and its location. */
export interface Connection {
	credentialType: string;
	baseUrl: string;
	defaultLocationId: string;
	/** The credential's tokens, to keep them out of errors. */
	tokens: string[];
	/** Agency credentials: the company, whose token mints each location's token. */
	companyId?: string;
	/** Agency credentials: the group routes take the location's token, not the credential's. */
	locationTokens?: LocationTokenSource;
	/** An execution's requests: Max Requests In Flight at once, spread over the round trip (SendSpacing). */
	spacing?: { enter(): Promise<void>; turn(): Promise<number>; answered(sentAt: number): void };
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
	const tokenData = (credentials.oauthTokenData ?? {}) as { locationId?: unknown; companyId?: unknown; userType?: unknown };
	const connection: Connection = {
		credentialType,
		baseUrl: target.url,
		defaultLocationId: '',
		tokens: tokensOf(credentials),
	};
	if (authentication !== 'agencyOAuth2') {
		const location = credentials.locationId ?? tokenData.locationId;
		return { ...connection, defaultLocationId: typeof location === 'string' ? location.trim() : '' };
	}
	if (tokenData.userType !== 'Company' || typeof tokenData.companyId !== 'string' || tokenData.companyId === '') {
		throw new NodeOperationError(ctx.getNode(), 'The agency credential holds no agency (Company) token', {
			description: `Connect it as the agency admin through ${AGENCY_APP}. For a single sub-account, use an "OAuth2" or "Private Integration Token" credential instead.`,
		});
	}
	return { ...connection, companyId: tokenData.companyId };
}
