/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * docs/queue.md keeps every run: the last run's full report, then a history that each run extends by one line per
 * window model (never rewritten), so a figure quoted from any run stays where the README links.
 */
import { readFile } from 'fs/promises';
import { cpus, loadavg } from 'os';

import type { QueueOptions } from './args';

export const HISTORY_HEADING = '## Every run';

const HISTORY_INTRO =
	'One line per run and window model, oldest first; `npm run test:queue` adds its own at the end. Load is the ' +
	'1-minute load average when the run ended (other work on the machine makes the figure worse).';

/** What this run adds to the history: when, on what, the shape of the run, and its `limit used` line. */
export function historyLine(options: QueueOptions, limitLine: string, at = new Date()): string {
	const when = `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
	const machine = `${cpus().length} cores, load ${loadavg()[0].toFixed(1)}`;
	return `- ${when} (${machine}), ${options.workers} workers (concurrency ${options.concurrency}), ${options.workflows} × ${options.items} creates: ${limitLine}`;
}

/** The history lines already in the report file (none when it has no history yet). */
export async function readHistory(reportFile: string): Promise<string[]> {
	const text = await readFile(reportFile, 'utf8').catch(() => '');
	const start = text.indexOf(`\n${HISTORY_HEADING}\n`);
	if (start < 0) return [];
	return text
		.slice(start)
		.split('\n')
		.filter((line) => line.startsWith('- '));
}

/** The report file: this run's report, then the history with this run's lines added. */
export function withHistory(reportText: string, history: string[], added: string[]): string {
	return `${reportText}\n\n${HISTORY_HEADING}\n\n${HISTORY_INTRO}\n\n${[...history, ...added].join('\n')}\n`;
}
