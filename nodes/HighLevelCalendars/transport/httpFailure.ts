/** What a failed request left behind: the error n8n's request helper threw, or an answer without its result. */
export interface HttpFailure {
	status?: number;
	body?: unknown;
	headers: Record<string, string>;
	networkCode?: string;
	/** What a successful answer should have carried and did not. */
	lacks?: string;
	/**
	 * HighLevel answered 401 (so did nothing) and n8n's refresh of the OAuth2 token was then refused by the token
	 * endpoint: `status` and `body` are the token endpoint's.
	 */
	refreshRefused?: boolean;
}

interface ResponseLike {
	status?: unknown;
	statusCode?: unknown;
	data?: unknown;
	body?: unknown;
	headers?: unknown;
}

interface ErrorLike {
	httpCode?: unknown;
	code?: unknown;
	/** The OAuth2 client's errors (codes ESTATUS, EAUTH) carry the token endpoint's answer as status and body. */
	status?: unknown;
	body?: unknown;
	/** n8n's error: what its causes said. */
	messages?: unknown;
	cause?: ErrorLike & { response?: ResponseLike };
	response?: ResponseLike;
	context?: { data?: unknown };
}

export function lowerCaseHeaders(raw: unknown): Record<string, string> {
	const headers: Record<string, string> = {};
	if (raw && typeof raw === 'object') {
		for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
			if (value !== undefined && value !== null) headers[name.toLowerCase()] = String(value);
		}
	}
	return headers;
}

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

/** The errors n8n's OAuth2 client throws, only for the token endpoint's refusals. */
const OAUTH_CLIENT_CODES = ['ESTATUS', 'EAUTH'];

/**
 * The token endpoint's refusal of n8n's refresh: n8n 2.x keeps the OAuth2 client's error as the cause; n8n 1.x keeps
 * only its words ("HTTP status 400", or the OAuth error's description with the code EAUTH as httpCode).
 */
function refreshRefusal(failure: ErrorLike): HttpFailure | undefined {
	const cause = failure.cause;
	if (cause && OAUTH_CLIENT_CODES.includes(String(cause.code)) && !cause.response) {
		const status = Number(cause.status);
		return { status: status > 0 ? status : undefined, body: parseBody(cause.body), headers: {}, refreshRefused: true };
	}
	const messages = Array.isArray(failure.messages) ? failure.messages.map(String) : [];
	if (failure.httpCode === 'EAUTH') return { body: messages[0], headers: {}, refreshRefused: true };
	if (failure.context?.data === undefined && messages.includes(`HTTP status ${String(failure.httpCode)}`)) {
		return { status: Number(failure.httpCode), headers: {}, refreshRefused: true };
	}
	return undefined;
}

export function readHttpFailure(error: unknown): HttpFailure {
	const failure = (error ?? {}) as ErrorLike;
	const refusal = refreshRefusal(failure);
	if (refusal) return refusal;
	const response = failure.cause?.response ?? failure.response;
	const status = Number(response?.status ?? response?.statusCode ?? failure.httpCode);
	const networkCode = failure.cause?.code ?? failure.code;
	return {
		status: Number.isInteger(status) && status > 0 ? status : undefined,
		body: parseBody(response?.data ?? response?.body ?? failure.context?.data),
		headers: lowerCaseHeaders(response?.headers),
		networkCode: typeof networkCode === 'string' ? networkCode : undefined,
	};
}

/** HighLevel's own words: `message` (a string, or the array a 422 carries), then `error`. */
export function highLevelMessage(body: unknown): string | undefined {
	if (typeof body === 'string') return body.trim() || undefined;
	if (!body || typeof body !== 'object') return undefined;
	const { message, error } = body as { message?: unknown; error?: unknown };
	if (Array.isArray(message)) return message.map(String).join('; ');
	if (typeof message === 'string' && message.trim()) return message;
	if (typeof error === 'string' && error.trim()) return error;
	return undefined;
}
