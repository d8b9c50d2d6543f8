import type { INodeParameters } from 'n8n-workflow';

import { tokenCredentials } from '../../tools/engine/credentials';
import { runWorkflow } from '../../tools/engine/runWorkflow';
import { startScriptedServer } from '../../tools/engine/scriptedServer';
import { NODE_NAME, singleNodeWorkflow } from '../../tools/engine/workflows';

/** Runs the node on one item against a server that must not be called. */
async function rejectBeforeSending(parameters: INodeParameters, item: object = {}, locationId?: string) {
	const server = await startScriptedServer(() => ({ status: 500 }));
	const credentials = tokenCredentials(server.url);
	if (locationId !== undefined) credentials.highLevelCalendarsApi.locationId = locationId;
	const run = await runWorkflow(singleNodeWorkflow(parameters, [item]), credentials);
	await server.close();
	expect(server.requests).toEqual([]);
	const error = run.error(NODE_NAME);
	expect(error?.name).toBe('NodeOperationError');
	expect(error?.context?.itemIndex).toBe(0);
	return error;
}

const create = { operation: 'create', name: '={{ $json.name }}', description: '={{ $json.description }}', slug: '={{ $json.slug }}' };

describe('bad input is refused before any request, naming the field and the item', () => {
	test.each([
		['Name', { name: '   ', description: 'd' }],
		['Description', { name: 'Sales', description: '' }],
	])('empty %s', async (field, item) => {
		const error = await rejectBeforeSending(create, item);
		expect(error?.message).toBe(`${field} is empty in item 0`);
	});

	test('a slug outside a-z 0-9 - suggests the normalised slug', async () => {
		const error = await rejectBeforeSending(create, { name: 'Sales', description: 'd', slug: 'Équipe Ventes!' });
		expect(error?.message).toBe('Slug "Équipe Ventes!" in item 0 has characters HighLevel slugs do not use');
		expect(error?.description).toBe('Use lower-case letters, digits and dashes only, e.g. "equipe-ventes"');
	});

	test('an empty slug with generation turned off', async () => {
		const error = await rejectBeforeSending({ ...create, options: { generateSlug: false } }, { name: 'Sales', description: 'd', slug: '' });
		expect(error?.message).toBe('Slug is empty in item 0');
	});

	test('a name no slug can be made from', async () => {
		const error = await rejectBeforeSending(create, { name: '!!!', description: 'd', slug: '' });
		expect(error?.message).toBe('Slug cannot be made from Name "!!!" in item 0');
	});

	test('no location in the node nor the credential', async () => {
		const error = await rejectBeforeSending({ operation: 'getAll', returnAll: true, locationId: '  ' }, {}, '');
		expect(error?.message).toBe('Location ID is empty in item 0');
	});

	test('an update with nothing to change', async () => {
		const error = await rejectBeforeSending({ operation: 'update', group: { __rl: true, mode: 'id', value: 'g1' }, updateFields: {} });
		expect(error?.message).toBe('Nothing to update in item 0');
	});

	test('an update that empties the name', async () => {
		const error = await rejectBeforeSending({ operation: 'update', group: { __rl: true, mode: 'id', value: 'g1' }, updateFields: { name: ' ' } });
		expect(error?.message).toBe('Name is empty in item 0');
	});

	test('a group reference whose expression gives nothing', async () => {
		const error = await rejectBeforeSending({ operation: 'get', group: { __rl: true, mode: 'slug', value: '={{ $json.slug }}' } }, { slug: '' });
		expect(error?.message).toBe('Calendar Group is empty in item 0');
	});
});
