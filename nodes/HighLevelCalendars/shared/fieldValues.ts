import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The fields set, without empty texts (an empty field is one not set). */
export function setFields(fields: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== '' && value !== undefined));
}

/** Update's fields, or the error when none is set. */
export function requireUpdate(node: INode, fields: IDataObject, itemIndex: number, hint = 'Add a field under Update Fields'): IDataObject {
	if (Object.keys(fields).length > 0) return fields;
	throw new NodeOperationError(node, `Nothing to update in item ${itemIndex}`, { itemIndex, description: hint });
}

/** A list HighLevel answers whole, as Get Many returns it: all with Return All, else the first Limit records. */
export function firstOf<T>(ctx: IExecuteFunctions, itemIndex: number, records: T[]): T[] {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return records;
	return records.slice(0, ctx.getNodeParameter('limit', itemIndex, 50) as number);
}

/** A JSON list field (as text, or a list mapped from an expression), else the error naming the field and the item. */
export function readJsonList(node: INode, value: unknown, field: string, itemIndex: number): IDataObject[] {
	let list = value;
	if (typeof value === 'string') {
		try {
			list = JSON.parse(value);
		} catch {
			list = undefined;
		}
	}
	if (!Array.isArray(list)) {
		throw new NodeOperationError(node, `${field} in item ${itemIndex} is not a JSON list`, { itemIndex, description: `Give ${field} as a list, e.g. [{ "id": "…" }]` });
	}
	return list as IDataObject[];
}
