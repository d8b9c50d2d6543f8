/* eslint-disable @n8n/community-nodes/no-restricted-globals -- Node-only tooling: runs in Node, never inside n8n */
/** `npm run check:pack`: fails unless `npm pack` would ship only dist/, README.md, LICENSE and package.json, all it needs. */
import { REPO_ROOT } from '../paths';
import { run } from '../processes';

const REQUIRED = [
	'package.json',
	'README.md',
	'LICENSE',
	'dist/nodes/HighLevelCalendars/HighLevelCalendars.node.js',
	'dist/nodes/HighLevelCalendars/HighLevelCalendars.node.json',
	'dist/credentials/HighLevelCalendarsApi.credentials.js',
	'dist/credentials/HighLevelCalendarsOAuth2Api.credentials.js',
	'dist/icons/highlevel.svg',
	'dist/icons/highlevel.dark.svg',
];

async function main(): Promise<number> {
	const answer = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT });
	const [report] = JSON.parse(answer.stdout) as Array<{ files: Array<{ path: string }>; size: number }>;
	const files = report.files.map((file) => file.path);
	const stray = files.filter((path) => !/^(dist\/|README\.md$|LICENSE$|package\.json$)/.test(path));
	const missing = REQUIRED.filter((path) => !files.includes(path));
	process.stdout.write(`npm pack would ship ${files.length} files (${(report.size / 1024).toFixed(1)} KiB packed)\n`);
	if (!stray.length && !missing.length) return 0;
	process.stderr.write(`not shipped but required: ${missing.join(', ') || 'none'}\nshipped but not allowed: ${stray.join(', ') || 'none'}\n`);
	return 1;
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		process.stderr.write(`${error.message}\n`);
		process.exit(1);
	},
);
