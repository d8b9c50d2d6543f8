import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** `{collection}/{id}{suffix}` with the id encoded; ids that would change the path are refused. */
export function idPath(node: INode, collection: string, thing: 'group' | 'calendar', id: string, suffix = ''): string {
	const trimmed = id.trim();
	if (trimmed === '' || trimmed === '.' || trimmed === '..') {
		const label = thing === 'group' ? 'Group ID' : 'Calendar ID';
		throw new NodeOperationError(node, `The ${label} "${id}" is not a valid ID`, {
			description: `Pick the ${thing} from the list, or map the "id" of a ${thing} from an earlier node`,
		});
	}
	return `${collection}/${encodeURIComponent(trimmed)}${suffix}`;
}
