import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CalendarGroupsApi } from '../calendarGroups/api';
import { DEFAULT_API_VERSION, type ApiVersion } from '../shared/apiVersion';
import type { Authentication, Connection } from '../transport/connection';
import { loadConnection } from '../transport/connection';
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from '../shared/descriptions';
import { GroupDirectory } from '../calendarGroups/groupDirectory';
import type { ItemTarget } from '../calendarGroups/types';

interface RequestOptions {
	apiVersion?: ApiVersion;
	maxRetries?: number;
	timeoutMs?: number;
}

/** What the items of one execution share: the API client and the groups listed so far. */
export class ExecutionSession {
	readonly api: CalendarGroupsApi;

	readonly directory: GroupDirectory;

	private constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly connection: Connection,
	) {
		this.api = new CalendarGroupsApi(ctx, connection);
		this.directory = new GroupDirectory(this.api);
	}

	static async open(ctx: IExecuteFunctions): Promise<ExecutionSession> {
		const authentication = ctx.getNodeParameter('authentication', 0) as Authentication;
		return new ExecutionSession(ctx, await loadConnection(ctx, authentication));
	}

	target(itemIndex: number): ItemTarget {
		const override = this.ctx.getNodeParameter('locationId', itemIndex, '') as string;
		const locationId = String(override ?? '').trim() || this.connection.defaultLocationId;
		if (!locationId) {
			throw new NodeOperationError(this.ctx.getNode(), `Location ID is empty in item ${itemIndex}`, {
				itemIndex,
				description: "Set Location ID in the node, or the Location ID of the credential",
			});
		}
		const options = this.ctx.getNodeParameter('options', itemIndex, {}) as RequestOptions;
		return {
			itemIndex,
			locationId,
			version: options.apiVersion ?? DEFAULT_API_VERSION,
			maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
			timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		};
	}
}
