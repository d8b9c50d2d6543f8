// Fails unless `npm pack` would ship only dist/, README.md, LICENSE and package.json.
import { execFileSync } from 'node:child_process';

const [report] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
const files = report.files.map((file) => file.path);
const stray = files.filter((path) => !/^(dist\/|README\.md$|LICENSE$|package\.json$)/.test(path));
const required = ['package.json', 'README.md', 'LICENSE', 'dist/nodes/HighLevelCalendarGroup/HighLevelCalendarGroup.node.js', 'dist/nodes/HighLevelCalendarGroup/HighLevelCalendarGroup.node.json', 'dist/credentials/HighLevelCalendarsApi.credentials.js', 'dist/credentials/HighLevelCalendarsOAuth2Api.credentials.js', 'dist/icons/highlevel.svg', 'dist/icons/highlevel.dark.svg'];
const missing = required.filter((path) => !files.includes(path));
console.log(`npm pack would ship ${files.length} files (${(report.size / 1024).toFixed(1)} KiB packed)`);
if (stray.length || missing.length) {
	console.error(`not shipped but required: ${missing.join(', ') || 'none'}\nshipped but not allowed: ${stray.join(', ') || 'none'}`);
	process.exit(1);
}
