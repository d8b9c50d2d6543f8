import { nodeTypes, PACKAGE_NODE_TYPE } from '../../tools/engine/nodeTypes';

test('each field of the node panel is described once (a field listed twice shows twice in the editor)', () => {
	const { properties } = nodeTypes.getByNameAndVersion(PACKAGE_NODE_TYPE).description;
	const keys = properties.map((property) => `${property.name} ${JSON.stringify(property.displayOptions ?? {})}`);
	expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
});
