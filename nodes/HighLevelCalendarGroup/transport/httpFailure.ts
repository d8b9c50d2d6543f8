/** What a failed request left behind: the error n8n's request helper threw, or an answer without its result. */
export interface HttpFailure {
	status?: number;
	body?: unknown;
	headers: Record<string, string>;
	networkCode?: string;
	/** What a successful answer should have carried and did not. */
	lacks?: string;
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

export function readHttpFailure(error: unknown): HttpFailure {
	const failure = (error ?? {}) as ErrorLike;
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
