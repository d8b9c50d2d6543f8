import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { apiErrorFromFailure } from './apiError';
import type { Connection, RequestContext } from './connection';
import { lowerCaseHeaders, readHttpFailure } from './httpFailure';
import { rateGovernor } from './rateGovernor';
import { retryDelayMs } from './retryPolicy';
import type { ItemTarget } from '../calendarGroups/types';

export interface ApiCall {
	method: IHttpRequestMethods;
	path: string;
	scope: string;
	query?: IDataObject;
	body?: IDataObject;
	/** Whether sending it twice does no harm (all calls but create). */
	safeToRepeat: boolean;
	/** Whether a 404 on a repeat means an earlier attempt already did it (delete). */
	goneMeansDone?: boolean;
}

/**
 * The one place that talks HTTP to HighLevel: paced to the location's rate limit, repeated after a
 * 429, and after a 5xx, timeout or reset when the call is safe to repeat. Resolves to the answer's body.
 */
export async function sendToHighLevel(
	ctx: RequestContext,
	connection: Connection,
	target: ItemTarget,
	call: ApiCall,
): Promise<unknown> {
	const headers: IDataObject = { Version: target.version, Accept: 'application/json' };
	const options: IHttpRequestOptions = {
		method: call.method,
		url: `${connection.baseUrl}${call.path}`,
		headers,
		json: true,
		returnFullResponse: true,
		timeout: target.timeoutMs,
	};
	if (call.query) options.qs = call.query;
	if (call.body) {
		headers['Content-Type'] = 'application/json';
		options.body = call.body;
	}
	const limitKey = `${connection.credentialType} ${connection.baseUrl} ${target.locationId}`;
	for (let attempt = 0; ; attempt++) {
		await rateGovernor.acquire(limitKey);
		try {
			const response = (await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				connection.credentialType,
				{ ...options, headers: { ...headers } },
			)) as { headers?: Record<string, unknown>; body: unknown };
			rateGovernor.observe(limitKey, lowerCaseHeaders(response.headers));
			rateGovernor.succeeded(limitKey);
			return response.body;
		} catch (error) {
			const failure = readHttpFailure(error);
			rateGovernor.observe(limitKey, failure.headers);
			if (attempt > 0 && call.goneMeansDone && failure.status === 404) {
				return { success: true };
			}
			const waitMs = retryDelayMs(failure, attempt, target, call.safeToRepeat);
			if (waitMs === undefined) {
				throw apiErrorFromFailure(ctx.getNode(), failure, {
					itemIndex: target.itemIndex,
					scope: call.scope,
					locationId: target.locationId,
					baseUrl: connection.baseUrl,
				});
			}
			if (failure.status === 429) rateGovernor.pause(limitKey);
			await sleep(waitMs);
		}
	}
}
