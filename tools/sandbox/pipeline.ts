/**
 * The order in which the sandbox decides an answer: IAM (401) → rate limit (429) → injected faults →
 * location access (403) → validation (400 / 422) → the operation. Rate-limit headers go on every answer.
 */
import { RecordedRequest } from '../contract/openapi';
import { SandboxToken, authenticate, checkLocationAccess } from './auth';
import { FaultInjector } from './faults';
import { runOperation } from './operations';
import { RateLimiter } from './rate-limiter';
import { Answer, MESSAGES, serverError, tooManyRequests } from './responses';
import { GroupStore } from './store';
import { validationAnswer } from './validation';

export interface PipelineDeps {
	tokens: SandboxToken[];
	store: GroupStore;
	limiter: RateLimiter;
	faults: FaultInjector;
}

export type Outcome =
	| { answer: Answer; drop?: undefined; extraDelayMs: number }
	| { drop: 'reset' | 'lostAfterStore'; extraDelayMs: number };

function rateKey(token: SandboxToken): string {
	return `${token.token}\u0000${token.locationId}`;
}

function withHeaders(answer: Answer, headers: Record<string, string>): Answer {
	return { ...answer, headers: { ...headers, ...answer.headers } };
}

export function handleRequest(deps: PipelineDeps, req: RecordedRequest, invalidJson: boolean): Outcome {
	const auth = authenticate(req, deps.tokens);
	if (!auth.ok) {
		// rejected by IAM: does not count against the limits
		return { answer: withHeaders(auth.answer, deps.limiter.peek(auth.token && rateKey(auth.token))), extraDelayMs: 0 };
	}
	const key = rateKey(auth.token);
	const limit = deps.limiter.consume(key);
	if (limit.exceeded) {
		const message = limit.exceeded === 'daily' ? MESSAGES.dailyLimit : MESSAGES.tooManyRequests;
		return { answer: withHeaders(tooManyRequests(message), limit.headers), extraDelayMs: 0 };
	}

	const fault = deps.faults.next();
	const extraDelayMs = fault.extraDelayMs;
	if (fault.kind === 'reset') return { drop: 'reset', extraDelayMs };
	if (fault.kind === 'error5xx') return { answer: withHeaders(serverError(fault.status), limit.headers), extraDelayMs };
	if (fault.kind === 'rateLimited') {
		return { answer: withHeaders(tooManyRequests(MESSAGES.tooManyRequests), deps.limiter.exhausted(key)), extraDelayMs };
	}

	const rejection = checkLocationAccess(req, auth.token) ?? validationAnswer(req, invalidJson);
	if (rejection) return { answer: withHeaders(rejection, limit.headers), extraDelayMs };

	const result = runOperation(auth.operation, req, deps.store, auth.token);
	if (fault.kind === 'lostAfterStore' && result.mutated) return { drop: 'lostAfterStore', extraDelayMs };
	return { answer: withHeaders(result.answer, limit.headers), extraDelayMs };
}
