import { randomBytes } from 'crypto';

import { startOpenAiStub, STUB_MODEL, type OpenAiStub } from '../../tools/openai-stub/server';

const apiKey = `sk-stub-${randomBytes(16).toString('hex')}`;
const tools = [{ type: 'function', function: { name: 'Create_calendar_group', parameters: { type: 'object' } } }];
let stub: OpenAiStub;

beforeAll(async () => (stub = await startOpenAiStub({ toolArguments: { slug: 'team' }, answer: (result) => `The tool said ${result}` }, apiKey)));
afterAll(async () => await stub.close());

async function chat(messages: object[], key = apiKey) {
	const response = await fetch(`${stub.url}/chat/completions`, {
		method: 'POST',
		headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
		body: JSON.stringify({ model: STUB_MODEL, messages, tools }),
	});
	return { status: response.status, body: (await response.json()) as { choices: Array<{ message: Record<string, unknown>; finish_reason: string }> } };
}

test('first turn: a call of the offered tool with the scripted arguments', async () => {
	const { status, body } = await chat([{ role: 'user', content: 'make a group' }]);
	expect(status).toBe(200);
	expect(body.choices[0]).toMatchObject({
		finish_reason: 'tool_calls',
		message: { role: 'assistant', content: null, tool_calls: [{ type: 'function', function: { name: 'Create_calendar_group', arguments: '{"slug":"team"}' } }] },
	});
});

test('once the tool answered: the final answer quotes its result', async () => {
	const { body } = await chat([
		{ role: 'user', content: 'make a group' },
		{ role: 'assistant', content: '', tool_calls: [{ id: 'call_stub_1', type: 'function', function: { name: 'Create_calendar_group', arguments: '{}' } }] },
		{ role: 'tool', tool_call_id: 'call_stub_1', content: '[{"id":"g1"}]' },
	]);
	expect(body.choices[0]).toMatchObject({ finish_reason: 'stop', message: { role: 'assistant', content: 'The tool said [{"id":"g1"}]' } });
});

test('a request without the credential\'s API key is refused as OpenAI refuses it', async () => {
	const { status, body } = await chat([{ role: 'user', content: 'hi' }], 'sk-wrong');
	expect(status).toBe(401);
	expect(body).toEqual({ error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } });
});

test('the model list (what the editor\'s Model field loads) names the stub\'s model', async () => {
	const response = await fetch(`${stub.url}/models`, { headers: { authorization: `Bearer ${apiKey}` } });
	expect(await response.json()).toEqual({ object: 'list', data: [{ id: STUB_MODEL, object: 'model', created: 0, owned_by: 'stub' }] });
});
