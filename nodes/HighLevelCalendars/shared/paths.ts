import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const LABELS = { group: 'Group ID', calendar: 'Calendar ID', 'calendar resource': 'Resource ID', notification: 'Notification ID' };

/** `{collection}/{id}{suffix}` with the id encoded; ids that would change the path are refused. */
export function idPath(node: INode, collection: string, thing: keyof typeof LABELS, id: string, suffix = ''): string {
	const trimmed = id.trim();
	if (trimmed === '' || trimmed === '.' || trimmed === '..') {
		const label = LABELS[thing];
		throw new NodeOperationError(node, `The ${label} "${id}" is not a valid ID`, {
			description: `Pick the ${thing} from the list, or map the "id" of a ${thing} from an earlier node`,
		});
	}
	return `${collection}/${encodeURIComponent(trimmed)}${suffix}`;
}
