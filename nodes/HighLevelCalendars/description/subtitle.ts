import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

function optionNames(field: INodeProperties): Array<[string, string]> {
	return (field.options as INodePropertyOptions[]).map((option) => [String(option.value), option.name]);
}

/**
 * The editor's subtitle expression: the resource and operation as their dropdowns show them ("Calendar: Get Many"),
 * each operation field read for the resource its displayOptions show it for. The lookups are flat objects: a
 * nested one would end in "}}", which closes the expression.
 */
export function resourceOperationSubtitle(resourceField: INodeProperties, operationFields: INodeProperties[]): string {
	const resources = Object.fromEntries(optionNames(resourceField));
	const operations = Object.fromEntries(
		operationFields.flatMap((field) => {
			const resource = String(field.displayOptions?.show?.resource?.[0]);
			return optionNames(field).map(([value, name]) => [`${resource} ${value}`, `${resources[resource]}: ${name}`]);
		}),
	);
	return `={{ (${JSON.stringify(operations)})[$parameter["resource"] + " " + $parameter["operation"]] }}`;
}
