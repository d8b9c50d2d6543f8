/** How the tooling runs `npm install` for n8n and Node: no install scripts (native builds are done by hand). */
export const NPM_INSTALL_FLAGS = [
	'--no-audit',
	'--no-fund',
	'--omit=dev',
	'--ignore-scripts',
	'--prefer-offline',
	'--no-update-notifier',
	'--no-progress',
	'--loglevel=warn',
];
