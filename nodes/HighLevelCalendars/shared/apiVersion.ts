import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ApiVersion } from '../transport/requestSettings';

/**
 * The one refusal of an operation whose route one Version alone has (the v3 services, an event calendar's own
 * schedule): an item with another API Version fails here, before anything is sent.
 */
export function requireApiVersion(node: INode, version: ApiVersion, only: ApiVersion, operation: string, itemIndex: number): void {
	if (version === only) return;
	throw new NodeOperationError(node, `API Version ${version} in item ${itemIndex} has no "${operation}": it needs API Version ${only}`, {
		itemIndex,
		description: `Set Options > API Version to ${only} (HighLevel documents this route for Version ${only} only)`,
	});
}
