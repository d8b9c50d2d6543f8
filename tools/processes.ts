/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- Node-only tooling: runs in Node, never inside n8n; the one module that starts child processes */
/**
 * The one module that starts child processes. Each child runs in its own process group and is stopped with the
 * whole group (SIGTERM, then SIGKILL after a grace period), so that a wrapper's children (npm's, n8n's task runner)
 * go with it. Every child still running is killed when this process exits or is interrupted; jest suites call
 * stopAllChildren() in afterAll (test/setup/stopChildren.ts).
 */
import { spawn } from 'child_process';
import { createWriteStream, type WriteStream } from 'fs';

import { fmtMs } from './duration';

export interface Exit {
	code: number | null;
	signal: NodeJS.Signals | null;
	error?: Error;
}

export interface StartOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	uid?: number;
	gid?: number;
	/** also append the output to this file */
	logFile?: string;
	/** written to stdin, which is then closed */
	input?: string;
}

export interface Child {
	name: string;
	pid: number;
	stdout(): string;
	stderr(): string;
	/** stdout and stderr as they came */
	output(): string;
	exit(): Exit | undefined;
	/** resolves when the process has exited and its pipes are closed (or a moment after exit, if a leftover holds them) */
	exited: Promise<Exit>;
	/** resolves with the match once the whole output so far matches; rejects when the process exits first or on timeout */
	waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
	/** the whole group: `signal`, then SIGKILL after graceMs; then SIGKILL to whatever is left of the group */
	stop(options?: { signal?: NodeJS.Signals; graceMs?: number }): Promise<Exit>;
}

const KEPT_OUTPUT = 8 * 1024 * 1024;
const PIPES_GRACE_MS = 3000;
const running = new Set<Child>();

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
	// a child that never started has no pid: process.kill(-0) would signal this process's own group
	if (!pid || pid <= 0) return;
	try {
		process.kill(-pid, signal);
	} catch {
		// the group is gone
	}
}

/** Starts `command args` in a process group of its own. */
export function start(name: string, command: string, args: string[], options: StartOptions = {}): Child {
	const proc = spawn(command, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		uid: options.uid,
		gid: options.gid,
		detached: true,
		stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
	});
	if (options.input !== undefined) proc.stdin?.end(options.input);
	const file: WriteStream | undefined = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
	const texts = { stdout: '', stderr: '', output: '' };
	const listeners = new Set<() => void>();
	const notify = () => listeners.forEach((listener) => listener());
	const keep = (stream: 'stdout' | 'stderr') => (chunk: string) => {
		texts[stream] = (texts[stream] + chunk).slice(-KEPT_OUTPUT);
		texts.output = (texts.output + chunk).slice(-KEPT_OUTPUT);
		file?.write(chunk);
		notify();
	};
	proc.stdout?.setEncoding('utf8').on('data', keep('stdout'));
	proc.stderr?.setEncoding('utf8').on('data', keep('stderr'));

	let exit: Exit | undefined;
	const closed = new Promise<void>((resolve) => proc.once('close', () => resolve()));
	const exited = new Promise<Exit>((resolve) => {
		const finish = (result: Exit) => {
			if (exit) return;
			exit = result;
			running.delete(child);
			notify();
			// a leftover of the group may hold the pipes: give the output a moment, then end the group
			const pipesDone = new Promise<void>((done) => setTimeout(done, PIPES_GRACE_MS).unref());
			void Promise.race([closed, pipesDone]).then(() => {
				if (!proc.stdout?.closed) killGroup(proc.pid, 'SIGKILL');
				file?.end();
				resolve(result);
			});
		};
		proc.once('exit', (code, signal) => finish({ code, signal }));
		proc.once('error', (error) => finish({ code: null, signal: null, error }));
	});

	const child: Child = {
		name,
		pid: proc.pid ?? -1,
		stdout: () => texts.stdout,
		stderr: () => texts.stderr,
		output: () => texts.output,
		exit: () => exit,
		exited,
		waitFor: (pattern, timeoutMs) =>
			new Promise((resolve, reject) => {
				const settle = (error: Error | undefined, match?: RegExpExecArray) => {
					clearTimeout(timer);
					listeners.delete(check);
					if (error) reject(error);
					else resolve(match!);
				};
				const check = () => {
					const match = pattern.exec(texts.output);
					if (match) settle(undefined, match);
					else if (exit) settle(new Error(`${name} exited (${describeExit(exit)}) before printing ${pattern}\n${tail(texts.output)}`));
				};
				const timer = setTimeout(() => settle(new Error(`${name} did not print ${pattern} within ${fmtMs(timeoutMs)}\n${tail(texts.output)}`)), timeoutMs);
				listeners.add(check);
				check();
			}),
		stop: async ({ signal = 'SIGTERM', graceMs = 20000 } = {}) => {
			if (proc.pid === undefined) return exited;
			if (!exit) {
				killGroup(proc.pid, signal);
				const killer = setTimeout(() => killGroup(proc.pid, 'SIGKILL'), graceMs);
				await exited;
				clearTimeout(killer);
			}
			killGroup(proc.pid, 'SIGKILL');
			return exited;
		},
	};
	if (proc.pid !== undefined) running.add(child);
	return child;
}

export interface RunOptions extends StartOptions {
	timeoutMs?: number;
	/** resolve with a failed exit instead of rejecting */
	allowFail?: boolean;
	/** called every progressEveryMs while the command runs */
	progress?: (elapsedMs: number) => void;
	progressEveryMs?: number;
}

export interface RunResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	durationMs: number;
	timedOut: boolean;
}

/** Runs a command to its end (its whole group stopped on timeout) and resolves with its output. */
export async function run(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
	const started = Date.now();
	const child = start(command.split('/').pop() ?? command, command, args, options);
	let timedOut = false;
	const timer = options.timeoutMs
		? setTimeout(() => {
				timedOut = true;
				void child.stop({ graceMs: 5000 });
			}, options.timeoutMs)
		: undefined;
	const progress = options.progress;
	const ticker = progress ? setInterval(() => progress(Date.now() - started), options.progressEveryMs ?? 20000) : undefined;
	const exit = await child.exited;
	clearTimeout(timer);
	clearInterval(ticker);
	const result: RunResult = {
		code: exit.code,
		signal: exit.signal,
		stdout: child.stdout(),
		stderr: child.stderr(),
		durationMs: Date.now() - started,
		timedOut,
	};
	if (exit.error) throw new Error(`${command} could not start: ${exit.error.message}`);
	if ((exit.code !== 0 || timedOut) && !options.allowFail) {
		const why = timedOut ? `timed out after ${fmtMs(options.timeoutMs ?? 0)}` : `exited with ${describeExit(exit)}`;
		throw new Error(
			`${command} ${args.join(' ')} ${why} (cwd ${options.cwd ?? process.cwd()})\n` +
				`--- stdout (tail) ---\n${tail(result.stdout, 40)}\n--- stderr (tail) ---\n${tail(result.stderr, 40)}`,
		);
	}
	return result;
}

/** Stops every child this process started that is still running. */
export async function stopAllChildren(): Promise<void> {
	await Promise.allSettled([...running].map(async (child) => await child.stop({ graceMs: 10000 })));
}

/** The children still running (for tests of this module and for diagnostics). */
export function runningChildren(): Child[] {
	return [...running];
}

function killAllNow(): void {
	for (const child of running) killGroup(child.pid, 'SIGKILL');
}

/**
 * The last resort, once per process (jest loads this module once per test file): when the process exits, SIGKILL to
 * every child group still running; likewise on SIGINT, SIGTERM and SIGHUP when nothing else here handles the signal
 * (a command with its own handler stops its children gracefully), after which the signal takes its default course.
 */
const LAST_RESORT = Symbol.for('n8n-nodes-highlevel-calendars.processes.lastResort');
const registry = process as unknown as Record<symbol, Set<() => void> | undefined>;
if (!registry[LAST_RESORT]) {
	const killers = new Set<() => void>();
	registry[LAST_RESORT] = killers;
	const killAll = () => killers.forEach((kill) => kill());
	process.once('exit', killAll);
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		const onSignal = () => {
			if (process.listenerCount(signal) > 1) return;
			killAll();
			process.removeListener(signal, onSignal);
			process.kill(process.pid, signal);
		};
		process.on(signal, onSignal);
	}
}
registry[LAST_RESORT].add(killAllNow);

export function describeExit(exit: Exit): string {
	if (exit.error) return exit.error.message;
	return exit.signal ?? `code ${exit.code}`;
}

export function tail(text: string, lines = 30): string {
	return text.split('\n').slice(-lines).join('\n');
}
