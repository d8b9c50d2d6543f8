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
