export const DEFAULT_API_VERSION = '2021-04-15';
export const API_VERSIONS = [DEFAULT_API_VERSION, 'v3'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

export const DEFAULT_MAX_RETRIES = 5;
export const DEFAULT_TIMEOUT_MS = 30_000;

/** The Options an operation's requests read: the Version header, retries and timeout. */
export interface RequestOptions {
	apiVersion?: ApiVersion;
	maxRetries?: number;
	timeoutMs?: number;
}

/** Where and how one item's requests go. */
export interface RequestSettings {
	locationId: string;
	version: ApiVersion;
	maxRetries: number;
	timeoutMs: number;
}

export function requestSettings(locationId: string, options: RequestOptions = {}): RequestSettings {
	return {
		locationId,
		version: options.apiVersion ?? DEFAULT_API_VERSION,
		maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
		timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
	};
}
