/**
 * The v3 services (Service Location, Service, Service Booking) in real n8n, inside a suite's running editor (no n8n
 * start of their own): one workflow started by its Webhook, every step under Options > API Version v3; what the nodes
 * output, what the sandbox holds after, and every request they sent held against calendars-v3.
 */
import { validateRequest } from '../../../tools/contract/openapi';
import { itemsOf } from '../../../tools/n8n/execute';
import { LOCATION } from '../../../tools/sandbox/harness';
import { DEFAULT_CONTACTS } from '../../../tools/sandbox/bookings';
import { BOOKING_ZONE } from './bookingWorkflows';
import { MINUTE } from './run';
import { servicesWorkflow, type ServicesRequest } from './serviceWorkflows';
import { webhookCases, type EditorContext } from './webhookCases';

const STAFF = 'e2eStaffUser00000001';

export function describeServices(context: () => EditorContext): void {
	describe('v3 services: a workflow the running editor executes (Webhook trigger), each operation asserted', () => {
		const { run } = webhookCases(context, { 'v3 services': (path) => servicesWorkflow(context().cred, path) });

		test('Service Location and Service: Create, Get, Get Many, Update, Delete; Service Booking: Create, Get, Get Many, Update (moved), Delete', async () => {
			const { sandbox } = context();
			const before = sandbox.requests().length;
			const contactId = DEFAULT_CONTACTS[0].id as string;
			const day = new Intl.DateTimeFormat('en-CA', { timeZone: BOOKING_ZONE }).format(Date.now() + 4 * 24 * 3600_000);
			const exec = await run('v3 services', { contactId, day, staffId: STAFF } satisfies ServicesRequest);

			const [place] = itemsOf(exec, 'Create service location');
			expect(place).toEqual(expect.objectContaining({ name: 'Midtown Studio', slug: 'midtown-studio', phone: '+1 555 0100', locationType: 'offline', address: '1 Main St' }));
			expect(itemsOf(exec, 'Get service location')).toEqual([place]);
			expect(itemsOf(exec, 'Service locations')).toEqual([place]);
			expect(itemsOf(exec, 'Update service location')).toEqual([{ ...place, phone: '+1 555 0199' }]);

			const [service] = itemsOf(exec, 'Create service');
			expect(service).toEqual(expect.objectContaining({ name: 'Hair Styling', slug: 'hair-styling', staff: [{ id: STAFF }], serviceDuration: 60, payment: { amount: 60 } }));
			expect(itemsOf(exec, 'Get service')).toEqual([service]);
			expect(itemsOf(exec, 'Services')).toEqual([service]);
			expect(itemsOf(exec, 'Update service')).toEqual([{ ...service, payment: { amount: 75 } }]);

			const [booking] = itemsOf(exec, 'Book service');
			expect(booking).toEqual(expect.objectContaining({ contactId, serviceLocationId: place.id, title: 'Cut and style', status: 'confirmed' }));
			// local times read in New York, sent with that day's offset
			expect([booking.startTime, booking.endTime]).toEqual([`${day}T10:00:00`, `${day}T11:00:00`].map((local) => expect.stringMatching(new RegExp(`^${local}-0[45]:00$`))));
			expect(itemsOf(exec, 'Get booking')).toEqual([booking]);
			expect(itemsOf(exec, 'Bookings of the day')).toEqual([booking]);
			const [moved] = itemsOf(exec, 'Move booking');
			expect(moved).toEqual(expect.objectContaining({ bookingId: booking.bookingId, title: 'Cut and style (moved)', startTime: expect.stringMatching(new RegExp(`^${day}T13:00:00-0[45]:00$`)) }));
			expect(itemsOf(exec, 'Delete booking')).toEqual([{ deleted: true, id: booking.bookingId }]);
			expect(itemsOf(exec, 'Delete service')).toEqual([{ deleted: true, id: service.id }]);
			expect(itemsOf(exec, 'Delete service location')).toEqual([{ deleted: true, id: place.id }]);

			const { services, serviceLocations, bookings } = sandbox.state().services;
			expect([services[LOCATION] ?? [], serviceLocations[LOCATION] ?? []]).toEqual([[], []]);
			expect(bookings[LOCATION]).toEqual([expect.objectContaining({ bookingId: booking.bookingId, deleted: true })]);

			const sent = sandbox.requests().slice(before).filter((r) => r.path.startsWith('/calendars/services'));
			expect(sent.length).toBeGreaterThanOrEqual(15);
			for (const request of sent) {
				expect({ request: `${request.method} ${request.path}`, version: request.headers.version, errors: validateRequest(request).errors }).toEqual({ request: `${request.method} ${request.path}`, version: 'v3', errors: [] });
			}
		}, 4 * MINUTE);
	});
}
