/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
import { setTimeout as sleep } from 'timers/promises';

import { run, runningChildren, start, stopAllChildren } from '../../tools/processes';

/** A node process that starts a grandchild (which would outlive a plain kill of its parent) and prints its pid. */
const PARENT_WITH_GRANDCHILD = [
	'-e',
	"const g = require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });" +
		"process.stdout.write('grandchild ' + g.pid + '\\n'); setInterval(() => {}, 1000);",
];

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Whether the process is gone once the system has reaped it (a killed orphan is briefly a zombie). */
async function goneSoon(pid: number): Promise<boolean> {
	for (let i = 0; i < 50 && alive(pid); i++) await sleep(100);
	return !alive(pid);
}

describe('tools/processes', () => {
	afterEach(async () => await stopAllChildren());

	test('stop() ends the whole process group, grandchildren included', async () => {
		const parent = start('parent', process.execPath, PARENT_WITH_GRANDCHILD);
		const [, grandchild] = await parent.waitFor(/grandchild (\d+)\n/, 10000);
		expect(await parent.stop({ graceMs: 2000 })).toEqual({ code: null, signal: 'SIGTERM' });
		expect(await goneSoon(Number(grandchild))).toBe(true);
		expect(runningChildren()).toEqual([]);
	});

	test('stopAllChildren() ends every child still running', async () => {
		const first = start('first', process.execPath, PARENT_WITH_GRANDCHILD);
		const second = start('second', process.execPath, PARENT_WITH_GRANDCHILD);
		const grandchildren = await Promise.all([first, second].map(async (child) => Number((await child.waitFor(/grandchild (\d+)\n/, 10000))[1])));
		await stopAllChildren();
		expect([first.exit()?.signal, second.exit()?.signal]).toEqual(['SIGTERM', 'SIGTERM']);
		for (const pid of grandchildren) expect(await goneSoon(pid)).toBe(true);
	});

	test('waitFor() matches the whole output, however it is chunked', async () => {
		const child = start('chunks', process.execPath, ['-e', "process.stdout.write('first half, '); setTimeout(() => process.stdout.write('second half\\n'), 300);"]);
		await expect(child.waitFor(/first half, second half\n/, 10000)).resolves.toBeTruthy();
		expect((await child.exited).code).toBe(0);
	});

	test('waitFor() fails with the output when the process exits first', async () => {
		const child = start('early exit', process.execPath, ['-e', "process.stderr.write('no luck\\n'); process.exit(3)"]);
		await expect(child.waitFor(/never printed/, 10000)).rejects.toThrow(/early exit exited \(code 3\) before printing \/never printed\/\nno luck/);
	});

	test('run() resolves with the output, rejects on a failure with its tail, and stops the group on timeout', async () => {
		const ok = await run(process.execPath, ['-e', "process.stdout.write('out'); process.stderr.write('err')"]);
		expect([ok.code, ok.stdout, ok.stderr]).toEqual([0, 'out', 'err']);
		await expect(run(process.execPath, ['-e', "process.stderr.write('broken\\n'); process.exit(2)"])).rejects.toThrow(/exited with code 2[^]*--- stderr \(tail\) ---\nbroken/);
		// long enough for the child to start its grandchild on a loaded machine: the group kill is only tested with its pid
		const slow = await run(process.execPath, PARENT_WITH_GRANDCHILD, { timeoutMs: 5000, allowFail: true });
		expect(slow.timedOut).toBe(true);
		const grandchild = Number(/grandchild (\d+)/.exec(slow.stdout)?.[1]);
		expect(Number.isInteger(grandchild) && grandchild > 0).toBe(true);
		expect(await goneSoon(grandchild)).toBe(true);
	});
});
