/**
 * The test side of bridge-process.mjs: forks it (plain Node, no jest module sandbox, no experimental flags) and calls its
 * operations over the IPC channel. Closing the channel makes it stop every process it started.
 */
import { ChildProcess, fork } from 'child_process';
import { join } from 'path';

interface Reply {
	id: number;
	ok: boolean;
	value?: unknown;
	error?: { message: string; stack?: string };
}

export interface N8nInstall {
	line: '1' | '2';
	version: string;
	nodeBin: string;
	nodeVersion: string;
	n8nEntry: string;
	dir: string;
}

export interface NodeRun {
	executionStatus?: string;
	error?: { message?: string; description?: string };
	data?: { main?: Array<Array<{ json: Record<string, unknown>; pairedItem?: unknown }> | null> };
}

export interface Execution {
	ok: boolean;
	status?: string;
	runData?: Record<string, NodeRun[]>;
	error?: { message?: string; description?: string; node?: { name?: string } };
	lastNodeExecuted?: string;
	stdout: string;
	stderr: string;
	exitCode: number;
	durationMs: number;
}

export interface HttpAnswer {
	status: number;
	text: string;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- n8n's and the sandbox's JSON, read by the tests
	json?: any;
}

export interface PreparedFolder {
	userFolder: string;
	reinstalled: boolean;
	package: { name: string; version: string; dir: string; nodeTypes: string[]; credentialTypes: string[] };
}

export interface Imported {
	credentialIds: string[];
	workflowIds: string[];
	outputs: Array<{ command: string; stdout: string; stderr: string; durationMs: number }>;
}

export class Bridge {
	private readonly child: ChildProcess;

	private seq = 0;

	private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; op: string }>();

	private readonly ready: Promise<void>;

	private exited = false;

	constructor() {
		const env = { ...process.env };
		delete env.NODE_OPTIONS;
		this.child = fork(join(__dirname, 'bridge-process.mjs'), [], {
			execArgv: [],
			env,
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		});
		let markReady: () => void = () => undefined;
		let failReady: (e: Error) => void = () => undefined;
		this.ready = new Promise<void>((res, rej) => {
			markReady = res;
			failReady = rej;
		});
		this.child.on('message', (msg: Reply) => {
			if (msg.id === 0) return markReady();
			const p = this.pending.get(msg.id);
			if (!p) return;
			this.pending.delete(msg.id);
			if (msg.ok) p.resolve(msg.value);
			else {
				const err = new Error(`${p.op}: ${msg.error?.message}`);
				if (msg.error?.stack) err.stack = `${err.message}\n(bridge) ${msg.error.stack}`;
				p.reject(err);
			}
		});
		this.child.on('exit', (code, signal) => {
			this.exited = true;
			const err = new Error(`the e2e bridge process exited (${code ?? signal})`);
			failReady(err);
			for (const p of this.pending.values()) p.reject(err);
			this.pending.clear();
		});
	}

	async call<T = unknown>(op: string, ...args: unknown[]): Promise<T> {
		await this.ready;
		if (this.exited) throw new Error('the e2e bridge process is gone');
		const id = ++this.seq;
		return new Promise<T>((resolve, reject) => {
			this.pending.set(id, { resolve: (v) => resolve(v as T), reject, op });
			this.child.send({ id, op, args });
		});
	}

	/** Stops everything the bridge started, then the bridge itself. */
	async close(): Promise<void> {
		if (this.exited) return;
		try {
			await this.call('stopAll');
		} finally {
			const gone = new Promise<void>((r) => this.child.once('exit', () => r()));
			if (!this.exited) this.child.disconnect();
			const killer = setTimeout(() => this.child.kill('SIGKILL'), 30000);
			await gone;
			clearTimeout(killer);
		}
	}
}

/** The json of the items a node output in its last run (first output). */
export function itemsOf(exec: Execution, node: string, output = 0): Array<Record<string, unknown>> {
	const runs = exec.runData?.[node];
	if (!runs?.length) throw new Error(`node "${node}" did not run; ran: ${Object.keys(exec.runData ?? {}).join(', ')}`);
	return (runs[runs.length - 1].data?.main?.[output] ?? []).map((i) => i.json);
}

/** The full items (json + pairedItem) of a node's last run. */
export function rawItemsOf(exec: Execution, node: string, output = 0) {
	const runs = exec.runData?.[node];
	if (!runs?.length) throw new Error(`node "${node}" did not run`);
	return runs[runs.length - 1].data?.main?.[output] ?? [];
}
