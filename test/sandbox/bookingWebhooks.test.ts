import { createPublicKey, verify } from 'crypto';
import { eventIssues } from '../../tools/contract/webhookEvents';
import { startScriptedServer, type ScriptedServer } from '../../tools/engine/scriptedServer';
import { addSandboxContact, sandboxAdmin, sandboxState } from '../../tools/sandbox/admin-client';
import { LOCATION, OTHER, OTHER_LOCATION, appointmentBody, appointmentsOf, bookableCalendar, call } from '../../tools/sandbox/harness';
import { Sandbox, startSandbox } from '../../tools/sandbox/server';

const NOW = Date.parse('2026-06-01T12:00:00Z');

describe('booking webhooks: signed AppointmentCreate / Update / Delete and ContactCreate to the apps installed in the sub-account', () => {
	let sandbox: Sandbox;
	let receiver: ScriptedServer;

	beforeAll(async () => {
		sandbox = await startSandbox({ clock: () => NOW });
		receiver = await startScriptedServer(() => ({ status: 200, body: { ok: true } }));
	});
	afterAll(async () => {
		await sandbox.close();
		await receiver.close();
	});
	beforeEach(async () => {
		sandbox.reset();
		receiver.requests.length = 0;
		receiver.rawBodies.length = 0;
		const app = sandbox.app('Location');
		sandbox.install(app.clientId, { userType: 'Location', locationId: LOCATION });
		expect((await sandboxAdmin(sandbox.url, '/webhooks', { appId: app.appId, url: `${receiver.url}/hook` })).status).toBe(201);
	});

	/** Each delivery: signed over the bytes received by the sandbox's key, valid against its documented schema. */
	const received = () =>
		receiver.rawBodies.map((raw, i) => {
			const signature = Buffer.from(String(receiver.requests[i].headers['x-ghl-signature']), 'base64');
			expect(verify(null, Buffer.from(raw), createPublicKey(sandbox.webhookPublicKeyPem), signature)).toBe(true);
			const payload = JSON.parse(Buffer.from(raw).toString('utf8'));
			expect(eventIssues(payload.type === 'ContactCreate' ? 'ContactCreate' : payload.type, payload)).toEqual([]);
			return payload;
		});

	it('sends AppointmentCreate, AppointmentUpdate (reschedule, cancel) and AppointmentDelete in order, with the appointment as stored', async () => {
		const calendar = await bookableCalendar(sandbox);
		const { id } = (await call(sandbox, 'POST', '/calendars/events/appointments', { body: appointmentBody(calendar.id, '2026-06-02T10:00:00-04:00', { toNotify: false }) })).body;
		await call(sandbox, 'PUT', `/calendars/events/appointments/${id}`, { body: { startTime: '2026-06-02T11:00:00-04:00' } });
		await call(sandbox, 'PUT', `/calendars/events/appointments/${id}`, { body: { appointmentStatus: 'cancelled' } });
		await call(sandbox, 'DELETE', `/calendars/events/${id}`, { body: {} });
		await sandbox.webhooksSettled();

		const payloads = received();
		expect(payloads.map((p) => [p.type, p.appointment.startTime, p.appointment.appointmentStatus])).toEqual([
			['AppointmentCreate', '2026-06-02T10:00:00-04:00', 'confirmed'],
			['AppointmentUpdate', '2026-06-02T11:00:00-04:00', 'confirmed'],
			['AppointmentUpdate', '2026-06-02T11:00:00-04:00', 'cancelled'],
			['AppointmentDelete', '2026-06-02T11:00:00-04:00', 'cancelled'],
		]);
		expect(payloads[0]).toMatchObject({ locationId: LOCATION, appointment: { id, calendarId: calendar.id, contactId: 'sandboxContact0001', endTime: '2026-06-02T10:30:00-04:00' } });
		expect(payloads[0].appointment.notes).toBeUndefined();
		expect(new Set(payloads.map((p) => p.webhookId)).size).toBe(4);
		expect(sandbox.state().webhooks.deliveries.map((d) => [d.type, d.status])).toEqual(payloads.map((p) => [p.type, 200]));
	});

	it('sends nothing for a sub-account the app is not installed in, nor for blocked slots', async () => {
		const theirs = await bookableCalendar(sandbox, { locationId: OTHER_LOCATION }, { token: OTHER });
		await call(sandbox, 'POST', '/calendars/events/appointments', { token: OTHER, body: appointmentBody(theirs.id, '2026-06-02T10:00:00-04:00', { locationId: OTHER_LOCATION }) });
		const ours = await bookableCalendar(sandbox);
		const block = { locationId: LOCATION, calendarId: ours.id, startTime: '2026-06-02T12:00:00-04:00', endTime: '2026-06-02T13:00:00-04:00' };
		const { id } = (await call(sandbox, 'POST', '/calendars/events/block-slots', { body: block })).body;
		await call(sandbox, 'DELETE', `/calendars/events/${id}`, { body: {} });
		await sandbox.webhooksSettled();
		expect(appointmentsOf(sandbox, OTHER_LOCATION)).toHaveLength(1);
		expect(receiver.requests).toEqual([]);
	});

	it('adds a contact through the admin route: ContactCreate first, then the contact can be booked and is in the state', async () => {
		const added = await addSandboxContact(sandbox.url, LOCATION, { firstName: 'Katherine', lastName: 'Johnson', email: 'katherine@sandbox.invalid' });
		expect(added.status).toBe(201);
		expect(added.body.deliveries.map((d: { type: string; status: number }) => [d.type, d.status])).toEqual([['ContactCreate', 200]]);
		const [payload] = received();
		const contactId = added.body.contact.id;
		expect(payload).toEqual({
			type: 'ContactCreate',
			locationId: LOCATION,
			id: contactId,
			firstName: 'Katherine',
			lastName: 'Johnson',
			name: 'Katherine Johnson',
			email: 'katherine@sandbox.invalid',
			dateAdded: new Date(NOW).toISOString(),
			tags: [],
			customFields: [],
			attachments: [],
			timestamp: expect.any(String),
			webhookId: expect.any(String),
		});
		const calendar = await bookableCalendar(sandbox);
		expect((await call(sandbox, 'POST', '/calendars/events/appointments', { body: appointmentBody(calendar.id, '2026-06-02T10:00:00-04:00', { contactId }) })).status).toBe(200);
		const state = (await sandboxState(sandbox.url)).body;
		expect(state.contacts[LOCATION].map((c: { id: string }) => c.id)).toContain(contactId);
		expect(state.appointments[LOCATION]).toEqual([expect.objectContaining({ contactId })]);
		expect(await addSandboxContact(sandbox.url, '', {})).toMatchObject({ status: 400, body: { message: 'locationId is required' } });
	});
});

describe('booking routes under the rate limit and the seeded faults', () => {
	let sandbox: Sandbox | undefined;
	afterEach(async () => {
		await sandbox?.close();
		sandbox = undefined;
	});
	const dropped = (error: unknown) => ['UND_ERR_SOCKET', 'ECONNRESET'].includes(String((error as { cause?: { code?: unknown } }).cause?.code));

	it('stores an appointment whose answer is lost, and still sends its AppointmentCreate', async () => {
		const receiver = await startScriptedServer(() => ({ status: 200, body: {} }));
		try {
			sandbox = await startSandbox({ clock: () => NOW, faults: { lostAfterStore: 1 } });
			const app = sandbox.app('Location');
			sandbox.install(app.clientId, { userType: 'Location', locationId: LOCATION });
			await sandboxAdmin(sandbox.url, '/webhooks', { appId: app.appId, url: receiver.url });
			const lost = (request: Promise<unknown>) => request.then(() => 'answered', (error: unknown) => (dropped(error) ? 'lost' : String(error)));
			expect(await lost(bookableCalendar(sandbox))).toBe('lost');
			const [calendar] = sandbox.state().calendars[LOCATION];
			expect(await lost(call(sandbox, 'POST', '/calendars/events/appointments', { body: appointmentBody(calendar.id, '2026-06-02T10:00:00-04:00') }))).toBe('lost');
			expect(appointmentsOf(sandbox)).toHaveLength(1);
			// reads are answered (nothing changed, nothing to lose)
			const query = { locationId: LOCATION, calendarId: calendar.id, startTime: String(NOW), endTime: String(NOW + 86_400_000 * 7) };
			expect((await call(sandbox, 'GET', '/calendars/events', { query })).body.events).toHaveLength(1);
			await sandbox.webhooksSettled();
			expect(sandbox.state().webhooks.deliveries.map((d) => d.type)).toEqual(['AppointmentCreate']);
		} finally {
			await receiver.close();
		}
	});

	it('answers 429 on the booking routes past the limit, and injected 5xx and resets there too', async () => {
		sandbox = await startSandbox({ clock: () => NOW, rateLimit: { max: 2 } });
		const slots = (sb: Sandbox) => call(sb, 'GET', '/calendars/none/free-slots', { query: { startDate: String(NOW), endDate: String(NOW + 1) } });
		expect((await slots(sandbox)).status).toBe(404);
		expect((await call(sandbox, 'GET', '/calendars/appointments/none/notes', { query: { limit: '10', offset: '0' } })).status).toBe(404);
		const limited = await call(sandbox, 'POST', '/calendars/events/appointments', { body: appointmentBody('none', '2026-06-02T10:00:00-04:00') });
		expect(limited).toMatchObject({ status: 429, body: { message: 'Too many requests' } });
		await sandbox.close();

		sandbox = await startSandbox({ faults: { error5xx: 1 } });
		expect([500, 502, 503]).toContain((await slots(sandbox)).status);
		await sandbox.close();
		sandbox = await startSandbox({ faults: { reset: 1 } });
		expect(await slots(sandbox).then(() => 'answered', (error: unknown) => (dropped(error) ? 'reset' : String(error)))).toBe('reset');
	});
});
