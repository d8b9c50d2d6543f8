import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { apiErrorFromFailure } from './apiError';
import type { HighLevelCall } from './call';
import type { Connection, RequestContext } from './connection';
import { type HttpFailure, lowerCaseHeaders, readHttpFailure } from './httpFailure';
import { rateGovernor } from './rateGovernor';
import type { RequestSettings } from './requestSettings';
import { isAmbiguous, retryDelayMs } from './retryPolicy';

type Attempt<T> = { result: T } | { failure: HttpFailure };

function httpOptions(connection: Connection, settings: RequestSettings, call: HighLevelCall<unknown>): IHttpRequestOptions {
	const headers: IDataObject = { Version: settings.version, Accept: 'application/json' };
	if (call.body) headers['Content-Type'] = 'application/json';
	const options: IHttpRequestOptions = {
		method: call.method,
		url: `${connection.baseUrl}${call.path}`,
		headers,
		json: true,
		returnFullResponse: true,
		timeout: settings.timeoutMs,
	};
	if (call.query) options.qs = call.query;
	if (call.body) options.body = call.body;
	return options;
}

async function attempt<T>(
	ctx: RequestContext,
	connection: Connection,
	options: IHttpRequestOptions,
	call: HighLevelCall<T>,
	limitKey: string,
): Promise<Attempt<T>> {
	await rateGovernor.acquire(limitKey);
	let response: { headers?: Record<string, unknown>; body: unknown };
	try {
		response = await ctx.helpers.httpRequestWithAuthentication.call(ctx, connection.credentialType, {
			...options,
			headers: { ...options.headers },
		});
	} catch (error) {
		const failure = readHttpFailure(error);
		rateGovernor.observe(limitKey, failure.headers);
		return { failure };
	}
	const headers = lowerCaseHeaders(response.headers);
	rateGovernor.observe(limitKey, headers);
	rateGovernor.succeeded(limitKey);
	const result = call.read(response.body);
	return result === undefined ? { failure: { body: response.body, headers, lacks: call.expects ?? 'its result' } } : { result };
}

/**
 * The one place that talks HTTP to HighLevel, and the one retry loop: every attempt paced to the
 * location's rate limit; a 429 waited out and sent again; after a 5xx, timeout, reset or an answer
 * without its result, a call safe to repeat is sent again, and one that is not first looks for its
 * effect. Every attempt, whatever failed, counts against Max Retries.
 */
export async function sendToHighLevel<T>(
	ctx: RequestContext,
	connection: Connection,
	settings: RequestSettings,
	call: HighLevelCall<T>,
): Promise<T> {
	const options = httpOptions(connection, settings, call);
	const limitKey = `${connection.credentialType} ${connection.baseUrl} ${settings.locationId}`;
	for (let attemptIndex = 0; ; attemptIndex++) {
		const outcome = await attempt(ctx, connection, options, call, limitKey);
		if ('result' in outcome) return outcome.result;
		const { failure } = outcome;
		if (attemptIndex > 0 && call.resultIfGone !== undefined && failure.status === 404) return call.resultIfGone;
		const waitMs = attemptIndex < settings.maxRetries ? retryDelayMs(failure, attemptIndex) : undefined;
		if (waitMs === undefined) {
			throw apiErrorFromFailure(ctx.getNode(), failure, {
				scope: call.scope,
				locationId: settings.locationId,
				baseUrl: connection.baseUrl,
				tokens: connection.tokens,
			});
		}
		if (call.findEffect && isAmbiguous(failure)) {
			const effect = await call.findEffect();
			if (effect !== undefined) return effect;
		}
		if (failure.status === 429) rateGovernor.pause(limitKey, waitMs);
		await sleep(waitMs);
	}
}
