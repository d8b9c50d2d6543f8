import { ApiVersion } from '../../tools/contract/openapi';
import { CONTACT, OTHER, appointmentBody, bookableCalendar, call } from '../../tools/sandbox/harness';
import { Sandbox, startSandbox } from '../../tools/sandbox/server';

const VERSIONS: ApiVersion[] = ['2021-04-15', 'v3'];
const NOW = Date.parse('2026-06-01T12:00:00Z');

describe.each(VERSIONS)('appointment notes over HTTP, Version %s', (version) => {
	let sandbox: Sandbox;
	let appointmentId: string;
	beforeAll(async () => {
		sandbox = await startSandbox({ clock: () => NOW });
	});
	afterAll(() => sandbox.close());
	beforeEach(async () => {
		sandbox.reset();
		const calendar = await bookableCalendar(sandbox, {}, { version });
		appointmentId = (await call(sandbox, 'POST', '/calendars/events/appointments', { version, body: appointmentBody(calendar.id, '2026-06-02T10:00:00-04:00') })).body.id;
	});

	const notes = (limit: number, offset: number, id = appointmentId, token?: string) =>
		call(sandbox, 'GET', `/calendars/appointments/${id}/notes`, { version, token, query: { limit: String(limit), offset: String(offset) } });
	const write = (body: Record<string, unknown>, id = appointmentId) => call(sandbox, 'POST', `/calendars/appointments/${id}/notes`, { version, body });

	it('writes, pages (newest first), updates and deletes an appointment\'s notes', async () => {
		const first = await write({ body: 'Called to confirm', userId: 'userAnna' });
		expect(first).toMatchObject({ status: 201, body: { note: { id: expect.any(String), body: 'Called to confirm', userId: 'userAnna', contactId: CONTACT, createdBy: { id: 'userAnna' }, dateAdded: new Date(NOW).toISOString() } } });
		const second = (await write({ body: 'Bring X-rays' })).body.note;
		const third = (await write({ body: 'Parking at the back' })).body.note;

		expect((await notes(2, 0)).body).toEqual({ notes: [expect.objectContaining({ id: third.id }), expect.objectContaining({ id: second.id })], hasMore: true });
		expect((await notes(2, 2)).body).toEqual({ notes: [expect.objectContaining({ id: first.body.note.id })], hasMore: false });
		expect((await notes(21, 0)).status).toBe(400);

		const path = `/calendars/appointments/${appointmentId}/notes/${second.id}`;
		expect(await call(sandbox, 'PUT', path, { version, body: { body: 'Bring the X-rays' } })).toMatchObject({ status: 200, body: { note: { id: second.id, body: 'Bring the X-rays' } } });
		expect(await call(sandbox, 'DELETE', path, { version })).toMatchObject({ status: 200, body: { success: true } });
		expect(await call(sandbox, 'DELETE', path, { version })).toMatchObject({ status: 404, body: { message: 'Note not found' } });
		expect((await notes(10, 0)).body.notes.map((n: { id: string }) => n.id)).toEqual([third.id, first.body.note.id]);
		expect(sandbox.state().notes[appointmentId]).toHaveLength(2);
	});

	it('answers 404 for notes of no appointment (or another location\'s), and drops the notes with their appointment', async () => {
		expect(await write({ body: 'x' }, 'noSuchAppointment')).toMatchObject({ status: 404, body: { message: 'Appointment not found' } });
		await write({ body: 'x' });
		expect((await notes(10, 0, appointmentId, OTHER)).status).toBe(404);
		expect(await write({ body: 'x'.repeat(5001) })).toMatchObject({ status: 400 });
		await call(sandbox, 'DELETE', `/calendars/events/${appointmentId}`, { version, body: {} });
		expect(sandbox.state().notes).toEqual({});
	});
});
