import type { IHttpRequestOptions } from 'n8n-workflow';

import { HighLevelCalendarsApi } from '../../credentials/HighLevelCalendarsApi.credentials';
import { validateRequest } from '../../tools/contract/openapi';
import { TEST_LOCATION, TEST_TOKEN, tokenCredentials } from '../../tools/engine/credentials';
import { runWorkflow } from '../../tools/engine/runWorkflow';
import { startScriptedServer } from '../../tools/engine/scriptedServer';
import { NODE_NAME, singleNodeWorkflow } from '../../tools/engine/workflows';

const credential = new HighLevelCalendarsApi();
const data = { accessToken: TEST_TOKEN, locationId: TEST_LOCATION, baseUrl: 'https://services.leadconnectorhq.com' };

function resolveCredentialExpressions<T>(value: T): T {
	return JSON.parse(
		JSON.stringify(value).replace(/=\{\{ \$credentials\.(\w+) \}\}/g, (_, field: string) =>
			String(data[field as keyof typeof data]),
		),
	) as T;
}

describe('Private Integration Token credential', () => {
	test('its test lists the groups of the credential\'s location, as the contract allows', async () => {
		const request = resolveCredentialExpressions(credential.test.request);
		expect(request).toMatchObject({
			baseURL: 'https://services.leadconnectorhq.com',
			url: '/calendars/groups',
			method: 'GET',
			qs: { locationId: TEST_LOCATION },
		});
		const signed = await credential.authenticate(data, request as IHttpRequestOptions);
		const headers = Object.fromEntries(
			Object.entries(signed.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]),
		);
		expect(validateRequest({ method: 'GET', path: request.url ?? '', query: request.qs as Record<string, string>, headers }).errors).toEqual([]);
	});

	test('authenticate sets only the bearer Authorization header', async () => {
		const signed = await credential.authenticate(data, {
			url: 'https://services.leadconnectorhq.com/calendars/groups',
			headers: { Version: '2021-04-15' },
		});
		expect(signed.headers).toEqual({ Version: '2021-04-15', Authorization: `Bearer ${TEST_TOKEN}` });
		expect(signed.qs).toBeUndefined();
		expect(signed.body).toBeUndefined();
	});

	test.each(['http://localhost:8787', 'http://127.0.0.1:8787/', 'http://[::1]:9000', 'https://example.com'])(
		'accepts %s',
		async (baseURL) => {
			const signed = await credential.authenticate(data, { baseURL, url: '/calendars/groups' });
			expect(signed.headers).toEqual({ Authorization: `Bearer ${TEST_TOKEN}` });
		},
	);

	test.each(['http://services.leadconnectorhq.com', 'http://192.168.1.10:8787', 'http://localhost.example.com', 'ftp://127.0.0.1'])(
		'refuses to send the token to %s',
		async (baseURL) => {
			await expect(credential.authenticate(data, { baseURL, url: '/calendars/groups' })).rejects.toThrow(
				/is refused: the token is only sent over https/,
			);
		},
	);

	test('the node stops before any request when the Base URL is plain http to another host', async () => {
		const server = await startScriptedServer(() => ({ status: 200, body: { groups: [] } }));
		// Linux delivers a connection to 0.0.0.0 to this machine's own listeners: a request the node wrongly sent to this
		// plain-http, not-loopback-named address would be recorded by the server (as in the e2e suite)
		const remote = server.url.replace('127.0.0.1', '0.0.0.0');
		const run = await runWorkflow(singleNodeWorkflow({ operation: 'getAll', returnAll: true }), tokenCredentials(remote));
		await server.close();
		expect(server.requests).toHaveLength(0);
		expect(run.error(NODE_NAME)?.message).toMatch(/^The Base URL "http:\/\/0\.0\.0\.0:\d+" is refused/);
	});
});
