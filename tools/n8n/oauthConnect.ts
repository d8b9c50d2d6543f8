/**
 * The OAuth2 dance through n8n's REST API, as the credential UI runs it: create the credential, ask n8n for the
 * authorize URL (`GET /rest/oauth2-credential/auth`), open it (the provider approves at once and redirects), and hand
 * the redirect to n8n's callback with the owner's cookie; n8n exchanges the code and stores `oauthTokenData`.
 */
import type { Editor, RestAnswer } from './editor';
import type { Answers } from './restCredentials';

/** n8n listens on 127.0.0.1; the URLs it builds name localhost. */
const onLoopback = (url: string) => url.replace('://localhost:', '://127.0.0.1:');

async function follow(url: string, headers: Record<string, string> = {}): Promise<{ status: number; location?: string; text: string }> {
	const response = await fetch(onLoopback(url), { headers, redirect: 'manual', signal: AbortSignal.timeout(60000) });
	return { status: response.status, location: response.headers.get('location') ?? undefined, text: await response.text() };
}

/** Runs the dance for a stored OAuth2 credential; returns n8n's callback page (it says whether the exchange worked). */
export async function connectOAuth2(editor: Editor, credentialId: string, answers: Answers): Promise<RestAnswer> {
	const auth = await editor.rest('GET', `/rest/oauth2-credential/auth?id=${encodeURIComponent(credentialId)}`);
	answers.push({ what: 'GET /rest/oauth2-credential/auth', text: auth.text });
	if (auth.status !== 200 || typeof auth.json?.data !== 'string') {
		throw new Error(`n8n gave no authorize URL: HTTP ${auth.status} ${auth.text.slice(0, 300)}`);
	}
	const approved = await follow(auth.json.data as string);
	answers.push({ what: 'the authorize page', text: approved.text || String(approved.location) });
	if (approved.status !== 302 || !approved.location) {
		throw new Error(`the authorize page did not redirect: HTTP ${approved.status} ${approved.text.slice(0, 300)}`);
	}
	const callback = await follow(approved.location, { cookie: editor.cookie, 'browser-id': 'n8n-tools' });
	answers.push({ what: 'GET /rest/oauth2-credential/callback', text: callback.text });
	return { status: callback.status, text: callback.text };
}
