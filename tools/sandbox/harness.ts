/* eslint-disable @n8n/community-nodes/no-restricted-globals -- Node-only tooling: runs in Node, never inside n8n */
/** Test helper: real HTTP calls to a sandbox; every answer is checked against the contract on the way back. */
import { API_VERSIONS, FORM_CONTENT_TYPE, routeRequest, validateRequest, validateResponse } from '../contract/openapi';
import { AppointmentRecord, DEFAULT_CONTACTS, DEFAULT_TOKENS, Sandbox } from './server';

export const [DEMO, READONLY, OTHER] = DEFAULT_TOKENS.map((t) => t.token);
export const LOCATION = 'sandboxLocation0001';
export const OTHER_LOCATION = 'sandboxLocation0002';
/** a contact every seeded sub-account has */
export const CONTACT = DEFAULT_CONTACTS[0].id as string;
/** Every day, 9:00 to 17:00 in the location's time zone. */
export const OPEN_EVERY_DAY = [{ daysOfTheWeek: [0, 1, 2, 3, 4, 5, 6], hours: [{ openHour: 9, openMinute: 0, closeHour: 17, closeMinute: 0 }] }];

export const RATE_LIMIT_HEADERS = [
	'x-ratelimit-limit-daily',
	'x-ratelimit-daily-remaining',
	'x-ratelimit-interval-milliseconds',
	'x-ratelimit-max',
	'x-ratelimit-remaining',
];

export interface CallOptions {
	/** bearer token; null = no Authorization header */
	token?: string | null;
	/** Version header; null = none */
	version?: string | null;
	query?: Record<string, string>;
	/** sent as JSON with content-type application/json */
	body?: unknown;
	/** sent form-encoded (the OAuth routes) */
	form?: Record<string, string>;
	/** raw body text (content-type only from `headers`) */
	rawBody?: string;
	headers?: Record<string, string>;
}

export interface CallResult {
	status: number;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	body: any;
	headers: Headers;
}

export async function call(sandbox: Sandbox, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
	const headers: Record<string, string> = { accept: 'application/json' };
	const token = options.token === undefined ? DEMO : options.token;
	const version = options.version === undefined ? API_VERSIONS[0] : options.version;
	if (token !== null) headers.authorization = `Bearer ${token}`;
	if (version !== null) headers.version = version;
	let body: string | undefined = options.rawBody;
	if (options.body !== undefined) {
		body = JSON.stringify(options.body);
		headers['content-type'] = 'application/json';
	}
	if (options.form !== undefined) {
		body = new URLSearchParams(options.form).toString();
		headers['content-type'] = FORM_CONTENT_TYPE;
	}
	const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
	const response = await fetch(`${sandbox.url}${path}${query}`, { method, headers: { ...headers, ...options.headers }, body });
	const text = await response.text();
	const result: CallResult = { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
	expectValidAnswer(method, path, version, result);
	return result;
}

/** Every API answer carries the rate-limit headers and matches the contract for its operation. */
function expectValidAnswer(method: string, path: string, version: string | null, result: CallResult): void {
	for (const name of RATE_LIMIT_HEADERS) expect(result.headers.get(name)).toMatch(/^\d+$/);
	expect(result.headers.get('content-type')).toMatch(/^application\/json/);
	const operation = routeRequest(method, path, version ?? undefined);
	if (operation) {
		expect(validateResponse(operation, result.status, result.body)).toEqual([]);
	} else {
		expect(result.status).toBe(401);
		expect(result.body).toEqual({ statusCode: 401, message: expect.any(String), error: 'Unauthorized' });
	}
}

export function groupBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return { locationId: LOCATION, name: 'Sales team', description: 'Demo calls', slug: 'sales-team', ...overrides };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every request the sandbox received (the node's), held against the official OpenAPI file of its Version; returns them. */
export function expectRequestsValid(sandbox: Sandbox) {
	const requests = sandbox.requests();
	expect(requests.length).toBeGreaterThan(0);
	for (const request of requests) {
		expect({ request: `${request.method} ${request.path}`, errors: validateRequest(request).errors }).toEqual({
			request: `${request.method} ${request.path}`,
			errors: [],
		});
	}
	return requests;
}

/** A calendar open every day 9:00 to 17:00 with 30-minute slots (fields override); returns it. */
export async function bookableCalendar(sandbox: Sandbox, fields: Record<string, unknown> = {}, options: CallOptions = {}) {
	const body = { locationId: LOCATION, name: 'Consultation', calendarType: 'event', slotDuration: 30, slotInterval: 30, openHours: OPEN_EVERY_DAY, ...fields };
	const answer = await call(sandbox, 'POST', '/calendars/', { ...options, body });
	if (answer.status !== 200) throw new Error(`calendar not created: ${answer.status} ${JSON.stringify(answer.body)}`);
	return answer.body.calendar as { id: string; locationId: string } & Record<string, unknown>;
}

/** A booking body for the seeded contact (fields override). */
export function appointmentBody(calendarId: string, startTime: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return { calendarId, locationId: LOCATION, contactId: CONTACT, startTime, ...overrides };
}

/** The location's appointments as the sandbox stores them. */
export function appointmentsOf(sandbox: Sandbox, locationId = LOCATION): AppointmentRecord[] {
	return sandbox.state().appointments[locationId] ?? [];
}
