import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { locationOf, withLocationTokens } from '../execution/session';
import { loadConnection, type Authentication, type Connection } from '../transport/connection';
import { requestSettings, type RequestOptions, type RequestSettings } from '../transport/requestSettings';

/** The connection of the node's credential and the location and Options the editor shows, for a From List search. */
export async function searchContext(ctx: ILoadOptionsFunctions): Promise<{ connection: Connection; settings: RequestSettings }> {
	const authentication = ctx.getCurrentNodeParameter('authentication') as Authentication;
	const connection = withLocationTokens(ctx, await loadConnection(ctx, authentication));
	const locationId = locationOf(connection, ctx.getCurrentNodeParameter('locationId', { extractValue: true }));
	return { connection, settings: requestSettings(locationId, (ctx.getCurrentNodeParameter('options') ?? {}) as RequestOptions) };
}
