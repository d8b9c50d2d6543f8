/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * The README's pictures: screenshots of the editor at the session's fixed window size, written to docs/images/ by
 * `npm run pictures` (UPDATE_PICTURES=1), and to the run folder by any other run, so that a test run leaves the
 * committed pictures as they are. Before each one the page is searched for the secrets given: none may be in its visible text, and an input that
 * holds one must be a password field (the browser masks it).
 */
import { mkdir } from 'fs/promises';
import { join } from 'path';
import type { Page } from 'playwright-core';

import { REPO_ROOT } from '../paths';

export const PICTURES_DIR = join(REPO_ROOT, 'docs', 'images');

/** Where this run's pictures go: docs/images/ when asked to update them, else `<runDir>/pictures`. */
export function picturesDir(runDir: string): string {
	return process.env.UPDATE_PICTURES === '1' ? PICTURES_DIR : join(runDir, 'pictures');
}

export interface ShownSecrets {
	/** secrets found in the text the page shows */
	inText: string[];
	/** secrets found in an input the browser does not mask */
	inInputs: string[];
	/** how many password inputs hold a secret (masked) */
	masked: number;
}

export async function shownSecrets(page: Page, secrets: string[]): Promise<ShownSecrets> {
	const wanted = secrets.filter((secret) => secret.length >= 8);
	const values = async (selector: string) => await Promise.all((await page.locator(selector).all()).map(async (input) => await input.inputValue()));
	const text = await page.locator('body').innerText();
	const plain = await values('input:not([type=password]), textarea');
	const masked = await values('input[type=password]');
	const holds = (inputs: string[], secret: string) => inputs.some((value) => value.includes(secret));
	return {
		inText: wanted.filter((secret) => text.includes(secret)),
		inInputs: wanted.filter((secret) => holds(plain, secret)),
		masked: masked.filter((value) => wanted.some((secret) => value.includes(secret))).length,
	};
}

/** Saves `<dir>/<name>.png` after checking that no secret is shown; returns the file's path. */
export async function savePicture(page: Page, dir: string, name: string, secrets: string[]): Promise<string> {
	const shown = await shownSecrets(page, secrets);
	if (shown.inText.length || shown.inInputs.length) {
		throw new Error(`picture ${name}: a secret is visible (${shown.inText.length} in the text, ${shown.inInputs.length} in unmasked inputs)`);
	}
	await mkdir(dir, { recursive: true });
	const path = join(dir, `${name}.png`);
	await page.screenshot({ path });
	return path;
}
