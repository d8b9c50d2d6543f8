/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * Debian's Chromium, installed when missing (debianPackages.ts), started headless as a child of processes.ts (its own
 * process group, stopped with the suite pass or fail) with a new empty profile, and driven by playwright-core over
 * the DevTools protocol. No browser is downloaded. The flags keep it off the network: this machine's network is closed
 * and Chromium would otherwise keep trying Google's hosts.
 */
import { mkdir } from 'fs/promises';
import { chromium, type Browser } from 'playwright-core';

import { aptInstall, which } from '../debianPackages';
import { start, type Child } from '../processes';

const FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--remote-debugging-address=127.0.0.1',
	'--remote-debugging-port=0',
];

export interface RunningChromium {
	browser: Browser;
	child: Child;
	/** closes the connection, then ends Chromium's whole process group */
	stop(): Promise<void>;
}

/** The chromium executable, installed from Debian's packages first when there is none. */
export async function ensureChromium(log: (message: string) => void): Promise<string> {
	const found = await which('chromium');
	if (found) return found;
	await aptInstall(['chromium'], log);
	const installed = await which('chromium');
	if (!installed) throw new Error('chromium is still missing after apt-get install chromium');
	return installed;
}

export async function launchChromium(executable: string, profileDir: string, windowSize: { width: number; height: number }): Promise<RunningChromium> {
	await mkdir(profileDir, { recursive: true });
	const args = [...FLAGS, `--user-data-dir=${profileDir}`, `--window-size=${windowSize.width},${windowSize.height}`, 'about:blank'];
	// its working directory in the run folder: leftovers.ts finds it there if the suite is killed from outside
	const child = start('chromium', executable, args, { cwd: profileDir });
	const stop = async () => {
		await child.stop({ graceMs: 5000 });
	};
	let connected = false;
	try {
		const [, endpoint] = await child.waitFor(/DevTools listening on (ws:\/\/\S+)/, 60000);
		const browser = await chromium.connectOverCDP(endpoint);
		connected = true;
		return {
			browser,
			child,
			stop: async () => {
				await browser.close().catch(() => undefined);
				await stop();
			},
		};
	} finally {
		if (!connected) await stop();
	}
}
