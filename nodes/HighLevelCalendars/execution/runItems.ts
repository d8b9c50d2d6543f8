import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { DEFAULT_MAX_IN_FLIGHT } from '../description/commonFields';
import { ExecutionSession } from './session';

export type ItemHandler = (
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
) => Promise<IDataObject[]>;

/** The error as n8n shows it, carrying the index of the item it happened in. */
function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number) {
	if (!(error instanceof NodeApiError || error instanceof NodeOperationError)) {
		return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	}
	error.context.itemIndex ??= itemIndex;
	return error;
}

function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	return { json, pairedItem: { item: itemIndex } };
}

/**
 * Runs the handler for every input item, up to Max Requests In Flight at once, and returns the
 * outputs in input order, each paired with its item. With Continue On Fail a failing item gives one
 * error item and the others carry on; without it, the lowest failing item stops the node.
 */
export async function runItems(ctx: IExecuteFunctions, handler: ItemHandler): Promise<INodeExecutionData[]> {
	const itemCount = ctx.getInputData().length;
	const options = ctx.getNodeParameter('options', 0, {}) as { maxInFlight?: number };
	const maxInFlight = Math.max(1, options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT);
	const workerCount = Math.min(itemCount, maxInFlight);
	const outputs: INodeExecutionData[][] = new Array(itemCount);
	let sessionOpening: Promise<ExecutionSession> | undefined;
	let stop: { itemIndex: number; error: NodeApiError | NodeOperationError } | undefined;
	let nextItem = 0;

	const runItem = async (itemIndex: number) => {
		try {
			sessionOpening ??= ExecutionSession.open(ctx, maxInFlight);
			const results = await handler.call(ctx, await sessionOpening, itemIndex);
			outputs[itemIndex] = results.map((json) => ({ json, pairedItem: { item: itemIndex } }));
		} catch (error) {
			const nodeError = asNodeError(ctx, error, itemIndex);
			if (ctx.continueOnFail()) outputs[itemIndex] = [errorItem(nodeError, itemIndex)];
			else if (!stop || itemIndex < stop.itemIndex) stop = { itemIndex, error: nodeError };
		}
	};
	const worker = async () => {
		while (nextItem < itemCount && !stop) await runItem(nextItem++);
	};
	await Promise.all(Array.from({ length: workerCount }, worker));
	if (stop) throw stop.error;
	return outputs.flat();
}
