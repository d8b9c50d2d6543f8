import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** The editor's subtitle expression: the chosen option's name as the dropdown shows it ("Get Many"). */
export function optionNameSubtitle(field: INodeProperties): string {
	const options = field.options as INodePropertyOptions[];
	const names = Object.fromEntries(options.map((option) => [option.value, option.name]));
	return `={{ (${JSON.stringify(names)})[$parameter["${field.name}"]] }}`;
}
