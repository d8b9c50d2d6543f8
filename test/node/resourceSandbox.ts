/** One sandbox at a time for a resource's engine tests, and the node run on it with On Error → Continue. */
import type { INodeParameters } from 'n8n-workflow';

import { sandboxCredentials } from '../../tools/engine/credentials';
import { runWorkflow } from '../../tools/engine/runWorkflow';
import { NODE_NAME, singleNodeWorkflow, withContinueOnFail } from '../../tools/engine/workflows';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../tools/sandbox/server';

export class ResourceSandbox {
	sandbox!: Sandbox;

	constructor(private readonly resource: string) {}

	/** A new sandbox with these options (the one before is closed). */
	async start(options: SandboxOptions = {}): Promise<Sandbox> {
		await this.sandbox?.close();
		this.sandbox = await startSandbox({ port: 0, ...options });
		return this.sandbox;
	}

	async close(): Promise<void> {
		await this.sandbox?.close();
	}

	/** The node on the resource with the demo token; its output items, or the error that stopped it. */
	async run(parameters: INodeParameters, items: object[] = [{}]) {
		const workflow = withContinueOnFail(singleNodeWorkflow({ resource: this.resource, ...parameters }, items));
		const result = await runWorkflow(workflow, sandboxCredentials(this.sandbox.url));
		return { output: result.output(NODE_NAME) ?? [], error: result.error(NODE_NAME) };
	}
}
