import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from './commonFields';

/** The Operation field of a resource with Create, Delete, Get, Get Many and Update (`one`: "a service", `many`: "services"). */
export function crudOperationField(resource: Resource, one: string, many: string): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: [
			{ name: 'Create', value: 'create', action: `Create ${one}` },
			{ name: 'Delete', value: 'delete', action: `Delete ${one}` },
			{ name: 'Get', value: 'get', action: `Get ${one}` },
			{ name: 'Get Many', value: 'getAll', action: `Get many ${many}` },
			{ name: 'Update', value: 'update', action: `Update ${one}` },
		],
		default: 'create',
	};
}
