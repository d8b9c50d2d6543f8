/** `n8n execute`: runs a stored workflow headless and reads the execution n8n prints. */
import { runN8n } from './command';
import type { N8nInstall } from './install';

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
	exitCode: number | null;
	durationMs: number;
}

interface PrintedRun {
	status?: string;
	finished?: boolean;
	data?: { resultData?: { runData?: Record<string, NodeRun[]>; error?: Execution['error']; lastNodeExecuted?: string } };
}

/**
 * `n8n execute --rawOutput` prints the execution as JSON indented by two spaces, after n8n's own log lines (and, on
 * failure, after "Execution was NOT successful" lines, with exit code 1). The last top-level object ("{" … "}" on lines
 * of their own) that holds resultData is the execution.
 */
export function parseExecuteOutput(stdout: string): PrintedRun | undefined {
	const lines = stdout.split(/\r?\n/);
	let found: PrintedRun | undefined;
	for (let i = 0; i < lines.length; i++) {
		if (lines[i] !== '{') continue;
		const end = lines.indexOf('}', i + 1);
		if (end < 0) break;
		try {
			const parsed = JSON.parse(lines.slice(i, end + 1).join('\n')) as PrintedRun;
			if (parsed?.data?.resultData) found = parsed;
		} catch {
			// not an execution
		}
		i = end;
	}
	return found;
}

/** Executes a stored workflow that starts with a trigger `execute` accepts (e.g. Manual Trigger). */
export async function executeWorkflow(inst: N8nInstall, userFolder: string, id: string, timeoutMs = 300000): Promise<Execution> {
	const answer = await runN8n(inst, userFolder, ['execute', `--id=${id}`, '--rawOutput'], { allowFail: true, timeoutMs });
	const printed = parseExecuteOutput(answer.stdout);
	const resultData = printed?.data?.resultData;
	const succeeded = printed?.status ? printed.status === 'success' : printed?.finished === true;
	return {
		ok: answer.code === 0 && !!printed && !resultData?.error && succeeded,
		status: printed?.status,
		runData: resultData?.runData,
		error: resultData?.error,
		lastNodeExecuted: resultData?.lastNodeExecuted,
		stdout: answer.stdout,
		stderr: answer.stderr,
		exitCode: answer.code,
		durationMs: answer.durationMs,
	};
}

/** The json of the items a node output in its last run. */
export function itemsOf(execution: Pick<Execution, 'runData'>, node: string, output = 0): Array<Record<string, unknown>> {
	return rawItemsOf(execution, node, output).map((item) => item.json);
}

/** The items (json and pairedItem) a node output in its last run. */
export function rawItemsOf(execution: Pick<Execution, 'runData'>, node: string, output = 0) {
	const runs = execution.runData?.[node];
	if (!runs?.length) throw new Error(`node "${node}" did not run; ran: ${Object.keys(execution.runData ?? {}).join(', ')}`);
	return runs[runs.length - 1].data?.main?.[output] ?? [];
}
