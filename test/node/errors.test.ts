import { TEST_TOKEN, tokenCredentials } from '../../tools/engine/credentials';
import { runWorkflow } from '../../tools/engine/runWorkflow';
import { leakedSecrets } from '../../tools/engine/secrets';
import { startScriptedServer, type ScriptedAnswer } from '../../tools/engine/scriptedServer';
import { NODE_NAME, singleNodeWorkflow, withContinueOnFail } from '../../tools/engine/workflows';

// Retries off: these tests are about the error the user sees once HighLevel's answer is final.
const noRetries = { maxRetries: 0 };
const checkSlug = singleNodeWorkflow({ operation: 'checkSlug', slug: 'sales-team', options: noRetries });
const getMany = singleNodeWorkflow({ operation: 'getAll', returnAll: true, options: noRetries });

async function failWith(answer: ScriptedAnswer, workflow = checkSlug) {
	const server = await startScriptedServer(() => answer);
	try {
		const run = await runWorkflow(workflow, tokenCredentials(server.url));
		return { error: run.error(NODE_NAME), output: run.output(NODE_NAME), requests: server.requests };
	} finally {
		await server.close();
	}
}

describe('HighLevel errors become readable NodeApiErrors', () => {
	test('400 keeps HighLevel\'s message', async () => {
		const { error } = await failWith({ status: 400, body: { statusCode: 400, message: 'locationId must be a string' } });
		expect(error?.message).toBe('locationId must be a string');
		expect(error?.description).toMatch(/malformed/);
		expect(error).toMatchObject({ httpCode: '400' });
	});

	test('401 with an invalid token says to replace the token', async () => {
		const { error } = await failWith({
			status: 401,
			body: { statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' },
		});
		expect(error?.message).toBe('Invalid token: access token is invalid');
		expect(error?.description).toMatch(/token is invalid, expired or revoked/);
	});

	test('401 for a missing scope names the scope the operation needs', async () => {
		const body = { statusCode: 401, message: 'The token is not authorized for this scope.', error: 'Unauthorized' };
		expect((await failWith({ status: 401, body })).error?.description).toContain('"calendars/groups.write"');
		expect((await failWith({ status: 401, body }, getMany)).error?.description).toContain(
			'"calendars/groups.readonly"',
		);
	});

	test('401 for the Version header points at the API Version option', async () => {
		const { error } = await failWith({ status: 401, body: { statusCode: 401, message: 'version header is invalid' } });
		expect(error?.description).toMatch(/API Version/);
	});

	test('403 names the location', async () => {
		const { error } = await failWith({
			status: 403,
			body: { statusCode: 403, message: 'The token does not have access to this location', error: 'Forbidden' },
		});
		expect(error?.message).toBe('The token does not have access to this location');
		expect(error?.description).toContain('testLocation00000001');
	});

	test('404 is readable', async () => {
		const { error } = await failWith({ status: 404, body: { statusCode: 404, message: 'Group not found' } });
		expect(error?.message).toBe('Group not found');
		expect(error?.description).toMatch(/found nothing/);
	});

	test('422 joins the array message', async () => {
		const { error } = await failWith({
			status: 422,
			body: { statusCode: 422, message: ['slug must be a string', 'name should not be empty'], error: 'Unprocessable Entity' },
		});
		expect(error?.message).toBe('slug must be a string; name should not be empty');
	});

	test('429 explains the burst limit', async () => {
		const { error } = await failWith({ status: 429, body: { statusCode: 429, message: 'Too many requests' } });
		expect(error?.message).toBe('Too many requests');
		expect(error?.description).toMatch(/100 requests per 10 seconds/);
	});

	test('500 and the older error shape', async () => {
		const { error } = await failWith({
			status: 500,
			body: { status: 500, message: 'Internal server error', name: 'HttpException', traceId: 't-1' },
		});
		expect(error?.message).toBe('Internal server error');
		expect(error?.description).toMatch(/Try again/);
	});

	test('a dropped connection says HighLevel could not be reached', async () => {
		const { error } = await failWith({ status: 0, reset: true });
		expect(error?.message).toMatch(/^Could not reach HighLevel at http:\/\/127\.0\.0\.1:\d+$/);
		expect(error?.description).toMatch(/^The connection failed \(ECONNRESET\)/);
	});

	test('no error carries the token, even when HighLevel echoes it', async () => {
		const echoes = [
			{ status: 401, body: { statusCode: 401, message: `Invalid token: ${TEST_TOKEN}`, error: 'Unauthorized' } },
			{ status: 422, body: { statusCode: 422, message: [`Authorization: Bearer ${TEST_TOKEN} is not allowed`] } },
			{ status: 201, body: { echoed: TEST_TOKEN } },
		];
		for (const answer of echoes) {
			const { error } = await failWith(answer, singleNodeWorkflow({ operation: 'create', name: 'A', description: 'd', slug: 'a', options: noRetries }));
			expect(error?.message).toMatch(/\[redacted\]|answered without/);
			expect(leakedSecrets(error, [TEST_TOKEN])).toEqual([]);
		}
	});
});

describe('Continue On Fail', () => {
	test('each failing item gives one error item paired with it; the others carry on', async () => {
		const server = await startScriptedServer((request) => {
			const slug = (request.body as { slug: string }).slug;
			return slug === 'taken'
				? { status: 422, body: { statusCode: 422, message: ['Slug already exists'], error: 'Unprocessable Entity' } }
				: { status: 200, body: { available: true } };
		});
		const workflow = withContinueOnFail(
			singleNodeWorkflow({ operation: 'checkSlug', slug: '={{ $json.slug }}' }, [
				{ slug: 'free-1' },
				{ slug: 'taken' },
				{ slug: 'Not A Slug' },
				{ slug: '' },
				{ slug: 'free-2' },
			]),
		);
		const run = await runWorkflow(workflow, tokenCredentials(server.url));
		await server.close();
		const output = run.output(NODE_NAME) ?? [];
		expect(output.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		expect(output[0].json).toEqual({ slug: 'free-1', available: true });
		expect(output[1].json.error).toBe('Slug already exists');
		expect(output[2].json.error).toBe('Slug "Not A Slug" in item 2 has characters HighLevel slugs do not use');
		expect(output[2].json.description).toContain('"not-a-slug"');
		expect(output[3].json.error).toBe('Slug is empty in item 3');
		expect(output[4].json).toEqual({ slug: 'free-2', available: true });
		expect(server.requests).toHaveLength(3);
	});

	test('without it, the first failure stops the node with the item index', async () => {
		const server = await startScriptedServer(() => ({ status: 200, body: { available: true } }));
		const workflow = singleNodeWorkflow({ operation: 'checkSlug', slug: '={{ $json.slug }}', options: { maxInFlight: 1 } }, [
			{ slug: 'ok' },
			{ slug: 'Bad Slug' },
			{ slug: 'never-sent' },
		]);
		const run = await runWorkflow(workflow, tokenCredentials(server.url));
		await server.close();
		const error = run.error(NODE_NAME);
		expect(error?.message).toMatch(/item 1/);
		expect(error?.context?.itemIndex).toBe(1);
		expect(server.requests.map((r) => (r.body as { slug: string }).slug)).toEqual(['ok']);
	});

	test('with items in flight together, the lowest failing item stops the node', async () => {
		const server = await startScriptedServer((request) =>
			(request.body as { slug: string }).slug.startsWith('bad')
				? { status: 422, body: { statusCode: 422, message: ['no'], error: 'Unprocessable Entity' } }
				: { status: 200, body: { available: true } },
		);
		const items = ['ok-0', 'ok-1', 'bad-2', 'ok-3', 'bad-4', 'ok-5'].map((slug) => ({ slug }));
		const run = await runWorkflow(singleNodeWorkflow({ operation: 'checkSlug', slug: '={{ $json.slug }}', options: { maxInFlight: 5 } }, items), tokenCredentials(server.url));
		await server.close();
		expect(run.error(NODE_NAME)?.context?.itemIndex).toBe(2);
	});
});
