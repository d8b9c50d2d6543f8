/**
 * The v3 services workflow of the e2e suite (Options > API Version v3 on every step): started by a Webhook in the
 * running editor, the POST body naming the contact and the day (in New York). A service location and a service are
 * created, read, listed and updated; a booking of the service there is created, read, listed, moved and deleted;
 * then the service and the service location are deleted.
 */
import { BOOKING_ZONE } from './bookingWorkflows';
import { byId, chain, step, webhookBody, webhookTrigger, type CredRef } from './workflows';

/** What the test POSTs to the services workflow. */
export interface ServicesRequest {
	contactId: string;
	/** YYYY-MM-DD */
	day: string;
	/** the staff member who gives the service */
	staffId: string;
}

const v3 = { apiVersion: 'v3' };
/** Options of the booking steps: Version v3, local times read in New York */
const inNewYork = { ...v3, timeZone: BOOKING_ZONE };
const at = (time: string) => `={{ ${webhookBody('day')} }}T${time}`;

export function servicesWorkflow(cred: CredRef, path: string) {
	const place = step('serviceLocation');
	const service = step('service');
	const booking = step('serviceBooking');
	const placeId = `$('Create service location').first().json.id`;
	const serviceId = `$('Create service').first().json.id`;
	const bookingId = byId(`={{ $('Book service').first().json.bookingId }}`);
	const window = { startTime: at('00:00:00'), endTime: at('23:59:00') };
	return chain(
		'e2e 12: v3 services',
		[
			place('Create service location', cred, { operation: 'create', name: 'Midtown Studio', additionalFields: { phone: '+1 555 0100', locationType: 'offline', address: '1 Main St' }, options: v3 }),
			place('Get service location', cred, { operation: 'get', serviceLocation: byId(`={{ ${placeId} }}`), options: v3 }),
			place('Service locations', cred, { operation: 'getAll', returnAll: true, options: v3 }),
			place('Update service location', cred, { operation: 'update', serviceLocation: byId(`={{ ${placeId} }}`), updateFields: { phone: '+1 555 0199' }, options: v3 }),
			service('Create service', cred, {
				operation: 'create',
				name: 'Hair Styling',
				staffIds: `={{ ${webhookBody('staffId')} }}`,
				additionalFields: { serviceDuration: 60, serviceDurationUnit: 'mins', amount: 60 },
				options: v3,
			}),
			service('Get service', cred, { operation: 'get', service: byId(`={{ ${serviceId} }}`), options: v3 }),
			service('Services', cred, { operation: 'getAll', returnAll: true, options: v3 }),
			service('Update service', cred, { operation: 'update', service: byId(`={{ ${serviceId} }}`), updateFields: { amount: 75 }, options: v3 }),
			booking('Book service', cred, {
				operation: 'create',
				contactId: `={{ ${webhookBody('contactId')} }}`,
				startTime: at('10:00:00'),
				endTime: at('11:00:00'),
				services: { service: [{ id: `={{ ${serviceId} }}`, staffId: `={{ ${webhookBody('staffId')} }}` }] },
				additionalFields: { serviceLocationId: `={{ ${placeId} }}`, title: 'Cut and style' },
				options: inNewYork,
			}),
			booking('Get booking', cred, { operation: 'get', serviceBooking: bookingId, options: v3 }),
			booking('Bookings of the day', cred, { operation: 'getAll', ...window, returnAll: true, filters: { serviceLocationId: `={{ ${placeId} }}` }, options: inNewYork }),
			booking('Move booking', cred, { operation: 'update', serviceBooking: bookingId, updateFields: { startTime: at('13:00:00'), endTime: at('14:00:00'), title: 'Cut and style (moved)' }, options: inNewYork }),
			booking('Delete booking', cred, { operation: 'delete', serviceBooking: bookingId, options: v3 }),
			service('Delete service', cred, { operation: 'delete', service: byId(`={{ ${serviceId} }}`), options: v3 }),
			place('Delete service location', cred, { operation: 'delete', serviceLocation: byId(`={{ ${placeId} }}`), options: v3 }),
		],
		webhookTrigger(path),
	);
}
