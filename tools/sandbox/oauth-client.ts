/**
 * The app's side of the OAuth dance against a sandbox, over HTTP (for tests, the bench and the demo): open the
 * authorize page, take the code from its redirect, exchange it; refresh; mint a location token.
 */
import { AppRecord } from './agency';

export const REDIRECT_URI = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';

export interface TokenAnswer {
	status: number;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	body: any;
}

/** The authorize page's URL as an OAuth client builds it; `picks` are the sandbox_* choices (see oauth-authorize.ts). */
export function authorizeUrl(baseUrl: string, app: AppRecord, picks: Record<string, string> = {}, state = 'state-1'): string {
	const query = new URLSearchParams({ response_type: 'code', client_id: app.clientId, redirect_uri: REDIRECT_URI, scope: app.scopes.join(' '), state, ...picks });
	return `${baseUrl}/oauth/chooselocation?${query.toString()}`;
}

/** Opens the authorize page and returns where it redirects to. */
export async function approve(url: string): Promise<URL> {
	const answer = await fetch(url, { redirect: 'manual' });
	const location = answer.headers.get('location');
	if (answer.status !== 302 || !location) throw new Error(`the authorize page answered ${answer.status}: ${await answer.text()}`);
	return new URL(location);
}

export async function tokenRequest(baseUrl: string, form: Record<string, string>): Promise<TokenAnswer> {
	const answer = await fetch(`${baseUrl}/oauth/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
		body: new URLSearchParams(form).toString(),
	});
	return { status: answer.status, body: await answer.json() };
}

export function exchangeCode(baseUrl: string, app: AppRecord, code: string): Promise<TokenAnswer> {
	return tokenRequest(baseUrl, { client_id: app.clientId, client_secret: app.clientSecret, grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI });
}

export function refresh(baseUrl: string, app: AppRecord, refreshToken: string): Promise<TokenAnswer> {
	return tokenRequest(baseUrl, { client_id: app.clientId, client_secret: app.clientSecret, grant_type: 'refresh_token', refresh_token: refreshToken });
}

/** The whole dance: approve as `picks` say and exchange the code; throws unless it ends in a token answer. */
export async function connect(baseUrl: string, app: AppRecord, picks: Record<string, string> = {}): Promise<TokenAnswer['body']> {
	const code = (await approve(authorizeUrl(baseUrl, app, picks))).searchParams.get('code') ?? '';
	const answer = await exchangeCode(baseUrl, app, code);
	if (answer.status !== 200) throw new Error(`the code exchange answered ${answer.status}: ${JSON.stringify(answer.body)}`);
	return answer.body;
}

export async function mintLocationToken(baseUrl: string, companyToken: string, companyId: string, locationId: string): Promise<TokenAnswer> {
	const answer = await fetch(`${baseUrl}/oauth/locationToken`, {
		method: 'POST',
		headers: { authorization: `Bearer ${companyToken}`, version: '2021-07-28', 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
		body: new URLSearchParams({ companyId, locationId }).toString(),
	});
	return { status: answer.status, body: await answer.json() };
}
