/** The queue run's command line: [--line 1|2] [--workflows 4] [--items 150] [--workers 2] [--concurrency 2] [--max 100]
 * [--interval 1000] [--latency 50] [--window fixed|sliding] (default: each in turn) [--max-retries N] [--max-in-flight N] [--timeout 600] */
import type { Line } from '../n8n/install';
import { WINDOW_MODELS, type WindowModel } from '../sandbox/burst-window';

export interface QueueOptions {
	line: Line;
	/** the sandbox's window models, run in turn */
	windows: readonly WindowModel[];
	workflows: number;
	items: number;
	workers: number;
	concurrency: number;
	max: number;
	interval: number;
	latency: number;
	timeout: number;
	'max-retries'?: number;
	'max-in-flight'?: number;
}

type Numeric = Exclude<keyof QueueOptions, 'line' | 'windows'>;
const NUMERIC = new Set<string>(['workflows', 'items', 'workers', 'concurrency', 'max', 'interval', 'latency', 'timeout', 'max-retries', 'max-in-flight']);

export function parseQueueArgs(argv: string[]): QueueOptions {
	const options: QueueOptions = { line: '2', windows: WINDOW_MODELS, workflows: 4, items: 150, workers: 2, concurrency: 2, max: 100, interval: 1000, latency: 50, timeout: 600 };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=');
		const name = flag.replace(/^--/, '');
		if (!flag.startsWith('--') || !(name === 'line' || name === 'window' || NUMERIC.has(name))) throw new Error(`unknown argument ${argv[i]}`);
		const raw = inline ?? argv[++i];
		if (name === 'window') {
			const model = WINDOW_MODELS.find((m) => m === raw);
			if (!model) throw new Error(`--window is ${WINDOW_MODELS.join(' or ')}`);
			options.windows = [model];
			continue;
		}
		if (name === 'line') {
			if (raw !== '1' && raw !== '2') throw new Error('--line is 1 or 2');
			options.line = raw;
			continue;
		}
		const value = Number(raw);
		if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a whole number (got ${raw})`);
		options[name as Numeric] = value;
	}
	if (options.workflows < 1 || options.items < 1 || options.workers < 1 || options.concurrency < 1) {
		throw new Error('workflows, items, workers, concurrency must be >= 1');
	}
	return options;
}
