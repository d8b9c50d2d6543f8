import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';

import { apiErrorFromFailure } from './apiError';
import type { Connection, RequestContext } from './connection';
import { lowerCaseHeaders, readHttpFailure } from './httpFailure';
import type { ItemTarget } from './types';

export interface ApiCall {
	method: IHttpRequestMethods;
	path: string;
	scope: string;
	query?: IDataObject;
	body?: IDataObject;
}

export interface ApiResponse {
	statusCode: number;
	headers: Record<string, string>;
	body: unknown;
}

/** The one place that talks HTTP to HighLevel. */
export async function sendToHighLevel(
	ctx: RequestContext,
	connection: Connection,
	target: ItemTarget,
	call: ApiCall,
): Promise<ApiResponse> {
	const headers: IDataObject = { Version: target.version, Accept: 'application/json' };
	const options: IHttpRequestOptions = {
		method: call.method,
		url: `${connection.baseUrl}${call.path}`,
		headers,
		json: true,
		returnFullResponse: true,
	};
	if (call.query) options.qs = call.query;
	if (call.body) {
		headers['Content-Type'] = 'application/json';
		options.body = call.body;
	}
	try {
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			connection.credentialType,
			options,
		)) as { statusCode: number; headers?: Record<string, unknown>; body: unknown };
		return {
			statusCode: response.statusCode,
			headers: lowerCaseHeaders(response.headers),
			body: response.body,
		};
	} catch (error) {
		throw apiErrorFromFailure(ctx.getNode(), readHttpFailure(error), {
			itemIndex: target.itemIndex,
			scope: call.scope,
			locationId: target.locationId,
			baseUrl: connection.baseUrl,
		});
	}
}
