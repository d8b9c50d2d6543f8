import type { INodeProperties } from 'n8n-workflow';

export const DEFAULT_BASE_URL = 'https://services.leadconnectorhq.com';

/** The credentials' Base URL field: HighLevel itself unless a test server (the sandbox) is wanted. */
export const baseUrlProperty: INodeProperties = {
	displayName: 'Base URL',
	name: 'baseUrl',
	type: 'string',
	default: DEFAULT_BASE_URL,
	description: 'Only change this to reach a test server. HTTPS is required, except for localhost.',
};

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The token may only travel over HTTPS, or over plain HTTP to this machine's own loopback
 * (the local sandbox). Returns the URL without a trailing slash, or a reason it is refused.
 */
export function checkBaseUrl(raw: unknown): { url: string } | { refused: string } {
	const text = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : DEFAULT_BASE_URL;
	let parsed: URL;
	try {
		parsed = new URL(text);
	} catch {
		return { refused: `The Base URL "${text}" is not a valid URL` };
	}
	const isLoopback = LOOPBACK_HOSTS.test(parsed.hostname);
	if (parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopback)) {
		return { url: text.replace(/\/+$/, '') };
	}
	return {
		refused: `The Base URL "${text}" is refused: the token is only sent over https (plain http is accepted for localhost, 127.x.x.x and [::1] only)`,
	};
}

/** A test server on this machine, as source for n8n expressions (the same hosts as LOOPBACK_HOSTS). */
const LOOPBACK_URL_SOURCE = String.raw`/^https?:\/\/(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?\/*$/i`;
const TRIMMED = (field: string) => `String(${field} ?? "").trim()`;
const WITHOUT_SLASH = (field: string) => `${TRIMMED(field)}.replace(/\\/+$/, "")`;

/**
 * An n8n expression over a credential's own fields ($self): the Base URL followed by `path` when the Base URL is a
 * test server on this machine (the sandbox), else `otherwise` (an expression). HighLevel's own URLs stay as they are.
 */
function testServerUrl(path: string, otherwise: string): string {
	const field = '$self["baseUrl"]';
	return `={{ ${LOOPBACK_URL_SOURCE}.test(${TRIMMED(field)}) ? ${WITHOUT_SLASH(field)} + "${path}" : ${otherwise} }}`;
}

/** Where the OAuth2 credentials get and refresh tokens: HighLevel's token endpoint, or the test server's. */
export const ACCESS_TOKEN_URL = testServerUrl('/oauth/token', `"${DEFAULT_BASE_URL}/oauth/token"`);

/** Where an admin approves the app: the chosen marketplace (field `marketplace`), or the test server's page. */
export const AUTHORIZE_URL = testServerUrl('/oauth/chooselocation', '$self["marketplace"]');

/**
 * The OAuth2 credentials' Base URL for their test request ($credentials): HTTPS, or a test server on this machine;
 * anything else yields an unreachable `.invalid` host whose name says why, so the token never travels in plain text
 * (the node itself refuses such a Base URL with the full message).
 */
export const CREDENTIAL_TEST_BASE_URL = (() => {
	const field = '$credentials.baseUrl';
	const allowed = `/^https:\\/\\//i.test(${TRIMMED(field)}) || ${LOOPBACK_URL_SOURCE}.test(${TRIMMED(field)})`;
	return `={{ ${allowed} ? ${WITHOUT_SLASH(field)} : "https://base-url-must-be-https.invalid" }}`;
})();
