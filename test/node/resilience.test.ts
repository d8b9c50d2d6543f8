import type { INodeParameters } from 'n8n-workflow';

import { SANDBOX_LOCATION, sandboxCredentials, tokenCredentials } from '../../tools/engine/credentials';
import { runWorkflow } from '../../tools/engine/runWorkflow';
import { startScriptedServer, type Script } from '../../tools/engine/scriptedServer';
import { NODE_NAME, singleNodeWorkflow } from '../../tools/engine/workflows';
import { startSandbox, type SandboxOptions } from '../../tools/sandbox/server';

async function againstScript(script: Script, parameters: INodeParameters, items: object[] = [{}]) {
	const server = await startScriptedServer(script);
	const started = Date.now();
	const run = await runWorkflow(singleNodeWorkflow(parameters, items), tokenCredentials(server.url));
	const elapsedMs = Date.now() - started;
	await server.close();
	return { output: run.output(NODE_NAME), error: run.error(NODE_NAME), requests: server.requests, elapsedMs };
}

async function againstSandbox(options: SandboxOptions, parameters: INodeParameters, items: object[] = [{}]) {
	const sandbox = await startSandbox({ port: 0, ...options });
	try {
		const run = await runWorkflow(singleNodeWorkflow(parameters, items), sandboxCredentials(sandbox.url));
		return {
			output: run.output(NODE_NAME),
			error: run.error(NODE_NAME),
			groups: sandbox.state().locations[SANDBOX_LOCATION] ?? [],
			calendars: sandbox.state().calendars[SANDBOX_LOCATION] ?? [],
			requests: sandbox.requests(),
		};
	} finally {
		await sandbox.close();
	}
}

const checkSlug = { operation: 'checkSlug', slug: 'sales' };
/** A group create and a calendar create: both are looked up by slug after an ambiguous failure. */
const CREATE = {
	groups: { operation: 'create', description: 'd' },
	calendars: { resource: 'calendar', operation: 'create', calendarType: 'event' },
};
const available = { status: 200, body: { available: true } };
const tooMany = { statusCode: 429, message: 'Too many requests' };

describe('429: wait, then try again', () => {
	test('waits the Retry-After seconds', async () => {
		const result = await againstScript((_, index) => (index === 0 ? { status: 429, body: tooMany, headers: { 'Retry-After': '1' } } : available), checkSlug);
		expect(result.output?.[0].json).toEqual({ slug: 'sales', available: true });
		expect(result.requests).toHaveLength(2);
		expect(result.elapsedMs).toBeGreaterThanOrEqual(1000);
	});

	test('without Retry-After, waits the interval header', async () => {
		const headers = { 'X-RateLimit-Interval-Milliseconds': '400', 'X-RateLimit-Max': '100', 'X-RateLimit-Remaining': '0' };
		const result = await againstScript((_, index) => (index === 0 ? { status: 429, body: tooMany, headers } : available), checkSlug);
		expect(result.output?.[0].json.available).toBe(true);
		expect(result.elapsedMs).toBeGreaterThanOrEqual(400);
	});

	test('without either, backs off and gives up after Max Retries', async () => {
		const result = await againstScript(() => ({ status: 429, body: tooMany }), { ...checkSlug, options: { maxRetries: 2 } });
		expect(result.requests).toHaveLength(3);
		expect(result.error?.message).toBe('Too many requests');
	});

	test('a spent daily budget fails at once, without a retry', async () => {
		const headers = { 'X-RateLimit-Daily-Remaining': '0', 'X-RateLimit-Limit-Daily': '200000' };
		const result = await againstScript(() => ({ status: 429, body: { statusCode: 429, message: 'Daily limit exceeded' }, headers }), checkSlug);
		expect(result.requests).toHaveLength(1);
		expect(result.error?.description).toMatch(/daily request budget/);
	});
});

describe('safe retries', () => {
	test('a read or check is tried again after a 5xx and a dropped connection', async () => {
		const result = await againstScript(
			(_, index) => [{ status: 503, body: { statusCode: 503, message: 'Unavailable' } }, { status: 0, reset: true }][index] ?? available,
			checkSlug,
		);
		expect(result.requests).toHaveLength(3);
		expect(result.output?.[0].json.available).toBe(true);
	});

	test('the Timeout option ends a request that takes too long, and it is tried again', async () => {
		const result = await againstScript((_, index) => (index === 0 ? { ...available, delayMs: 3000 } : available), {
			...checkSlug,
			options: { timeoutMs: 1000 },
		});
		expect(result.requests).toHaveLength(2);
		expect(result.output?.[0].json.available).toBe(true);
	});

	test.each(['groups', 'calendars'] as const)('a create whose answer is lost after HighLevel stored it is not made twice (%s)', async (made) => {
		const result = await againstSandbox({ faults: { seed: 7, lostAfterStore: 1 } }, { ...CREATE[made], name: 'Lost Answer' });
		expect(result[made].map((g) => g.slug)).toEqual(['lost-answer']);
		expect(result.output).toEqual([{ json: result[made][0], pairedItem: { item: 0 } }]);
		expect(result.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
	});

	test.each(['groups', 'calendars'] as const)('with Max Retries 0, a create whose answer is lost after HighLevel stored it is looked up and output (%s)', async (made) => {
		const result = await againstSandbox(
			{ faults: { seed: 7, lostAfterStore: 1 } },
			{ ...CREATE[made], name: 'Last Chance', options: { maxRetries: 0 } },
		);
		expect(result.error).toBeUndefined();
		expect(result[made].map((g) => g.slug)).toEqual(['last-chance']);
		expect(result.output).toEqual([{ json: result[made][0], pairedItem: { item: 0 } }]);
		expect(result.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'GET']);
	});

	test('a create that failed with a 5xx before anything was stored is made once', async () => {
		let posts = 0;
		const stored = { id: 'g1', locationId: 'testLocation00000001', name: 'N', description: 'd', slug: 'n', isActive: true };
		const result = await againstScript(
			(request) => {
				if (request.method === 'GET') return { status: 200, body: { groups: posts > 1 ? [stored] : [] } };
				posts++;
				return posts === 1 ? { status: 500, body: { statusCode: 500, message: 'boom' } } : { status: 201, body: { group: stored } };
			},
			{ operation: 'create', name: 'N', description: 'd' },
		);
		expect(result.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'GET', 'POST']);
		expect(result.output?.[0].json).toEqual(stored);
	});
});

test('a create answered without the group is looked up, not sent again', async () => {
	let posted = false;
	const stored = { id: 'g2', locationId: 'testLocation00000001', name: 'Quiet', description: 'd', slug: 'quiet', isActive: true };
	const result = await againstScript(
		(request) => {
			if (request.method === 'GET') return { status: 200, body: { groups: posted ? [stored] : [] } };
			posted = true;
			return { status: 201, body: {} };
		},
		{ operation: 'create', name: 'Quiet', description: 'd' },
	);
	expect(result.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'GET']);
	expect(result.output?.[0].json).toEqual(stored);
});

describe('fewer calls', () => {
	test('N lookups by slug in one location cost one list call', async () => {
		const sandbox = await startSandbox({ port: 0 });
		const credentials = sandboxCredentials(sandbox.url);
		const names = Array.from({ length: 20 }, (_, i) => ({ name: `Group ${i}` }));
		await runWorkflow(singleNodeWorkflow({ operation: 'create', name: '={{ $json.name }}', description: 'd' }, names), credentials);
		sandbox.reset();
		const seeded = await runWorkflow(singleNodeWorkflow({ operation: 'create', name: '={{ $json.name }}', description: 'd' }, names), credentials);
		expect(seeded.output(NODE_NAME)).toHaveLength(20);
		const before = sandbox.requests().length;
		const lookups = names.map((_, i) => ({ slug: `group-${i}` }));
		const run = await runWorkflow(
			singleNodeWorkflow({ operation: 'get', group: { __rl: true, mode: 'slug', value: '={{ $json.slug }}' } }, lookups),
			credentials,
		);
		const calls = sandbox.requests().slice(before);
		await sandbox.close();
		expect(run.output(NODE_NAME)?.map((item) => item.json.slug)).toEqual(lookups.map((l) => l.slug));
		expect(calls.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /calendars/groups']);
	});
});

describe('fault soak', () => {
	test.each(['groups', 'calendars'] as const)('500 creates with 10% 429s, 5% 500s, 2% resets and 2% answers lost after the store: 500 %s, distinct slugs, one paired output per item', async (made) => {
		const items = Array.from({ length: 500 }, (_, i) => ({ name: `Soak ${made} ${i}` }));
		const result = await againstSandbox(
			{
				faults: { seed: 20261125, rateLimited: 0.1, error5xx: 0.05, reset: 0.02, lostAfterStore: 0.02 },
				rateLimit: { max: 100_000, intervalMs: 50, retryAfter: false },
			},
			{ ...CREATE[made], name: '={{ $json.name }}', options: { maxRetries: 8 } },
			items,
		);
		expect(result.error).toBeUndefined();
		expect(result[made]).toHaveLength(500);
		expect(new Set(result[made].map((g) => g.slug)).size).toBe(500);
		expect(result.output?.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(result.output?.map((item) => item.json.name)).toEqual(items.map((i) => i.name));
		const statuses = result.requests.map((r) => r.status);
		expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(20);
		expect(statuses.filter((s) => s >= 500).length).toBeGreaterThan(10);
		expect(result.requests.filter((r) => r.dropped === 'reset').length).toBeGreaterThan(2);
		expect(result.requests.filter((r) => r.dropped === 'lostAfterStore').length).toBeGreaterThan(2);
	}, 180_000);
});
