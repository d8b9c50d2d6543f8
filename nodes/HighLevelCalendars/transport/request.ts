import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { apiErrorFromFailure } from './apiError';
import type { HighLevelCall } from './call';
import type { Connection, RequestContext } from './connection';
import { type HttpFailure, lowerCaseHeaders, readHttpFailure } from './httpFailure';
import { rateGovernor } from './pacing/rateGovernor';
import type { RequestSettings } from './requestSettings';
import { REFRESH_RACE_WAIT_MS, isAmbiguous, retryDelayMs } from './retryPolicy';

/** The attempt's result or failure, and the location token it was sent with, if any. */
type Attempt<T> = ({ result: T } | { failure: HttpFailure }) & { bearer?: string };

async function exchange(
	ctx: RequestContext,
	connection: Connection,
	options: IHttpRequestOptions,
	bearer: string | undefined,
): Promise<{ headers?: Record<string, unknown>; body: unknown }> {
	const headers = { ...(options.headers as IDataObject) };
	if (bearer === undefined) {
		return await ctx.helpers.httpRequestWithAuthentication.call(ctx, connection.credentialType, { ...options, headers });
	}
	return await ctx.helpers.httpRequest({ ...options, headers: { ...headers, Authorization: `Bearer ${bearer}` } });
}

function httpOptions(connection: Connection, settings: RequestSettings, call: HighLevelCall<unknown>): IHttpRequestOptions {
	const headers: IDataObject = { Version: call.version ?? settings.version, Accept: 'application/json' };
	const options: IHttpRequestOptions = {
		method: call.method,
		url: `${connection.baseUrl}${call.path}`,
		headers,
		json: true,
		returnFullResponse: true,
		timeout: settings.timeoutMs,
	};
	if (call.query) options.qs = call.query;
	if (call.body) {
		headers['Content-Type'] = 'application/json';
		// n8n's HTTP helper drops an empty object; HighLevel's DELETE /calendars/events/{eventId} requires one
		options.body = Object.keys(call.body).length === 0 ? '{}' : call.body;
	}
	if (call.form) {
		headers['Content-Type'] = 'application/x-www-form-urlencoded';
		options.body = new URLSearchParams(call.form).toString();
	}
	return options;
}

async function attempt<T>(
	ctx: RequestContext,
	connection: Connection,
	settings: RequestSettings,
	call: HighLevelCall<T>,
	options: IHttpRequestOptions,
	limitKey: string,
): Promise<Attempt<T>> {
	const bearer = await connection.locationTokens?.tokenFor(settings);
	await connection.spacing?.enter();
	await rateGovernor.acquire(limitKey);
	const sentAt = await connection.spacing?.turn();
	let response: { headers?: Record<string, unknown>; body: unknown };
	try {
		response = await exchange(ctx, connection, options, bearer);
	} catch (error) {
		const failure = readHttpFailure(error);
		rateGovernor.observe(limitKey, failure.headers);
		return { failure, bearer };
	} finally {
		if (sentAt !== undefined) connection.spacing?.answered(sentAt);
	}
	const headers = lowerCaseHeaders(response.headers);
	rateGovernor.observe(limitKey, headers);
	rateGovernor.succeeded(limitKey);
	const result = call.read(response.body);
	if (result !== undefined) return { result, bearer };
	return { failure: { body: response.body, headers, lacks: call.expects ?? 'its result' }, bearer };
}

/**
 * The one place that talks HTTP to HighLevel, and the one retry loop: every attempt paced to the
 * rate limit it counts against; a 429 waited out and sent again; after a 5xx, timeout, reset or an
 * answer without its result, a call that must not be sent twice blindly (create) first looks for its
 * effect, whatever Max Retries has left (a read: a create that took effect is output, not reported
 * as failed), and a call safe to repeat is sent again; a location token HighLevel refuses is minted
 * again, once; a request whose OAuth2 token n8n could not refresh (HighLevel answered 401, so nothing
 * was done) is sent again, once, a moment later: another request's refresh used the single-use
 * refresh token first, and n8n reads the token it stored. Every attempt counts against Max Retries.
 */
export async function sendToHighLevel<T>(
	ctx: RequestContext,
	connection: Connection,
	settings: RequestSettings,
	call: HighLevelCall<T>,
): Promise<T> {
	const options = httpOptions(connection, settings, call);
	const limitKey = `${connection.credentialType} ${connection.baseUrl} ${call.limitOwner ?? settings.locationId}`;
	let refusedToken: string | undefined;
	let resentAfterRefresh = false;
	for (let attemptIndex = 0; ; attemptIndex++) {
		const outcome = await attempt(ctx, connection, settings, call, options, limitKey);
		if ('result' in outcome) return outcome.result;
		const { failure, bearer } = outcome;
		if (attemptIndex > 0 && call.resultIfGone !== undefined && failure.status === 404) return call.resultIfGone;
		if (failure.refreshRefused && !resentAfterRefresh) {
			resentAfterRefresh = true;
			await sleep(REFRESH_RACE_WAIT_MS);
			continue;
		}
		if (failure.status === 401 && bearer !== undefined && refusedToken === undefined) {
			refusedToken = bearer;
			connection.locationTokens?.refused(settings, bearer);
			continue;
		}
		if (call.findEffect && isAmbiguous(failure)) {
			const effect = await call.findEffect();
			if (effect !== undefined) return effect;
		}
		const waitMs = attemptIndex < settings.maxRetries ? retryDelayMs(failure, attemptIndex) : undefined;
		if (waitMs === undefined) {
			throw apiErrorFromFailure(ctx.getNode(), failure, {
				scope: call.scope,
				locationId: settings.locationId,
				baseUrl: connection.baseUrl,
				tokens: [...connection.tokens, ...[bearer, refusedToken].filter((token): token is string => !!token)],
				locationToken: bearer !== undefined,
			});
		}
		if (failure.status === 429) rateGovernor.pause(limitKey);
		await sleep(waitMs);
	}
}
