/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * A local stand-in for HighLevel's calendar-group, calendar and booking API (Version 2021-04-15 and v3) on 127.0.0.1.
 * This file is the HTTP plumbing only; the decisions are in pipeline.ts and the modules it uses.
 */
import * as http from 'http';
import { AddressInfo } from 'net';
import { FORM_CONTENT_TYPE, RecordedRequest } from '../contract/openapi';
import { AgencyDirectory, AgencySeed, AppRecord, InstallChoice, InstallRecord, LocationRecord, NewLocation, OTHER_AGENCY } from './agency';
import { DEFAULT_TOKENS, SandboxToken, bearerToken } from './auth';
import { InstallDefaults } from './oauth-authorize';
import { OAuthCounters, OAuthTokenOptions, OAuthTokens, RevokeFilter } from './oauth-tokens';
import { FaultInjector, FaultOptions } from './faults';
import { Outcome, handleRequest } from './pipeline';
import { WindowModel } from './burst-window';
import { DEFAULT_RATE_LIMIT, RateLimitConfig, RateLimiter } from './rate-limiter';
import { LoggedRequest, RequestLog, SandboxStats } from './request-log';
import { Answer, MESSAGES, badRequest, notFound, serverError, success } from './responses';
import { CalendarRecord, GroupRecord, LocationStore } from './store';
import { AppointmentRecord, BlockedSlotRecord, BookingStore, ContactInput, ContactRecord, DEFAULT_CONTACTS, NoteRecord } from './bookings';
import { announceChange, contactCreated } from './booking-webhooks';
import { announceLocation } from './location-webhooks';
import { EmitEvent, WebhookDelivery, WebhookRegistration, WebhookSender, WorkflowActionPost } from './webhooks';

export { DEFAULT_TOKENS } from './auth';
export type { SandboxToken } from './auth';
export { WINDOW_MODELS } from './burst-window';
export type { WindowModel } from './burst-window';
export type { CalendarRecord, GroupRecord } from './store';
export type { AppointmentRecord, BlockedSlotRecord, ContactInput, ContactRecord, NoteRecord } from './bookings';
export { DEFAULT_CONTACTS } from './bookings';
export type { LoggedRequest, SandboxStats } from './request-log';
export type { AgencySeed, AppRecord, InstallChoice, InstallRecord, LocationRecord, NewLocation } from './agency';
export type { OAuthCounters, RevokeFilter } from './oauth-tokens';
export type { InstallDefaults } from './oauth-authorize';
export type { EmitEvent, SignedEvent, WebhookDelivery, WebhookRegistration, WorkflowActionPost } from './webhooks';

export interface SandboxOptions {
	/** 0 = random free port; host is always 127.0.0.1 */
	port?: number;
	/** default: DEFAULT_TOKENS */
	tokens?: SandboxToken[];
	/** default 100 per 10000 ms in a fixed window, daily 200000, Retry-After (seconds, ceil) on 429s */
	rateLimit?: { max?: number; intervalMs?: number; daily?: number; retryAfter?: boolean; window?: WindowModel };
	/** added to every answer */
	latencyMs?: number;
	/** shares 0..1, deterministic from `seed` */
	faults?: FaultOptions;
	/** companies, sub-accounts and apps; default: DEFAULT_COMPANY with three sub-accounts, a sub-account app and an agency app */
	agency?: AgencySeed;
	/** access-token lifetime, refresh-token reuse detection, and what the authorize page picks (query parameters win) */
	oauth?: OAuthTokenOptions & { install?: InstallDefaults };
	/** epoch ms for token expiry and the rate-limit windows (a fake clock in tests); default Date.now */
	clock?: () => number;
}

export interface SandboxState {
	/** calendar groups per location */
	locations: Record<string, GroupRecord[]>;
	/** calendars per location (only locations that have some) */
	calendars: Record<string, CalendarRecord[]>;
	/** contacts, appointments and blocked slots per location, notes per appointment (only where there are some); times in epoch ms */
	contacts: Record<string, ContactRecord[]>;
	appointments: Record<string, AppointmentRecord[]>;
	blockedSlots: Record<string, BlockedSlotRecord[]>;
	notes: Record<string, NoteRecord[]>;
	/** rooms, equipment and calendar notifications per location (resource-store.ts) */
	resources: ReturnType<LocationStore['resources']['snapshot']>;
	/** v3 services, service locations and service bookings per location (service-store.ts) */
	services: ReturnType<LocationStore['services']['snapshot']>;
	/** users' availability schedules and calendars' own, per location (schedule-store.ts) */
	schedules: ReturnType<LocationStore['schedules']['snapshot']>;
	/** companies with their sub-accounts, apps (no secrets), installs */
	agency: ReturnType<AgencyDirectory['snapshot']>;
	/** code exchanges, refreshes, refused refresh reuses, mints (per location) */
	oauth: OAuthCounters;
	/** the apps' webhook URLs and every delivery (status, times) */
	webhooks: ReturnType<WebhookSender['snapshot']>;
}

export interface Sandbox {
	url: string;
	port: number;
	state(): SandboxState;
	requests(): LoggedRequest[];
	stats(): SandboxStats;
	/** the marketplace apps with their client ids and secrets (in process only) */
	apps(): AppRecord[];
	/** the user's app of that distribution (the first one) */
	app(distribution: AppRecord['distribution']): AppRecord;
	/** another agency's developer app (OTHER_AGENCY), whose deliveries the sandbox signs with the same key */
	otherAgencyApp(): AppRecord;
	/** the "new sub-account" event; withApp defaults to the agency installs' "future sub-accounts" choice; its webhooks are sent without waiting (see state) */
	addLocation(input?: NewLocation): LocationRecord;
	/** a new contact in a sub-account (as a form or a person would add it); resolves once its `ContactCreate` webhooks were delivered */
	addContact(locationId: string, input?: ContactInput): Promise<{ contact: ContactRecord; deliveries: WebhookDelivery[] }>;
	/** resolves once the appointment webhooks of the answers given so far were delivered */
	webhooksSettled(): Promise<void>;
	/** the sandbox's webhook signing key, public half (PEM) */
	webhookPublicKeyPem: string;
	/** signs, sends and logs webhooks (documented events for an app, workflow-action posts) */
	webhooks: WebhookSender;
	/** HighLevel revokes tokens (an uninstall, a password reset, its own reasons): their requests get a 401; returns how many */
	revokeTokens(filter: RevokeFilter): number;
	/** every code, access and refresh token issued since the start or reset, and the apps' client secrets (for token searches) */
	issuedSecrets(): string[];
	/** installs an app as the authorize page would, without a code */
	install(clientId: string, choice: InstallChoice): InstallRecord;
	/** clears store, log, counters, OAuth tokens, installs and added sub-accounts (and restarts the fault sequence) */
	reset(): void;
	close(): Promise<void>;
}

const HOST = '127.0.0.1';
/**
 * Admin routes, no auth. HighLevel's OAuth server (authorize page, token endpoint, location tokens, installed
 * locations, sub-account search) is served beside the group routes.
 *   GET  /__sandbox/state       groups per location, companies / sub-accounts / apps (no secrets) / installs, OAuth counters
 *   GET  /__sandbox/requests    {requests}: what the API routes received, tokens redacted (a sandbox in another process: sandboxProcess.ts)
 *   POST /__sandbox/locations   JSON {companyId?, id?, name?, timezone?, withApp?}: a new sub-account, 201 {location}
 *   POST /__sandbox/contacts    JSON {locationId, id?, firstName?, lastName?, name?, email?, phone?}: a new contact, 201 {contact, deliveries}
 *                               (its ContactCreate is delivered first)
 *   POST /__sandbox/revoke      JSON {locationId?, companyId?, alsoLater?}: revokes those access tokens, 200 {revoked}
 *   POST /__sandbox/webhooks    JSON {appId, url}: the app's webhook URL (one per app), 201 {webhook}
 *   POST /__sandbox/webhooks/emit  JSON {event, appId?, fields?}: a documented event, signed, to the app's URL, 200 {payload, delivery};
 *                               or {workflowAction: {url, headerName, secret, payload}}: a workflow action's post, 200 {delivery}
 * A new sub-account (POST /__sandbox/locations) answers once its webhooks were delivered: 201 {location, deliveries}.
 */
const SANDBOX_PREFIX = '/__sandbox';
const MAX_BODY_BYTES = 1024 * 1024;

function rateLimitConfig(options: SandboxOptions['rateLimit'] = {}): RateLimitConfig {
	const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
	return { ...DEFAULT_RATE_LIMIT, ...defined };
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
	const flat: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return flat;
}

function readBody(req: http.IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) reject(new Error('request body too large'));
			else chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/** Form fields for a form-encoded body; JSON when it parses; otherwise the raw text (invalidJson tells whether it claimed to be JSON). */
function parseBody(text: string, contentType: string | undefined): { body: unknown; invalidJson: boolean } {
	if (text.length === 0) return { body: undefined, invalidJson: false };
	if ((contentType ?? '').split(';')[0].trim().toLowerCase() === FORM_CONTENT_TYPE) {
		return { body: Object.fromEntries(new URLSearchParams(text)), invalidJson: false };
	}
	try {
		return { body: JSON.parse(text), invalidJson: false };
	} catch {
		return { body: text, invalidJson: /^application\/json\b/i.test(contentType ?? '') };
	}
}

/** The raw request target split into the still-encoded pathname and the query. */
function splitTarget(target: string): { path: string; query: Record<string, string> } {
	const [pathAndQuery] = target.split('#');
	const at = pathAndQuery.indexOf('?');
	const path = at < 0 ? pathAndQuery : pathAndQuery.slice(0, at);
	const values = new Map<string, string>();
	// a repeated parameter (an array, e.g. free slots' userIds) keeps every value, comma-separated
	for (const [name, value] of new URLSearchParams(at < 0 ? '' : pathAndQuery.slice(at + 1))) {
		const earlier = values.get(name);
		values.set(name, earlier === undefined ? value : `${earlier},${value}`);
	}
	return { path, query: Object.fromEntries(values) };
}

function send(res: http.ServerResponse, answer: Answer): void {
	if (answer.body === undefined) {
		res.writeHead(answer.status, { ...answer.headers, 'Content-Length': 0 });
		res.end();
		return;
	}
	const page = answer.headers?.['Content-Type']?.startsWith('text/html');
	const payload = page ? String(answer.body) : JSON.stringify(answer.body);
	res.writeHead(answer.status, {
		'Content-Type': 'application/json; charset=utf-8',
		...answer.headers,
		'Content-Length': Buffer.byteLength(payload),
	});
	res.end(payload);
}

/** An admin route's answer: `act` on its JSON body, a 400 with the reason when it throws. */
async function adminAnswer<T>(text: string, status: number, act: (input: T) => unknown): Promise<Answer> {
	try {
		return success(status, await act((text ? JSON.parse(text) : {}) as T));
	} catch (error) {
		return badRequest((error as Error).message);
	}
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
	const tokens = opts.tokens ?? DEFAULT_TOKENS;
	const now = opts.clock ?? Date.now;
	const directory = new AgencyDirectory(opts.agency);
	const seededLocations = [...new Set([...tokens.map((t) => t.locationId), ...directory.snapshot().companies.flatMap((c) => c.locations.map((l) => l.id))])];
	const deps = {
		tokens,
		now,
		store: new LocationStore([...new Set(tokens.map((t) => t.locationId))]),
		bookings: new BookingStore(seededLocations, DEFAULT_CONTACTS, now),
		limiter: new RateLimiter(rateLimitConfig(opts.rateLimit), opts.clock),
		faults: new FaultInjector(opts.faults),
		directory,
		oauth: new OAuthTokens(opts.oauth, opts.clock),
		installDefaults: opts.oauth?.install ?? {},
	};
	const webhooks = new WebhookSender(opts.clock);
	const issuedSecrets = () => [...deps.directory.appList().map((a) => a.clientSecret), ...deps.oauth.secrets()];
	const log = new RequestLog(() => [...tokens.map((t) => t.token), ...issuedSecrets()]);
	const timers = new Set<NodeJS.Timeout>();

	const later = (ms: number, fn: () => void): void => {
		if (ms <= 0) return fn();
		const timer = setTimeout(() => {
			timers.delete(timer);
			fn();
		}, ms);
		timers.add(timer);
	};

	const state = (): SandboxState => ({
		locations: deps.store.snapshot(),
		calendars: deps.store.calendarSnapshot(),
		resources: deps.store.resources.snapshot(),
		services: deps.store.services.snapshot(),
		schedules: deps.store.schedules.snapshot(),
		...deps.bookings.snapshot(),
		agency: deps.directory.snapshot(),
		oauth: deps.oauth.stats(),
		webhooks: webhooks.snapshot(),
	});
	/** Webhooks go out one after another, in the order of the changes. */
	let webhookQueue = Promise.resolve();
	const announce = (change: Parameters<typeof announceChange>[2]): Promise<WebhookDelivery[]> => {
		const sent = webhookQueue.then(() => announceChange(deps.directory, webhooks, change));
		webhookQueue = sent.then(() => undefined, () => undefined);
		return sent;
	};
	const addContact = async (locationId: string, input: ContactInput = {}) => {
		if (typeof locationId !== 'string' || !locationId) throw new Error('locationId is required');
		const contact = deps.bookings.addContact(locationId, input);
		return { contact, deliveries: await announce(contactCreated(contact)) };
	};
	const knownApp = (appId: string) => deps.directory.appList().some((a) => a.appId === appId);
	const appOf = (clientId: string) => {
		const app = deps.directory.appByClientId(clientId);
		if (!app) throw new Error(`unknown client id "${clientId}"`);
		return app;
	};

	/** A sandbox bug answers 500 rather than leaving the client hanging. */
	const decide = (request: RecordedRequest, invalidJson: boolean): Outcome => {
		try {
			return handleRequest(deps, request, invalidJson);
		} catch {
			return { answer: { ...serverError(500), headers: deps.limiter.peek() }, extraDelayMs: 0 };
		}
	};

	const serveSandboxRoute = async (req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<void> => {
		const text = await readBody(req);
		let answer = notFound(MESSAGES.notFound);
		if (req.method === 'GET' && path === `${SANDBOX_PREFIX}/state`) answer = success(200, state());
		if (req.method === 'GET' && path === `${SANDBOX_PREFIX}/requests`) answer = success(200, { requests: log.entries() });
		if (req.method === 'POST' && path === `${SANDBOX_PREFIX}/locations`) {
			answer = await adminAnswer<NewLocation>(text, 201, async (input) => {
				const location = deps.directory.addLocation(input);
				return { location, deliveries: await announceLocation(deps.directory, webhooks, location) };
			});
		}
		if (req.method === 'POST' && path === `${SANDBOX_PREFIX}/contacts`) {
			answer = await adminAnswer<ContactInput & { locationId: string }>(text, 201, ({ locationId, ...input }) => addContact(locationId, input));
		}
		if (req.method === 'POST' && path === `${SANDBOX_PREFIX}/webhooks`) {
			answer = await adminAnswer<WebhookRegistration>(text, 201, (input) => ({ webhook: webhooks.register(input, knownApp) }));
		}
		if (req.method === 'POST' && path === `${SANDBOX_PREFIX}/webhooks/emit`) {
			answer = await adminAnswer<EmitEvent & { workflowAction?: WorkflowActionPost }>(text, 200, async (input) =>
				input.workflowAction ? { delivery: await webhooks.postWorkflowAction(input.workflowAction) } : await webhooks.emit(input),
			);
		}
		if (req.method === 'POST' && path === `${SANDBOX_PREFIX}/revoke`) {
			answer = await adminAnswer<RevokeFilter>(text, 200, (filter) => ({ revoked: deps.oauth.revoke(filter) }));
		}
		send(res, { ...answer, headers: deps.limiter.peek() });
	};

	const serveApi = async (req: http.IncomingMessage, res: http.ServerResponse, target: { path: string; query: Record<string, string> }): Promise<void> => {
		const receivedAt = Date.now();
		const headers = flattenHeaders(req.headers);
		let text: string;
		try {
			text = await readBody(req);
		} catch {
			req.socket.destroy();
			return;
		}
		const { body, invalidJson } = parseBody(text, headers['content-type']);
		const request: RecordedRequest = { method: req.method ?? 'GET', path: target.path, query: target.query, headers, body };
		const outcome = decide(request, invalidJson);
		for (const change of outcome.events ?? []) announce(change).catch(() => undefined);

		later((opts.latencyMs ?? 0) + outcome.extraDelayMs, () => {
			if (outcome.drop) req.socket.destroy();
			else send(res, outcome.answer);
			const status = outcome.drop ? 0 : outcome.answer.status;
			log.add({ ...request, status, receivedAt, answeredAt: Date.now(), dropped: outcome.drop }, bearerToken(headers.authorization));
		});
	};

	const server = http.createServer((req, res) => {
		const target = splitTarget(req.url ?? '/');
		if (target.path === SANDBOX_PREFIX || target.path.startsWith(`${SANDBOX_PREFIX}/`)) {
			serveSandboxRoute(req, res, target.path).catch(() => req.socket.destroy());
			return;
		}
		serveApi(req, res, target).catch(() => req.socket.destroy());
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port ?? 0, HOST, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;

	return {
		url: `http://${HOST}:${port}`,
		port,
		state,
		requests: () => log.entries(),
		stats: () => log.stats(),
		apps: () => deps.directory.appList(),
		app: (distribution) => {
			const app = deps.directory.appList().find((a) => a.distribution === distribution && !a.developer);
			if (!app) throw new Error(`no ${distribution} app configured`);
			return app;
		},
		otherAgencyApp: () => {
			const app = deps.directory.appList().find((a) => a.developer === OTHER_AGENCY.developer);
			if (!app) throw new Error('no other agency app configured');
			return app;
		},
		addLocation: (input) => {
			const location = deps.directory.addLocation(input);
			announceLocation(deps.directory, webhooks, location).catch(() => undefined);
			return location;
		},
		addContact,
		webhooksSettled: () => webhookQueue,
		webhookPublicKeyPem: webhooks.publicKeyPem,
		webhooks,
		revokeTokens: (filter) => deps.oauth.revoke(filter),
		issuedSecrets,
		install: (clientId, choice) => deps.directory.install(appOf(clientId), choice),
		reset: () => {
			deps.store.clear();
			deps.bookings.clear();
			deps.directory.clear();
			deps.oauth.clear();
			deps.limiter.clear();
			deps.faults.reseed();
			webhooks.clear();
			log.clear();
		},
		close: async () => {
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
			const closed = new Promise<void>((resolve) => server.close(() => resolve()));
			server.closeAllConnections();
			await closed;
		},
	};
}
