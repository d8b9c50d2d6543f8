import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** `/calendars/groups/{groupId}` with the id encoded; ids that would change the path are refused. */
export function groupPath(node: INode, groupId: string, suffix = ''): string {
	const id = groupId.trim();
	if (id === '' || id === '.' || id === '..') {
		throw new NodeOperationError(node, `The Group ID "${groupId}" is not a valid ID`, {
			description: 'Pick the group from the list, or map the "id" of a group from an earlier node',
		});
	}
	return `/calendars/groups/${encodeURIComponent(id)}${suffix}`;
}
