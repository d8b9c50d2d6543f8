/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/** The environment of an n8n process on these machines: settings every run needs, plus the caller's. */
import { delimiter, dirname, resolve } from 'path';

import { freePort } from '../freePort';
import type { N8nInstall } from './install';

export type Env = Record<string, string>;

/** What n8n of this line needs here (without N8N_USER_FOLDER). */
export function baseEnv(line: '1' | '2', nodeBin: string): Env {
	const env: Env = {
		// n8n 2.x spawns its JavaScript task runner as `node` from PATH: its own Node comes first
		PATH: [dirname(nodeBin), process.env.PATH ?? ''].join(delimiter),
		DB_TYPE: 'sqlite',
		// the import helpers read n8n's info lines ("Successfully imported ...")
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		DB_SQLITE_POOL_SIZE: '2',
		EXECUTIONS_MODE: 'regular',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		// the vetted-package list lives on n8n's servers, unreachable here
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_GIT_NODE_DISABLE_BARE_REPOS: 'true',
	};
	if (line === '1') {
		// n8n 1.x's `vm` expression engine needs isolated-vm 6, which has no build for Node 20
		env.N8N_EXPRESSION_ENGINE = 'legacy';
		env.N8N_RUNNERS_ENABLED = 'false';
		env.N8N_BLOCK_ENV_ACCESS_IN_NODE = 'false';
	}
	return env;
}

/**
 * The environment for one n8n process: this process's, minus what the caller's tooling set for itself (NODE_OPTIONS,
 * NODE_ENV: n8n changes behaviour under NODE_ENV=test; npm_*), plus the install's, the user folder and extra.
 */
export async function n8nEnv(inst: N8nInstall, userFolder: string, extra: Env = {}): Promise<Env> {
	const env: Env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (value !== undefined && key !== 'NODE_OPTIONS' && key !== 'NODE_ENV' && !key.startsWith('npm_')) env[key] = value;
	}
	Object.assign(env, inst.baseEnv, { N8N_USER_FOLDER: resolve(userFolder) });
	// n8n 2.x always starts a task broker (default port 5679): one port per process, so processes never collide
	if (inst.line === '2' && !extra.N8N_RUNNERS_BROKER_PORT) env.N8N_RUNNERS_BROKER_PORT = String(await freePort());
	return Object.assign(env, extra);
}
