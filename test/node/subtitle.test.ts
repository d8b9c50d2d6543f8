import { buildWorkflow } from '../../tools/engine/runWorkflow';
import { nodeTypes, PACKAGE_NODE_TYPE } from '../../tools/engine/nodeTypes';
import { NODE_NAME, singleNodeWorkflow } from '../../tools/engine/workflows';

/** The subtitle as n8n's editor computes it under the node's name: the description's expression, evaluated. */
function subtitleFor(operation: string): unknown {
	const fixture = singleNodeWorkflow({ operation });
	const workflow = buildWorkflow(fixture);
	const node = workflow.getNode(NODE_NAME)!;
	const { subtitle } = nodeTypes.getByNameAndVersion(PACKAGE_NODE_TYPE).description;
	return workflow.expression.getSimpleParameterValue(node, subtitle, 'internal', {});
}

test.each([
	['checkSlug', 'Check Slug Availability'],
	['create', 'Create'],
	['delete', 'Delete'],
	['disable', 'Disable'],
	['enable', 'Enable'],
	['get', 'Get'],
	['getAll', 'Get Many'],
	['update', 'Update'],
])('the subtitle of operation %s reads "%s"', (operation, shown) => {
	expect(subtitleFor(operation)).toBe(shown);
});
