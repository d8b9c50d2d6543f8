/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * Runs the sandbox until SIGINT / SIGTERM:
 *   node --import tsx tools/sandbox/cli.ts   (npm run sandbox --) [--port 8787] [--latency 0] [--max 100] [--interval 10000] [--daily 200000]
 *     [--window fixed|sliding] [--agency seed.json]
 * --agency: the companies, sub-accounts and apps (the server's AgencySeed, as JSON) in place of the default ones.
 * The port may also come from the environment variable SANDBOX_PORT (a --port flag wins).
 * It prints its URL, then the tokens it made for this run (fake, sandbox only), then "Ready.".
 */
import { readFileSync } from 'fs';

import { AgencySeed, DEFAULT_CONTACTS, DEFAULT_TOKENS, SandboxOptions, WINDOW_MODELS, WindowModel, startSandbox } from './server';

const DEFAULT_PORT = 8787;
const FLAGS = ['port', 'latency', 'max', 'interval', 'daily'] as const;
type Flag = (typeof FLAGS)[number];

type Args = Partial<Record<Flag, number>> & { window?: WindowModel; agency?: AgencySeed };

function parseArgs(argv: string[]): Args {
	const values: Args = {};
	for (let i = 0; i < argv.length; i++) {
		const [name, inline] = argv[i].replace(/^--/, '').split('=');
		const known = name === 'window' || name === 'agency' || (FLAGS as readonly string[]).includes(name);
		if (!argv[i].startsWith('--') || !known) throw new Error(`unknown argument "${argv[i]}"`);
		const raw = inline ?? argv[++i];
		if (name === 'agency') {
			values.agency = JSON.parse(readFileSync(raw, 'utf8')) as AgencySeed;
			continue;
		}
		if (name === 'window') {
			if (!(WINDOW_MODELS as readonly string[]).includes(raw)) throw new Error(`--window is ${WINDOW_MODELS.join(' or ')} (got "${raw}")`);
			values.window = raw as WindowModel;
			continue;
		}
		const value = Number(raw);
		if (raw === undefined || !Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a whole number >= 0 (got "${raw}")`);
		values[name as Flag] = value;
	}
	return values;
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const envPort = process.env.SANDBOX_PORT === undefined ? undefined : Number(process.env.SANDBOX_PORT);
	const options: SandboxOptions = {
		port: args.port ?? envPort ?? DEFAULT_PORT,
		latencyMs: args.latency,
		rateLimit: { max: args.max, intervalMs: args.interval, daily: args.daily, window: args.window },
		agency: args.agency,
	};
	const sandbox = await startSandbox(options);
	const tokens = options.tokens ?? DEFAULT_TOKENS;

	const say = (line: string) => process.stdout.write(`${line}\n`);
	say(`HighLevel calendars sandbox listening on ${sandbox.url}`);
	say(`State: GET ${sandbox.url}/__sandbox/state`);
	say('Tokens (fake, made for this run, sandbox only):');
	for (const t of tokens) say(`  ${t.token}  location=${t.locationId}  scopes=${t.scopes.join(' ')}`);
	say('Webhook signing key (Ed25519, public half, for a HighLevel Webhook Public Key credential):');
	say(sandbox.webhookPublicKeyPem);
	say(`Contacts in each seeded sub-account: ${DEFAULT_CONTACTS.map((c) => c.id).join(', ')}; a new one (sends ContactCreate): POST ${sandbox.url}/__sandbox/contacts {locationId, firstName, lastName, email, phone}`);
	say(`Apps: ${sandbox.apps().map((a) => `${a.appId} (${a.distribution})`).join(', ')}; webhook URL: POST ${sandbox.url}/__sandbox/webhooks {appId, url}`);
	say('Ready.');

	const stop = (signal: string) => {
		say(`${signal} received, stopping`);
		sandbox.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', () => stop('SIGINT'));
	process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: Error) => {
	process.stderr.write(`${error.message}\n`);
	process.exit(1);
});
