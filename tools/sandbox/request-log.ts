/** What the sandbox received, with every token redacted, and the counters over it. */
import { RecordedRequest } from '../contract/openapi';

export interface LoggedRequest extends RecordedRequest {
	/** the answer's status; 0 when the socket was destroyed instead */
	status: number;
	/** epoch milliseconds */
	receivedAt: number;
	/** epoch milliseconds (when the answer was sent or the socket destroyed) */
	answeredAt: number;
	/** set when no answer was sent: an injected `reset`, or a write stored and then lost (`lostAfterStore`) */
	dropped?: 'reset' | 'lostAfterStore';
}

export interface SandboxStats {
	total: number;
	byStatus: Record<string, number>;
	resets: number;
}

export const REDACTED = '[REDACTED]';

function scrub(text: string, secrets: string[]): string {
	return secrets.reduce((out, secret) => out.split(secret).join(REDACTED), text);
}

/** A deep copy of `value` in which every occurrence of a secret, in keys and strings, is replaced. */
export function redactSecrets<T>(value: T, secrets: string[]): T {
	const wanted = secrets.filter((s) => s.length > 0);
	const walk = (v: unknown): unknown => {
		if (typeof v === 'string') return scrub(v, wanted);
		if (Array.isArray(v)) return v.map(walk);
		if (v && typeof v === 'object') {
			return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [scrub(k, wanted), walk(x)]));
		}
		return v;
	};
	return walk(value) as T;
}

/** The Authorization header keeps its scheme only: `Bearer [REDACTED]`. */
function redactAuthorization(headers: Record<string, string>): Record<string, string> {
	if (headers.authorization === undefined) return headers;
	const scheme = /^(\S+)\s/.exec(headers.authorization)?.[1];
	return { ...headers, authorization: scheme ? `${scheme} ${REDACTED}` : REDACTED };
}

/** Form and JSON fields that carry a credential whatever their value (a stray or made-up one included). */
const SECRET_FIELDS = ['client_secret', 'clientSecret', 'code', 'refresh_token', 'refreshToken', 'access_token', 'accessToken'];

function redactSecretFields(body: unknown): unknown {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
	return Object.fromEntries(Object.entries(body as Record<string, unknown>).map(([k, v]) => [k, SECRET_FIELDS.includes(k) ? REDACTED : v]));
}

export class RequestLog {
	private log: LoggedRequest[] = [];
	private counters: SandboxStats = { total: 0, byStatus: {}, resets: 0 };

	/** `secrets`: the configured tokens (a list, or read at each request: OAuth tokens are issued as it runs); the presented bearer value is redacted as well. */
	constructor(private readonly secrets: string[] | (() => string[])) {}

	add(entry: LoggedRequest, presentedToken?: string): void {
		const known = typeof this.secrets === 'function' ? this.secrets() : this.secrets;
		const secrets = presentedToken ? [...known, presentedToken] : known;
		const headers = redactAuthorization(entry.headers);
		this.log.push(redactSecrets({ ...entry, headers, body: redactSecretFields(entry.body) }, secrets));
		this.counters.total++;
		if (entry.dropped) this.counters.resets++;
		else this.counters.byStatus[entry.status] = (this.counters.byStatus[entry.status] ?? 0) + 1;
	}

	entries(): LoggedRequest[] {
		return structuredClone(this.log);
	}

	stats(): SandboxStats {
		return structuredClone(this.counters);
	}

	clear(): void {
		this.log = [];
		this.counters = { total: 0, byStatus: {}, resets: 0 };
	}
}
