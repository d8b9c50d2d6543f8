/** HighLevel's answer bodies: the shapes of its common schemas, with the sandbox's messages. */

export interface Answer {
	status: number;
	/** undefined: an empty body (redirects) */
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
	// UNVERIFIED: HighLevel's wording for a calendar it does not find, and for a groupId of no group of the location
	calendarNotFound: 'Calendar not found',
	calendarGroupNotFound: 'Calendar group not found in this location',
	slugExists: 'Slug already exists',
	// Bookings. Reported by integrators (second-hand, /work/shared/notes/highlevel-bookings.md and public code that
	// handles HighLevel's answer): a taken or off-grid slot is a 400 with this message.
	slotUnavailable: 'The slot you have selected is no longer available.',
	// the spec's own words (the field descriptions of get-calendar-events / get-slots / create-appointment); HighLevel's
	// status (400 here) and exact wording for these refusals are UNVERIFIED
	eventsFilterRequired: 'Either of userId, groupId or calendarId is required',
	freeSlotsRange: 'Date range cannot be more than 31 days',
	rruleNeedsIgnoreFreeSlotValidation: 'The rrule only be applied if ignoreFreeSlotValidation is true.',
	// UNVERIFIED: HighLevel's status and wording for an unknown contact, appointment, event or note, for dates it cannot
	// read, an end before the start, and an unknown time zone
	contactNotFound: 'Contact not found',
	appointmentNotFound: 'Appointment not found',
	eventNotFound: 'Event not found',
	noteNotFound: 'Note not found',
	invalidDate: (field: string) => `${field} must be an ISO 8601 date`,
	invalidMillis: (field: string) => `${field} must be epoch milliseconds`,
	endBeforeStart: 'endTime must be after startTime',
	endDateBeforeStartDate: 'endDate must be after startDate',
	timesRequired: 'startTime and endTime are required',
	invalidTimeZone: 'timezone must be an IANA time zone',
	bodyRequired: 'Request body is required',
	bodyNotAllowed: 'This operation takes no request body',
	invalidJson: 'Request body is not valid JSON',
	tooManyRequests: 'Too many requests',
	dailyLimit: 'Daily request limit exceeded',
	notFound: 'Not found',
	// OAuth: the token server's messages follow node-oauth2-server, whose "Invalid token: access token is invalid"
	// HighLevel answers too; the other texts are UNVERIFIED.
	authClassNotAllowed: 'This authClass type is not allowed to access this scope. Please reach out to the Platform team to get it added.',
	invalidClient: 'Invalid client: client is invalid',
	invalidCode: 'Invalid grant: authorization code is invalid',
	invalidRefreshToken: 'Invalid grant: refresh token is invalid',
	unsupportedGrant: 'Unsupported grant type: `grant_type` is invalid',
	companyForbidden: 'The token does not have access to this company',
	appForbidden: 'The token does not have access to this app',
	locationNotInCompany: 'Location not found in this company',
	appNotInstalled: 'The app is not installed in this location',
	unknownClient: 'Invalid client_id',
	invalidRedirectUri: 'redirect_uri must be an absolute http(s) URL',
	responseTypeCode: 'response_type must be code',
	tokenVersionNotSimulated: 'The sandbox simulates /oauth/token as the 2021-07-28 spec has it: no Version header (v3 is not simulated)',
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

/** 302 to `location` (the authorize page sends the browser back to the app). */
export function redirect(location: string): Answer {
	return { status: 302, body: undefined, headers: { Location: location } };
}

/** `Missing parameter: \`code\`` and the like. */
export function missingParameter(name: string): Answer {
	return badRequest(`Missing parameter: \`${name}\``);
}
