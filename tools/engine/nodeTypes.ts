import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

// ".js" names the TypeScript source: without an extension, Node (under tsx) would load the codex HighLevelCalendars.node.json
import { HighLevelCalendars } from '../../nodes/HighLevelCalendars/HighLevelCalendars.node.js';
import { HighLevelTrigger } from '../../nodes/HighLevelTrigger/HighLevelTrigger.node.js';

export const PACKAGE_NODE_TYPE = 'n8n-nodes-highlevel-calendars.highLevelCalendars';
export const TRIGGER_NODE_TYPE = 'n8n-nodes-highlevel-calendars.highLevelTrigger';

/** Emits the items of its `items` parameter: stands in for a CRM trigger or a data node. */
class FixtureItems implements INodeType {
	description: INodeType['description'] = {
		displayName: 'Fixture Items',
		name: 'fixtureItems',
		group: ['input'],
		version: 1,
		description: 'Test stand-in for a trigger or a node that produces data',
		defaults: { name: 'Fixture Items' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | IDataObject[];
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject[];
		return [items.map((json) => ({ json, pairedItem: { item: 0 } }))];
	}
}

const types: Record<string, INodeType> = {
	[PACKAGE_NODE_TYPE]: new HighLevelCalendars(),
	[TRIGGER_NODE_TYPE]: new HighLevelTrigger(),
	'test.fixtureItems': new FixtureItems(),
};

export const nodeTypes: INodeTypes = {
	getByName: (name: string) => types[name] as INodeType | IVersionedNodeType,
	getByNameAndVersion: (name: string) => types[name],
	getKnownTypes: () => ({}),
};
