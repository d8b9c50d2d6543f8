/**
 * The node's hand-written checks of the v3 service, service location and service booking bodies against
 * calendars-v3.openapi.json: each table is the spec's schema, and for a table of bodies what the node lets through the
 * spec takes, and what the spec refuses the node refuses.
 */
import { serviceBodyRule, serviceBookingBodyRule, serviceLocationBodyRule } from '../../nodes/HighLevelCalendars/api/services/serviceChecks';
import { shapeProblem, type Rule } from '../../nodes/HighLevelCalendars/shared/schemaCheck';
import { validateRequest } from '../../tools/contract/openapi';
import { componentSchemas, fromRule, jsonRequest, normalize, type Json } from '../../tools/contract/ruleTable';

type Operation = 'create' | 'update';
const RULES: Record<string, { rule: (operation: Operation) => Rule; schema: Record<Operation, string>; path: Record<Operation, string> }> = {
	service: { rule: serviceBodyRule, schema: { create: 'CreateServiceDTO', update: 'UpdateServiceDTO' }, path: { create: '/calendars/services/catalog', update: '/calendars/services/catalog/s1' } },
	serviceLocation: {
		rule: serviceLocationBodyRule,
		schema: { create: 'CreateServiceLocationDTO', update: 'UpdateServiceLocationDTO' },
		path: { create: '/calendars/services/locations', update: '/calendars/services/locations/l1' },
	},
	serviceBooking: {
		rule: serviceBookingBodyRule,
		schema: { create: 'CreatePublicServiceBookingDTO', update: 'UpdateServiceBookingDTO' },
		path: { create: '/calendars/services/bookings', update: '/calendars/services/bookings/b1' },
	},
};

const SERVICE = { locationId: 'loc1', name: 'Cut', slug: 'cut', staff: [{ id: 'u1' }] };
const PLACE = { locationId: 'loc1', name: 'Studio', slug: 'studio' };
const BOOKING = { locationId: 'loc1', contactId: 'c1', startTime: '2027-03-28T01:30:00+01:00', endTime: '2027-03-28T04:30:00+02:00', timezone: 'Europe/Berlin', services: [{ id: 's1' }] };

/** [what, kind, operation, body] */
const CASES: Array<[string, keyof typeof RULES, Operation, Json]> = [
	['the least service', 'service', 'create', SERVICE],
	['a service without staff', 'service', 'create', { ...SERVICE, staff: undefined }],
	['a staff member without an id', 'service', 'create', { ...SERVICE, staff: [{}] }],
	['a price and a percentage deposit', 'service', 'create', { ...SERVICE, payment: { amount: 50, deposit: 20, depositType: 'percentage' } }],
	['an unknown deposit type', 'service', 'create', { ...SERVICE, payment: { depositType: 'half' } }],
	['a duration in days', 'service', 'create', { ...SERVICE, serviceDuration: 1, serviceDurationUnit: 'days' }],
	['a variation without a name on create', 'service', 'create', { ...SERVICE, variations: [{ serviceDuration: 30 }] }],
	['a variation by id on update', 'service', 'update', { variations: [{ id: 'v1', serviceDuration: 30 }] }],
	['locationId on update', 'service', 'update', { locationId: 'loc1' }],
	['an empty update', 'service', 'update', {}],
	['the least service location', 'serviceLocation', 'create', PLACE],
	['an ask-the-booker location', 'serviceLocation', 'create', { ...PLACE, locationType: 'ask_booker', address: 'Home' }],
	['an online location', 'serviceLocation', 'create', { ...PLACE, locationType: 'online' }],
	['a location without a slug', 'serviceLocation', 'create', { ...PLACE, slug: undefined }],
	['isActive on update (not documented)', 'serviceLocation', 'update', { isActive: false }],
	['the least booking', 'serviceBooking', 'create', BOOKING],
	['a booking without a time zone', 'serviceBooking', 'create', { ...BOOKING, timezone: undefined }],
	['a booking with a staff member, position and add-ons', 'serviceBooking', 'create', { ...BOOKING, services: [{ id: 's1', staffId: 'u1', position: 0, addOns: [{ id: 'a1', quantity: 2 }] }] }],
	['an add-on without an id', 'serviceBooking', 'create', { ...BOOKING, services: [{ id: 's1', addOns: [{ quantity: 2 }] }] }],
	['status new on create', 'serviceBooking', 'create', { ...BOOKING, status: 'new' }],
	['status showed on create', 'serviceBooking', 'create', { ...BOOKING, status: 'showed' }],
	['status no_show on update', 'serviceBooking', 'update', { status: 'no_show' }],
	['contactId on update', 'serviceBooking', 'update', { contactId: 'c2' }],
	['times as epoch milliseconds', 'serviceBooking', 'update', { startTime: 1800000000000 }],
];

describe("the node's v3 service, service location and service booking checks", () => {
	it.each(Object.keys(RULES).flatMap((kind) => (['create', 'update'] as const).map((operation) => [kind, operation] as const)))(
		'describe the %s %s body exactly as the official schema does',
		(kind, operation) => {
			const schemas = componentSchemas('v3');
			expect(fromRule(RULES[kind].rule(operation))).toEqual(normalize(schemas[RULES[kind].schema[operation]] as Json, schemas));
		},
	);

	it.each(CASES)('%s: what the node lets through the spec takes, what the spec refuses the node refuses', (_what, kind, operation, body) => {
		const sent = JSON.parse(JSON.stringify(body)) as Json;
		const specErrors = validateRequest(jsonRequest(operation === 'create' ? 'POST' : 'PUT', RULES[kind].path[operation], 'v3', sent)).errors;
		const nodeProblem = shapeProblem(RULES[kind].rule(operation), sent, '');
		expect({ nodeRefuses: nodeProblem !== undefined, specErrors }).toEqual({ nodeRefuses: specErrors.length > 0, specErrors });
	});
});
