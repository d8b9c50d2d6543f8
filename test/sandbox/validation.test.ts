import { API_VERSIONS } from '../../tools/contract/openapi';
import { LOCATION, call, groupBody } from '../../tools/sandbox/harness';
import { Sandbox, startSandbox } from '../../tools/sandbox/server';

const badRequest = (message: string) => ({ status: 400, body: { statusCode: 400, message } });
const unprocessable = (...message: string[]) => ({ status: 422, body: { statusCode: 422, message, error: 'Unprocessable Entity' } });

describe.each(API_VERSIONS)('request validation, Version %s', (version) => {
	let sandbox: Sandbox;
	let groupId: string;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(async () => {
		sandbox.reset();
		groupId = (await call(sandbox, 'POST', '/calendars/groups', { version, body: groupBody() })).body.group.id;
	});

	const send = (method: string, path: string, options: Parameters<typeof call>[3] = {}) => call(sandbox, method, path, { version, ...options });

	it('400s a missing required body field, naming it', async () => {
		expect(await send('POST', '/calendars/groups', { body: groupBody({ description: undefined }) })).toMatchObject(badRequest('description is required'));
		expect(await send('PUT', `/calendars/groups/${groupId}`, { body: { name: 'n', description: 'd' } })).toMatchObject(badRequest('slug is required'));
		expect(await send('PUT', `/calendars/groups/${groupId}/status`, { body: {} })).toMatchObject(badRequest('isActive is required'));
		expect(await send('POST', '/calendars/groups/validate-slug', { body: { slug: 's' } })).toMatchObject(badRequest('locationId is required'));
	});

	it('400s a wrong type, naming the field', async () => {
		expect(await send('PUT', `/calendars/groups/${groupId}/status`, { body: { isActive: 'false' } })).toMatchObject(badRequest('isActive must be boolean'));
		expect(await send('POST', '/calendars/groups', { body: groupBody({ name: 42 }) })).toMatchObject(badRequest('name must be string'));
		expect(await send('POST', '/calendars/groups', { body: [groupBody()] })).toMatchObject(badRequest('body must be object'));
	});

	it('400s a missing locationId query parameter', async () => {
		expect(await send('GET', '/calendars/groups')).toMatchObject(badRequest('locationId is required'));
	});

	it('400s a missing, unparsable or wrongly-typed body, and a body where none belongs', async () => {
		expect(await send('PUT', `/calendars/groups/${groupId}/status`)).toMatchObject(badRequest('Request body is required'));
		const json = { 'content-type': 'application/json' };
		expect(await send('PUT', `/calendars/groups/${groupId}/status`, { rawBody: '{"isActive":', headers: json })).toMatchObject(badRequest('Request body is not valid JSON'));
		const text = { 'content-type': 'text/plain' };
		expect(await send('PUT', `/calendars/groups/${groupId}/status`, { rawBody: '{"isActive":true}', headers: text })).toMatchObject(badRequest('Content-Type must be application/json'));
		expect(await send('DELETE', `/calendars/groups/${groupId}`, { body: { force: true } })).toMatchObject(badRequest('This operation takes no request body'));
	});

	it('422s undocumented body fields and query parameters with an array message', async () => {
		expect(await send('POST', '/calendars/groups', { body: groupBody({ calendarIds: [], id: 'x' }) })).toMatchObject(
			unprocessable('property calendarIds should not exist', 'property id should not exist'),
		);
		expect(await send('PUT', `/calendars/groups/${groupId}`, { body: { name: 'n', description: 'd', slug: 's', isActive: true } })).toMatchObject(
			unprocessable('property isActive should not exist'),
		);
		expect(await send('GET', '/calendars/groups', { query: { locationId: LOCATION, limit: '10' } })).toMatchObject(unprocessable('property limit should not exist'));
		expect(await send('DELETE', `/calendars/groups/${groupId}`, { query: { locationId: LOCATION } })).toMatchObject(unprocessable('property locationId should not exist'));
	});

	it('reports a 400 before 422s', async () => {
		expect(await send('PUT', `/calendars/groups/${groupId}`, { body: { name: 'n', isActive: true } })).toMatchObject({ status: 400 });
	});

	it('changes nothing on a rejected request', async () => {
		const before = sandbox.state();
		await send('PUT', `/calendars/groups/${groupId}`, { body: { name: 'n', description: 'd', slug: 's', isActive: false } });
		await send('PUT', `/calendars/groups/${groupId}/status`, { body: { isActive: 'false' } });
		await send('DELETE', `/calendars/groups/${groupId}`, { body: {} });
		expect(sandbox.state()).toEqual(before);
	});
});
