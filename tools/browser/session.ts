/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * One browser window for a suite: Chromium (chromium.ts) with one context at a fixed window size, the console of every
 * page it opens (popups too) kept in order, and steps: a step that fails leaves a screenshot of each open page and the
 * console so far in the run folder's `failures/`, then fails as it would have; the steps after it fail at once.
 */
import { mkdir, writeFile } from 'fs/promises';
import { join } from 'path';
import type { BrowserContext, Page } from 'playwright-core';

import { launchChromium, type RunningChromium } from './chromium';

export const WINDOW = { width: 1440, height: 900 };

export interface BrowserSession {
	context: BrowserContext;
	page: Page;
	/** the console messages and page errors of every page, as `[page] type: text` */
	consoleLines(): string[];
	/** runs `action`; when it throws, the screenshots and the console go to `failures/` first (later steps do not run) */
	step<T>(name: string, action: () => Promise<T>): Promise<T>;
	/** whether a step failed */
	failed(): boolean;
	stop(): Promise<void>;
}

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

export async function openSession(executable: string, runDir: string): Promise<BrowserSession> {
	const chromium: RunningChromium = await launchChromium(executable, join(runDir, 'chromium-profile'), WINDOW);
	const lines: string[] = [];
	let failures = 0;
	let opened = false;
	try {
		const context = await chromium.browser.newContext({ viewport: WINDOW, locale: 'en-US', timezoneId: 'UTC' });
		// a step waits this long for an element; a failing step fails soon and the later ones still run
		context.setDefaultTimeout(15000);
		// no CSS transitions or animations: a dropdown opens and closes at once instead of fading, as a step waits for it
		await context.addInitScript({
			content: `document.addEventListener('DOMContentLoaded', () => {
				const style = document.createElement('style');
				style.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
				document.head.appendChild(style);
			});`,
		});
		const pages = new Map<Page, string>();
		const watch = (page: Page) => {
			const label = pages.size === 0 ? 'editor' : `popup ${pages.size}`;
			pages.set(page, label);
			page.on('console', (message) => lines.push(`[${label}] ${message.type()}: ${message.text()}`));
			page.on('pageerror', (error) => lines.push(`[${label}] pageerror: ${error.message}`));
		};
		context.on('page', watch);
		const page = await context.newPage();
		const failuresDir = join(runDir, 'failures');

		const keepEvidence = async (name: string, error: unknown) => {
			failures += 1;
			const prefix = join(failuresDir, `${String(failures).padStart(2, '0')}-${slug(name)}`);
			await mkdir(failuresDir, { recursive: true });
			for (const [open, label] of pages) {
				if (!open.isClosed()) await open.screenshot({ path: `${prefix}-${slug(label)}.png` }).catch(() => undefined);
			}
			await writeFile(`${prefix}-console.txt`, `${String(error)}\n\n${lines.join('\n')}\n`);
		};

		opened = true;
		return {
			context,
			page,
			consoleLines: () => [...lines],
			step: async (name, action) => {
				// the steps share one page: after a failure the page is in no known state, its evidence is kept
				if (failures > 0) throw new Error(`not run: an earlier step failed (its screenshot and console are in ${failuresDir})`);
				const outcome = await action().then(
					(value) => ({ value }),
					(error: unknown) => ({ error }),
				);
				if ('error' in outcome) {
					await keepEvidence(name, outcome.error);
					throw outcome.error;
				}
				return outcome.value;
			},
			failed: () => failures > 0,
			stop: async () => {
				await context.close().catch(() => undefined);
				await chromium.stop();
			},
		};
	} finally {
		if (!opened) await chromium.stop();
	}
}
