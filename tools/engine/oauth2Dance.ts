/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
import { ClientOAuth2, type ClientOAuth2Options, type ClientOAuth2Token, type ClientOAuth2TokenData } from '@n8n/client-oauth2';
import type { ICredentialDataDecryptedObject, ICredentialType } from 'n8n-workflow';

import { resolveCredentialData } from './credentialData';

export type { ClientOAuth2TokenData } from '@n8n/client-oauth2';

/** n8n's OAuth2 callback URL (what its credential UI registers with the provider). */
export const N8N_CALLBACK_URL = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';

export interface Dance {
	/** the authorize URL n8n sends the browser to */
	authorizeUrl: string;
	/** n8n's half of the callback: exchanges the code in the provider's redirect and returns the token answer */
	callback(redirectedTo: string): Promise<ClientOAuth2Token>;
	/** n8n-core's refresh with the stored token answer */
	refresh(tokenData: ClientOAuth2TokenData): Promise<ClientOAuth2Token>;
}

/**
 * The OAuth2 dance as n8n runs it for a credential (controllers/oauth/oauth2-credential.controller and n8n-core's
 * refresh), on @n8n/client-oauth2 with the credential's URLs resolved as n8n resolves them.
 */
export async function startDance(type: ICredentialType, data: ICredentialDataDecryptedObject, state = 'n8n-state'): Promise<Dance> {
	const credential = await resolveCredentialData(type, data);
	const scope = String(credential.scope ?? '');
	const options: ClientOAuth2Options = {
		clientId: String(credential.clientId),
		clientSecret: String(credential.clientSecret),
		accessTokenUri: String(credential.accessTokenUrl),
		authorizationUri: String(credential.authUrl),
		authentication: 'body',
		redirectUri: N8N_CALLBACK_URL,
		scopes: scope.split(' '),
		scopesSeparator: ' ',
	};
	const extraBody = JSON.parse(String(credential.additionalBodyProperties ?? '{}')) as Record<string, string>;
	return {
		authorizeUrl: new ClientOAuth2(options).code.getUri({ state }),
		callback: async (redirectedTo) => {
			const { clientSecret, ...withoutSecret } = options;
			const body = { ...extraBody, client_id: options.clientId, client_secret: clientSecret };
			return new ClientOAuth2(withoutSecret).code.getToken(redirectedTo, { body, state });
		},
		refresh: async (tokenData) => new ClientOAuth2({ ...options, additionalBodyProperties: extraBody }).createToken(tokenData).refresh(),
	};
}
