/** HighLevel's answer bodies: the shapes of its common schemas, with the sandbox's messages. */

export interface Answer {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}

export const MESSAGES = {
	invalidToken: 'Invalid token: access token is invalid',
	routeNotSupported: 'This route is not yet supported by the IAM Service',
	scopeNotAuthorized: 'The token is not authorized for this scope.',
	versionMissing: 'version header was not found.',
	versionInvalid: 'version header is invalid',
	locationForbidden: 'The token does not have access to this location',
	groupNotFound: 'Group not found',
	slugExists: 'Slug already exists',
	bodyRequired: 'Request body is required',
	bodyNotAllowed: 'This operation takes no request body',
	invalidJson: 'Request body is not valid JSON',
	contentType: 'Content-Type must be application/json',
	tooManyRequests: 'Too many requests',
	dailyLimit: 'Daily request limit exceeded',
	notFound: 'Not found',
} as const;

const SERVER_ERRORS: Record<number, string> = {
	500: 'Internal server error',
	502: 'Bad gateway',
	503: 'Service unavailable',
};

export function success(status: number, body: unknown): Answer {
	return { status, body };
}

export function badRequest(message: string): Answer {
	return { status: 400, body: { statusCode: 400, message } };
}

export function unauthorized(message: string): Answer {
	return { status: 401, body: { statusCode: 401, message, error: 'Unauthorized' } };
}

export function forbidden(message: string): Answer {
	return { status: 403, body: { statusCode: 403, message, error: 'Forbidden' } };
}

export function notFound(message: string): Answer {
	return { status: 404, body: { statusCode: 404, message } };
}

/** 422: `message` is an array, as class-validator reports it. */
export function unprocessable(messages: string[]): Answer {
	return { status: 422, body: { statusCode: 422, message: messages, error: 'Unprocessable Entity' } };
}

export function tooManyRequests(message: string): Answer {
	return { status: 429, body: { statusCode: 429, message } };
}

export function serverError(status: number): Answer {
	return { status, body: { statusCode: status, message: SERVER_ERRORS[status] ?? SERVER_ERRORS[500] } };
}
