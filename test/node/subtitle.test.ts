import { buildWorkflow } from '../../tools/engine/runWorkflow';
import { nodeTypes, PACKAGE_NODE_TYPE } from '../../tools/engine/nodeTypes';
import { NODE_NAME, singleNodeWorkflow } from '../../tools/engine/workflows';

/** The subtitle as n8n's editor computes it under the node's name: the description's expression, evaluated. */
function subtitleFor(parameters: Record<string, string>): unknown {
	const fixture = singleNodeWorkflow(parameters);
	const workflow = buildWorkflow(fixture);
	const node = workflow.getNode(NODE_NAME)!;
	const { subtitle } = nodeTypes.getByNameAndVersion(PACKAGE_NODE_TYPE).description;
	return workflow.expression.getSimpleParameterValue(node, subtitle, 'internal', {});
}

test.each([
	[undefined, 'checkSlug', 'Calendar Group: Check Slug Availability'],
	[undefined, 'create', 'Calendar Group: Create'],
	['calendarGroup', 'delete', 'Calendar Group: Delete'],
	['calendarGroup', 'disable', 'Calendar Group: Disable'],
	['calendarGroup', 'enable', 'Calendar Group: Enable'],
	['calendarGroup', 'get', 'Calendar Group: Get'],
	['calendarGroup', 'getAll', 'Calendar Group: Get Many'],
	['calendarGroup', 'update', 'Calendar Group: Update'],
	['calendar', 'create', 'Calendar: Create'],
	['calendar', 'getFreeSlots', 'Calendar: Get Free Slots'],
	['calendar', 'getAll', 'Calendar: Get Many'],
	['appointment', 'book', 'Appointment: Book'],
	['appointment', 'cancel', 'Appointment: Cancel'],
	['appointment', 'getAll', 'Appointment: Get Many'],
])('the subtitle of resource %s, operation %s reads "%s"', (resource, operation, shown) => {
	expect(subtitleFor(resource === undefined ? { operation } : { resource, operation })).toBe(shown);
});
