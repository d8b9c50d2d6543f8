/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * End-to-end, real n8n (both lines): the OAuth2 dance for both OAuth2 credentials against the sandbox's OAuth server,
 * and access tokens expiring during a 300-item bulk Create (sub-account and agency credential, plain single-use
 * refresh tokens and revoke-on-reuse). Every token the sandbox issued is searched for in everything n8n put out.
 *
 *   npm run test:e2e -- test/e2e/oauth.test.ts      E2E_LINES=2 for one line, E2E_KEEP=1 keeps .cache/e2e/
 */
import { randomBytes } from 'crypto';
import { rm } from 'fs/promises';
import { join } from 'path';

import { startEditor, type Editor } from '../../tools/n8n/editor';
import { executeWorkflow, rawItemsOf, type Execution } from '../../tools/n8n/execute';
import { exportDecryptedCredentials, type StoredCredential } from '../../tools/n8n/exportCredentials';
import { ensureN8n, stderrLog, type N8nInstall } from '../../tools/n8n/install';
import { connectOAuth2 } from '../../tools/n8n/oauthConnect';
import type { Owner } from '../../tools/n8n/owner';
import { createCredential, type Answers } from '../../tools/n8n/restCredentials';
import { createWorkflow } from '../../tools/n8n/restWorkflows';
import { prepareUserFolder } from '../../tools/n8n/userFolder';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../tools/sandbox/server';
import { scanFiles } from '../../tools/scanFiles';
import {
	AGENCY_CRED_TYPE,
	SUB_CRED_TYPE,
	bulkCreateWorkflow,
	danceWorkflow,
	type OAuthCred,
	type OAuthKind,
} from './support/oauthWorkflows';
import { e2eRun, KEEP, LINES, MINUTE } from './support/run';

const OWNER: Owner = { email: 'e2e-oauth@example.com', password: `E2e-${randomBytes(9).toString('hex')}-Pw1`, firstName: 'E2E', lastName: 'OAuth' };

const COMPANY = 'sandboxCompany0001';
const [LOCATION_1, LOCATION_2, LOCATION_3] = ['sandboxLocation0001', 'sandboxLocation0002', 'sandboxLocation0003'];
const BULK_ITEMS = 300;
/** Access tokens (and minted location tokens) live this long in the expiry sandboxes: every bulk run outlives them. */
const LIFETIME_SECONDS = 2;
/** Each answer takes this long, so that 300 creates, 16 at a time, take about 3 s: tokens expire during the run. */
const LATENCY_MS = 150;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

type Combo = `${OAuthKind} ${'plain' | 'revoke'}`;
const COMBOS: Combo[] = ['sub plain', 'sub revoke', 'agency plain', 'agency revoke'];
const nodeOf = (combo: Combo) => `Create (${combo})`;

const run = e2eRun('e2e oauth');

describe.each(LINES)('OAuth2 in real n8n, line %s', (line) => {
	const say = (msg: string) => process.stderr.write(`[e2e oauth line ${line}] ${msg}\n`);
	let inst: N8nInstall;
	let userFolder: string;
	let editor: Editor | undefined;
	/** the dance sandbox (tokens live a day) and one per expiry combination */
	let danceSandbox: Sandbox;
	const expirySandboxes = {} as Record<Combo, Sandbox>;
	const creds = {} as Record<'dance sub' | 'dance agency' | Combo, OAuthCred>;
	const callbacks: Record<string, { status: number; text: string }> = {};
	let wf: Record<'dance' | 'bulk' | 'next', string>;
	const executions: Array<{ name: string; exec: Execution }> = [];
	const processOutputs: Array<{ what: string; text: string }> = [];
	const restAnswers: Answers = [];
	let stored: StoredCredential[] = [];

	async function execute(key: keyof typeof wf, label: string): Promise<Execution> {
		const exec = await executeWorkflow(inst, userFolder, wf[key], 5 * MINUTE);
		executions.push({ name: label, exec });
		processOutputs.push({ what: `n8n execute (${label})`, text: exec.stdout + exec.stderr });
		say(`execute "${label}": ${exec.status ?? 'no status'} in ${secs(exec.durationMs)}`);
		return exec;
	}

	const allSandboxes = () => [danceSandbox, ...Object.values(expirySandboxes)].filter(Boolean);
	const issuedSecrets = () => allSandboxes().flatMap((s) => s.issuedSecrets());

	async function connect(key: keyof typeof creds, sandbox: Sandbox, kind: OAuthKind): Promise<void> {
		const app = sandbox.app(kind === 'sub' ? 'Location' : 'Company');
		const type = kind === 'sub' ? SUB_CRED_TYPE : AGENCY_CRED_TYPE;
		const data = { clientId: app.clientId, clientSecret: app.clientSecret, baseUrl: sandbox.url };
		const made = await createCredential(editor!, { name: `OAuth2 ${key}`, type, data }, restAnswers);
		creds[key] = { ...made, kind };
		callbacks[key] = await connectOAuth2(editor!, made.id, restAnswers);
	}

	beforeAll(async () => {
		inst = await ensureN8n(line, { cacheDir: process.env.E2E_N8N_CACHE_DIR, log: stderrLog(`e2e oauth line ${line}`) });
		userFolder = join(run.dir, `oauth-line-${line}`);
		await prepareUserFolder(inst, userFolder, run.tarball(), say);

		danceSandbox = await startSandbox({ port: 0 });
		for (const combo of COMBOS) {
			const options: SandboxOptions = {
				port: 0,
				rateLimit: { max: 1000, intervalMs: 10_000 },
				latencyMs: LATENCY_MS,
				oauth: { accessTokenLifetimeSeconds: LIFETIME_SECONDS, revokeOnRefreshReuse: combo.endsWith('revoke') },
			};
			expirySandboxes[combo] = await startSandbox(options);
		}

		const t = Date.now();
		// n8n 2.x's SSRF protection stays at its default (off), named here so a changed default shows
		editor = await startEditor(inst, userFolder, { owner: OWNER, log: say, env: { N8N_SSRF_PROTECTION_ENABLED: 'false' } });
		say(`editor up in ${secs(Date.now() - t)}`);
		await connect('dance sub', danceSandbox, 'sub');
		await connect('dance agency', danceSandbox, 'agency');
		for (const combo of COMBOS) await connect(combo, expirySandboxes[combo], combo.startsWith('sub') ? 'sub' : 'agency');

		wf = {
			dance: await createWorkflow(editor!, danceWorkflow(creds['dance sub'], creds['dance agency'], [LOCATION_2, LOCATION_3])),
			bulk: await createWorkflow(
				editor!,
				bulkCreateWorkflow('oauth 2: bulk create while tokens expire', BULK_ITEMS, [LOCATION_1, LOCATION_2, LOCATION_3], COMBOS.map((combo) => ({ node: nodeOf(combo), cred: creds[combo] }))),
			),
			next: await createWorkflow(
				editor!,
				bulkCreateWorkflow('oauth 3: the next execution', 1, [LOCATION_1], COMBOS.map((combo) => ({ node: nodeOf(combo), cred: creds[combo] })), ' next'),
			),
		};
		say(`6 credentials connected and 3 workflows stored in ${secs(Date.now() - t)}`);
	}, 20 * MINUTE);

	afterAll(async () => {
		if (editor) processOutputs.push({ what: 'n8n start (editor)', text: await editor.stop() });
		editor = undefined;
		for (const sandbox of allSandboxes()) await sandbox.close();
		if (userFolder && !KEEP) await rm(userFolder, { recursive: true, force: true });
	}, 2 * MINUTE);

	test('the OAuth2 dance: n8n exchanges the code and stores each credential\'s token answer', async () => {
		for (const key of Object.keys(callbacks)) {
			expect({ key, status: callbacks[key].status }).toEqual({ key, status: 200 });
			expect(callbacks[key].text).not.toMatch(/error|failed/i);
		}
		const exported = await exportDecryptedCredentials(inst, userFolder);
		processOutputs.push({ what: 'n8n export:credentials --decrypted', text: exported.output });
		stored = exported.credentials;
		const tokenDataOf = (key: keyof typeof creds) => stored.find((c) => c.id === creds[key].id)?.data.oauthTokenData as Record<string, unknown>;
		for (const key of ['dance sub', 'sub plain', 'sub revoke'] as const) {
			const data = tokenDataOf(key);
			expect({ key, access: typeof data?.access_token, refresh: typeof data?.refresh_token }).toEqual({ key, access: 'string', refresh: 'string' });
			expect(data).toEqual(expect.objectContaining({ userType: 'Location', companyId: COMPANY, locationId: LOCATION_1 }));
		}
		for (const key of ['dance agency', 'agency plain', 'agency revoke'] as const) {
			const data = tokenDataOf(key);
			expect({ key, access: typeof data?.access_token, refresh: typeof data?.refresh_token }).toEqual({ key, access: 'string', refresh: 'string' });
			expect(data).toEqual(expect.objectContaining({ userType: 'Company', companyId: COMPANY }));
			expect(data.locationId).toBeUndefined();
		}
		expect(danceSandbox.state().oauth.codeExchanges).toBe(2);
		for (const combo of COMBOS) expect(expirySandboxes[combo].state().oauth.codeExchanges).toBe(1);
	});

	test('a workflow with both credentials creates and lists groups (the agency one in two sub-accounts)', async () => {
		const exec = await execute('dance', 'create and get many');
		expect(exec.error).toBeUndefined();
		expect(exec.ok).toBe(true);
		const json = (node: string) => rawItemsOf(exec, node).map((i) => i.json);
		expect(json('Create (sub-account)')).toEqual([
			expect.objectContaining({ locationId: LOCATION_1, name: 'OAuth Sub One', slug: 'oauth-sub-one' }),
			expect.objectContaining({ locationId: LOCATION_1, name: 'OAuth Sub Two', slug: 'oauth-sub-two' }),
		]);
		expect(json('Get Many (sub-account)').map((g) => g.name)).toEqual(['OAuth Sub One', 'OAuth Sub Two']);
		expect(json('Create (agency)')).toEqual([
			expect.objectContaining({ locationId: LOCATION_2, name: 'OAuth Agency 1' }),
			expect.objectContaining({ locationId: LOCATION_3, name: 'OAuth Agency 2' }),
		]);
		expect(json('Get Many (agency)').map((g) => [g.locationId, g.name])).toEqual([
			[LOCATION_2, 'OAuth Agency 1'],
			[LOCATION_3, 'OAuth Agency 2'],
		]);
		const state = danceSandbox.state();
		expect(state.oauth).toEqual(expect.objectContaining({ refreshes: 0, mints: 2, mintsByLocation: { [LOCATION_2]: 1, [LOCATION_3]: 1 } }));
	});

	describe(`access tokens expiring during a ${BULK_ITEMS}-item Create (Max Requests In Flight 16)`, () => {
		let bulk: Execution;
		let next: Execution;
		const outcome = {} as Record<Combo, { failed: number; errors: string[]; created: number; duplicates: number; nextOk: boolean; oauth: object }>;

		beforeAll(async () => {
			bulk = await execute('bulk', 'bulk create');
			const afterBulk = Object.fromEntries(COMBOS.map((combo) => [combo, expirySandboxes[combo].state()]));
			next = await execute('next', 'next execution');
			for (const combo of COMBOS) {
				const items = rawItemsOf(bulk, nodeOf(combo)).map((i) => i.json);
				const errors = items.filter((json) => json.error !== undefined).map((json) => `${String(json.error)} | ${String(json.description ?? '')}`);
				const groups = Object.values(afterBulk[combo].locations).flat();
				const names = groups.map((g) => g.name);
				const [nextItem] = rawItemsOf(next, nodeOf(combo)).map((i) => i.json);
				outcome[combo] = {
					failed: errors.length,
					errors: [...new Set(errors)],
					created: groups.length,
					duplicates: names.length - new Set(names).size,
					nextOk: nextItem?.error === undefined,
					oauth: afterBulk[combo].oauth,
				};
				say(`${combo}: ${JSON.stringify(outcome[combo])} next: ${JSON.stringify(nextItem).slice(0, 300)}`);
			}
		}, 10 * MINUTE);

		// n8n 1.x takes no refresh lock: requests that get 401 at once each refresh with the same single-use refresh
		// token. With plain single-use tokens the node sends the losers again with the token the winner stored; with
		// revoke-on-reuse the first reuse revokes the whole token family, and nothing can save the credential.
		const lostToN8n = (combo: Combo) => line === '1' && combo.endsWith('revoke');
		const refreshMessage = /^The OAuth2 token could not be refreshed \(HighLevel's token endpoint: /;

		for (const combo of COMBOS) {
			if (!lostToN8n(combo)) {
				test(`${combo}: 0 failed items, 0 duplicates, and the next execution works with the same credential`, () => {
					expect(outcome[combo]).toEqual(expect.objectContaining({ failed: 0, errors: [], created: BULK_ITEMS, duplicates: 0, nextOk: true }));
					expect(outcome[combo].oauth).toEqual(expect.objectContaining({ refreshes: expect.any(Number) }));
					expect((outcome[combo].oauth as { refreshes: number }).refreshes).toBeGreaterThanOrEqual(1);
				});
			} else {
				test(`${combo}: what n8n 1.x does: its unlocked concurrent refreshes reuse the refresh token, HighLevel revokes the credential, items fail with "reconnect"`, () => {
					expect(outcome[combo].duplicates).toBe(0);
					expect(outcome[combo].failed).toBeGreaterThan(0);
					expect((outcome[combo].oauth as { refusedRefreshReuses: number }).refusedRefreshReuses).toBeGreaterThanOrEqual(1);
					expect(outcome[combo].errors.some((e) => refreshMessage.test(e))).toBe(true);
					expect(outcome[combo].errors.filter((e) => /Could not reach HighLevel/.test(e))).toEqual([]);
					expect(outcome[combo].nextOk).toBe(false);
					const [nextItem] = rawItemsOf(next, nodeOf(combo)).map((i) => i.json);
					expect(nextItem.error).toMatch(refreshMessage);
					expect(nextItem.description).toMatch(/Reconnect the credential/);
				});
			}
		}
	});

	describe('the tokens never leak (every token the sandboxes issued: codes, access, refreshed and minted tokens)', () => {
		test('the search covers the tokens n8n holds now (positive control)', async () => {
			const now = (await exportDecryptedCredentials(inst, userFolder)).credentials;
			const issued = new Set(issuedSecrets());
			const held = now
				.filter((c) => c.type === SUB_CRED_TYPE || c.type === AGENCY_CRED_TYPE)
				.flatMap((c) => {
					const data = c.data.oauthTokenData as Record<string, unknown> | undefined;
					return [data?.access_token, data?.refresh_token, c.data.clientSecret];
				});
			expect(held).toHaveLength(18);
			expect(held.filter((s) => typeof s === 'string' && issued.has(s))).toHaveLength(18);
		});

		test('not in any execution\'s output, nor in any n8n process output or REST answer', () => {
			const secrets = issuedSecrets();
			if (editor) processOutputs.push({ what: 'n8n start (editor, so far)', text: editor.output() });
			expect(processOutputs.filter((o) => o.text.includes('OAuth Sub One')).length).toBeGreaterThanOrEqual(1);
			for (const { name, exec } of executions) {
				const text = JSON.stringify(exec.runData ?? {}) + JSON.stringify(exec.error ?? {});
				expect({ name, leaked: secrets.filter((s) => text.includes(s)).length }).toEqual({ name, leaked: 0 });
			}
			for (const { what, text } of [...processOutputs, ...restAnswers]) {
				expect({ what, leaked: secrets.filter((s) => text.includes(s)).length }).toEqual({ what, leaked: 0 });
			}
		});

		test('not in the saved executions as n8n\'s REST API serves them', async () => {
			const secrets = issuedSecrets();
			const list = await editor!.rest('GET', '/rest/executions?limit=100');
			const ids = (list.json.data.results as Array<{ id: string }>).map((e) => e.id);
			expect(ids).toHaveLength(executions.length);
			const saved = await Promise.all(ids.map(async (id) => ({ id, answer: await editor!.rest('GET', `/rest/executions/${id}`) })));
			expect(saved.some(({ answer }) => answer.text.includes('OAuth Agency 1'))).toBe(true);
			for (const { id, answer } of saved) {
				expect({ id, leaked: secrets.filter((s) => answer.text.includes(s)).length }).toEqual({ id, leaked: 0 });
			}
		});

		test('not in any file n8n wrote (database, WAL, event logs, config)', async () => {
			const CONTROL = 'OAuth Agency 2';
			const scan = await scanFiles(join(userFolder, '.n8n'), [...issuedSecrets(), CONTROL], ['nodes']);
			expect(scan.files).toContain('database.sqlite');
			expect(scan.hits.filter((h) => h.needle === CONTROL).length).toBeGreaterThan(0);
			expect(scan.hits.filter((h) => h.needle !== CONTROL).map((h) => h.file)).toEqual([]);
		});
	});
});
