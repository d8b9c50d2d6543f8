import type { INodeParameters } from 'n8n-workflow';

import type { ApiVersion } from '../../tools/contract/openapi';
import { validateRequest } from '../../tools/contract/openapi';
import { tokenCredentials } from '../../tools/engine/credentials';
import { runWorkflow } from '../../tools/engine/runWorkflow';
import { startScriptedServer, type Script } from '../../tools/engine/scriptedServer';
import { NODE_NAME, singleNodeWorkflow, withContinueOnFail } from '../../tools/engine/workflows';

const APPOINTMENT = 'appt0000000000000001';
const NOTES = `/calendars/appointments/${APPOINTMENT}/notes`;

const note = (i: number, extra: object = {}) => ({ id: `note${i}`, body: `Note ${i}`, userId: 'user1', dateAdded: '2026-03-01T10:00:00.000Z', ...extra });

/** Runs the node with On Error → Continue against a scripted HighLevel; every request must be valid under its Version. */
async function run(script: Script, parameters: INodeParameters, items: object[] = [{}], version: ApiVersion = '2021-04-15') {
	const server = await startScriptedServer(script);
	const workflow = withContinueOnFail(
		singleNodeWorkflow({ resource: 'appointmentNote', appointmentId: APPOINTMENT, ...parameters, options: { apiVersion: version, ...(parameters.options as object) } }, items),
	);
	const result = await runWorkflow(workflow, tokenCredentials(server.url)).finally(async () => await server.close());
	for (const request of server.requests) expect(validateRequest(request).errors).toEqual([]);
	return { output: result.output(NODE_NAME) ?? [], requests: server.requests };
}

/** HighLevel's pages of `total` notes, newest first. */
const pages = (total: number): Script => (request) => {
	const limit = Number(request.query.limit);
	const offset = Number(request.query.offset);
	const all = Array.from({ length: total }, (_, i) => note(i));
	return { status: 200, body: { notes: all.slice(offset, offset + limit), hasMore: offset + limit < total } };
};

describe.each<ApiVersion>(['2021-04-15', 'v3'])('Appointment Note with Version %s', (version) => {
	test('Create sends the note and its user, and outputs the note', async () => {
		const made = note(1, { body: 'Wants a call back' });
		const { output, requests } = await run(() => ({ status: 201, body: { note: made } }), {
			operation: 'create',
			noteBody: '={{ $json.text }}',
			noteUserId: 'user1',
		}, [{ text: 'Wants a call back' }], version);
		expect(output).toEqual([{ json: made, pairedItem: { item: 0 } }]);
		expect(requests.map((r) => [r.method, r.path, r.headers.version, r.body])).toEqual([
			['POST', NOTES, version, { body: 'Wants a call back', userId: 'user1' }],
		]);
	});

	test('Get Many with Return All reads every page, 20 at a time', async () => {
		const { output, requests } = await run(pages(45), { operation: 'getAll', returnAll: true }, [{}], version);
		expect(output.map((i) => i.json.id)).toEqual(Array.from({ length: 45 }, (_, i) => `note${i}`));
		expect(requests.map((r) => r.query)).toEqual([
			{ limit: '20', offset: '0' },
			{ limit: '20', offset: '20' },
			{ limit: '20', offset: '40' },
		]);
	});

	test('Get Many with a Limit asks for no more than it needs', async () => {
		const { output, requests } = await run(pages(45), { operation: 'getAll', returnAll: false, limit: 25 }, [{}], version);
		expect(output).toHaveLength(25);
		expect(requests.map((r) => r.query)).toEqual([{ limit: '20', offset: '0' }, { limit: '5', offset: '20' }]);
	});

	test('Update replaces the text of the note; Delete outputs { deleted, id }', async () => {
		const changed = note(2, { body: 'Rescheduled to Friday', userId: undefined });
		const update = await run(() => ({ status: 200, body: { note: changed } }), { operation: 'update', noteId: 'note2', noteBody: 'Rescheduled to Friday' }, [{}], version);
		expect(update.output[0].json).toEqual(changed);
		expect(update.requests.map((r) => [r.method, r.path, r.body])).toEqual([['PUT', `${NOTES}/note2`, { body: 'Rescheduled to Friday' }]]);
		const del = await run(() => ({ status: 200, body: { success: true } }), { operation: 'delete', noteId: 'note2' }, [{}], version);
		expect(del.output).toEqual([{ json: { deleted: true, id: 'note2' }, pairedItem: { item: 0 } }]);
		expect(del.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`DELETE ${NOTES}/note2`]);
	});
});

describe('Appointment Note: exactly once and bad input', () => {
	test('a create whose answer is lost after HighLevel stored it is looked up, not sent again', async () => {
		const stored: object[] = [note(1, { body: 'Older note' })];
		const script: Script = (request) => {
			if (request.method === 'GET') return { status: 200, body: { notes: stored, hasMore: false } };
			stored.unshift(note(9, { body: 'Confirmed by phone' }));
			return { status: 0, reset: true };
		};
		const { output, requests } = await run(script, { operation: 'create', noteBody: 'Confirmed by phone' });
		expect(output[0].json).toEqual(note(9, { body: 'Confirmed by phone' }));
		expect(requests.map((r) => r.method)).toEqual(['POST', 'GET']);
	});

	test('after a 5xx that stored nothing, the create is sent again', async () => {
		let posts = 0;
		const script: Script = (request) => {
			if (request.method === 'GET') return { status: 200, body: { notes: [], hasMore: false } };
			posts++;
			return posts === 1 ? { status: 500, body: { statusCode: 500, message: 'boom' } } : { status: 201, body: { note: note(3) } };
		};
		const { output, requests } = await run(script, { operation: 'create', noteBody: 'Note 3' });
		expect(output[0].json).toEqual(note(3));
		expect(requests.map((r) => r.method)).toEqual(['POST', 'GET', 'POST']);
	});

	test.each([
		['an empty note', { text: ' ', appointment: APPOINTMENT }, 'Note is empty in item 1'],
		['a note over 5,000 characters', { text: 'x'.repeat(5001), appointment: APPOINTMENT }, 'Note field "body" in item 1 must be at most 5000 characters long'],
		['an empty Appointment ID', { text: 'Hello', appointment: '' }, 'Appointment ID is empty in item 1'],
		['an Appointment ID that would change the path', { text: 'Hello', appointment: '..' }, 'The Appointment ID ".." is not a valid ID'],
	])('%s is refused before sending, naming the field and the item; the other items go on', async (_what, bad, message) => {
		const { output, requests } = await run(
			() => ({ status: 201, body: { note: note(1, { body: 'Hello' }) } }),
			{ operation: 'create', appointmentId: '={{ $json.appointment }}', noteBody: '={{ $json.text }}' },
			[{ text: 'Hello', appointment: APPOINTMENT }, bad, { text: 'Hello', appointment: APPOINTMENT }],
		);
		expect(output.map((i) => i.json.error ?? i.json.body)).toEqual(['Hello', message, 'Hello']);
		expect(output.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(requests.filter((r) => r.method === 'POST')).toHaveLength(2);
	});

	test('an empty Note ID on Delete names the field and the item', async () => {
		const { output, requests } = await run(() => ({ status: 200, body: { success: true } }), { operation: 'delete', noteId: '={{ $json.id }}' }, [{ id: '' }]);
		expect(output[0].json.error).toBe('Note ID is empty in item 0');
		expect(requests).toEqual([]);
	});
});
