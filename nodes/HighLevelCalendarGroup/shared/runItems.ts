import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ExecutionSession } from './session';

export type ItemHandler = (
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
) => Promise<IDataObject[]>;

function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number) {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	return { json, pairedItem: { item: itemIndex } };
}

/**
 * Runs the handler for every input item. Each item gives its own output items, paired with it;
 * with Continue On Fail a failing item gives one error item and the others carry on.
 */
export async function runItems(ctx: IExecuteFunctions, handler: ItemHandler): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	const output: INodeExecutionData[] = [];
	let session: ExecutionSession | undefined;
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			session ??= await ExecutionSession.open(ctx);
			const results = await handler.call(ctx, session, itemIndex);
			for (const json of results) output.push({ json, pairedItem: { item: itemIndex } });
		} catch (error) {
			const nodeError = asNodeError(ctx, error, itemIndex);
			if (!ctx.continueOnFail()) throw nodeError;
			output.push(errorItem(nodeError, itemIndex));
		}
	}
	return output;
}
