/**
 * The README's scope table, as data: each row an operation of the node (as the README names it), the scopes it needs,
 * and the parameters that run it against the sandbox. test/package/scopeTable.test.ts renders the README's table from
 * these rows and runs each row, deriving the scopes from the requests it sent (each request's scope as HighLevel's
 * OpenAPI files document it). A new operation is one more row.
 */
import type { INodeParameters } from 'n8n-workflow';

/** The scopes the operations use, in the table's column order. */
export const OPERATION_SCOPES = [
	'calendars/groups.readonly',
	'calendars/groups.write',
	'calendars.readonly',
	'calendars.write',
	'calendars/events.readonly',
	'calendars/events.write',
	'calendars/resources.readonly',
	'calendars/resources.write',
] as const;
export type OperationScope = (typeof OPERATION_SCOPES)[number];

/** What the sandbox holds before each row runs. */
export interface Seed {
	/** group "Sales" (slug sales), holding the calendar `calendarId` */
	salesId: string;
	/** group "Empty" (slug empty), holding none */
	emptyId: string;
	/** calendar "Team Calls", a personal calendar in Sales */
	calendarId: string;
	/** calendar "Consultation", open every day 9–17 in the location's zone, 30-minute slots */
	bookableId: string;
	/** an appointment of the seeded contact in Consultation */
	appointmentId: string;
	/** a free slot of Consultation (ISO with offset) */
	freeSlot: string;
	/** a blocked slot of Consultation */
	blockedSlotId: string;
	/** a note on the appointment */
	noteId: string;
	/** room "Yoga Room" */
	roomId: string;
	/** a reminder of Team Calls */
	notificationId: string;
	/** user1's availability schedule "Weekdays", applied to Team Calls */
	scheduleId: string;
	/** event calendar "Workshop", with its own schedule (v3) */
	ownScheduleCalendarId: string;
	/** service "Cut" (v3), given by user1 */
	serviceId: string;
	/** service location "Studio" (v3) */
	serviceLocationId: string;
	/** a booking of Cut at the Studio, at `serviceBookingStart` (v3) */
	serviceBookingId: string;
	serviceBookingStart: string;
}

export interface ScopeRow {
	/** the README's first cell: resource → operation, and how it is set when that changes its scopes */
	operation: string;
	scopes: OperationScope[];
	parameters: (seed: Seed) => INodeParameters;
}

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const bySlug = (value: string) => ({ __rl: true, mode: 'slug', value });
const group = (parameters: INodeParameters): INodeParameters => ({ resource: 'calendarGroup', ...parameters });
const calendar = (parameters: INodeParameters): INodeParameters => ({ resource: 'calendar', ...parameters });
const appointment = (parameters: INodeParameters): INodeParameters => ({ resource: 'appointment', ...parameters });
const blockedSlot = (parameters: INodeParameters): INodeParameters => ({ resource: 'blockedSlot', ...parameters });
const note = (seed: Seed, parameters: INodeParameters): INodeParameters => ({ resource: 'appointmentNote', appointmentId: seed.appointmentId, ...parameters });
const weekFrom = (seed: Seed) => ({ startTime: seed.freeSlot, endTime: `={{ DateTime.fromISO("${seed.freeSlot}").plus({ days: 7 }) }}` });
const [GROUPS_READ, GROUPS_WRITE, CALENDARS_READ, CALENDARS_WRITE, EVENTS_READ, EVENTS_WRITE, RESOURCES_READ, RESOURCES_WRITE] = OPERATION_SCOPES;
const CONTACT = 'sandboxContact0002';
const room = (parameters: INodeParameters): INodeParameters => ({ resource: 'calendarResource', resourceType: 'rooms', ...parameters });
const notification = (seed: Seed, parameters: INodeParameters): INodeParameters => ({ resource: 'calendarNotification', calendar: byId(seed.calendarId), ...parameters });
const schedule = (parameters: INodeParameters): INodeParameters => ({ resource: 'availabilitySchedule', ...parameters });
const V3 = { options: { apiVersion: 'v3' } };
const mornings = { timeZone: 'America/New_York', weeklyHours: { hours: [{ day: 'monday', from: '09:00', to: '12:00' }] } };
const serviceBooking = (parameters: INodeParameters): INodeParameters => ({ resource: 'serviceBooking', ...parameters });
const service = (parameters: INodeParameters): INodeParameters => ({ resource: 'service', ...parameters });
const serviceLocation = (parameters: INodeParameters): INodeParameters => ({ resource: 'serviceLocation', ...parameters });
const hoursAfter = (iso: string, hours: number) => `={{ DateTime.fromISO("${iso}").plus({ hours: ${hours} }) }}`;

export const SCOPE_ROWS: ScopeRow[] = [
	{ operation: 'Calendar Group → Create', scopes: [GROUPS_READ, GROUPS_WRITE], parameters: () => group({ operation: 'create', name: 'New', description: 'New calendars' }) },
	{ operation: 'Calendar Group → Get', scopes: [GROUPS_READ], parameters: (seed) => group({ operation: 'get', group: byId(seed.salesId) }) },
	{ operation: 'Calendar Group → Get Many', scopes: [GROUPS_READ], parameters: () => group({ operation: 'getAll', returnAll: true }) },
	{ operation: 'Calendar Group → Update', scopes: [GROUPS_READ, GROUPS_WRITE], parameters: (seed) => group({ operation: 'update', group: byId(seed.salesId), updateFields: { name: 'Renamed' } }) },
	{ operation: 'Calendar Group → Enable / Disable', scopes: [GROUPS_READ, GROUPS_WRITE], parameters: (seed) => group({ operation: 'disable', group: byId(seed.salesId) }) },
	{
		operation: 'Calendar Group → Delete, group By ID or From List',
		scopes: [GROUPS_WRITE, CALENDARS_READ],
		parameters: (seed) => group({ operation: 'delete', group: byId(seed.emptyId) }),
	},
	{ operation: 'Calendar Group → Delete, group By Slug', scopes: [GROUPS_READ, GROUPS_WRITE, CALENDARS_READ], parameters: () => group({ operation: 'delete', group: bySlug('empty') }) },
	{
		operation: 'Calendar Group → Delete, *If It Holds Calendars*: Delete Its Calendars First (By ID)',
		scopes: [GROUPS_WRITE, CALENDARS_READ, CALENDARS_WRITE],
		parameters: (seed) => group({ operation: 'delete', group: byId(seed.salesId), options: { ifHoldsCalendars: 'deleteCalendarsFirst' } }),
	},
	{
		operation: 'Calendar Group → Delete, *If It Holds Calendars*: Delete Even If It Holds Calendars (By ID)',
		scopes: [GROUPS_WRITE],
		parameters: (seed) => group({ operation: 'delete', group: byId(seed.salesId), options: { ifHoldsCalendars: 'deleteAnyway' } }),
	},
	{ operation: 'Calendar Group → Check Slug Availability', scopes: [GROUPS_WRITE], parameters: () => group({ operation: 'checkSlug', slug: 'free-slug' }) },
	{
		operation: 'Calendar → Create, in no group or a group By ID or From List',
		scopes: [CALENDARS_READ, CALENDARS_WRITE],
		parameters: (seed) => calendar({ operation: 'create', name: 'Open Day', calendarType: 'event', calendarGroup: byId(seed.salesId) }),
	},
	{
		operation: 'Calendar → Create, *Calendar Group* By Slug',
		scopes: [GROUPS_READ, CALENDARS_READ, CALENDARS_WRITE],
		parameters: () => calendar({ operation: 'create', name: 'Open Day', calendarType: 'event', calendarGroup: bySlug('sales') }),
	},
	{ operation: 'Calendar → Get', scopes: [CALENDARS_READ], parameters: (seed) => calendar({ operation: 'get', calendar: byId(seed.calendarId) }) },
	{ operation: 'Calendar → Get Many', scopes: [CALENDARS_READ], parameters: () => calendar({ operation: 'getAll', returnAll: true }) },
	{
		operation: 'Calendar → Get Many of one group (*Calendar Group* set)',
		scopes: [GROUPS_READ, CALENDARS_READ],
		parameters: (seed) => calendar({ operation: 'getAll', returnAll: true, calendarGroup: byId(seed.salesId) }),
	},
	{ operation: 'Calendar → Update', scopes: [CALENDARS_WRITE], parameters: (seed) => calendar({ operation: 'update', calendar: byId(seed.calendarId), updateFields: { name: 'Renamed' } }) },
	{
		operation: 'Calendar → Update, *Group*: Move to Group',
		scopes: [GROUPS_READ, CALENDARS_WRITE],
		parameters: (seed) => calendar({ operation: 'update', calendar: byId(seed.calendarId), groupChange: 'move', moveToGroup: byId(seed.emptyId) }),
	},
	{
		operation: 'Calendar → Update with *Team Members* (the calendar is read for its type)',
		scopes: [CALENDARS_READ, CALENDARS_WRITE],
		parameters: (seed) => calendar({ operation: 'update', calendar: byId(seed.calendarId), updateFields: { teamMembers: { member: [{ userId: 'user2', priority: 1 }] } } }),
	},
	{ operation: 'Calendar → Delete', scopes: [CALENDARS_WRITE], parameters: (seed) => calendar({ operation: 'delete', calendar: byId(seed.calendarId) }) },
	{
		operation: 'Calendar → Get Free Slots',
		scopes: [CALENDARS_READ],
		parameters: (seed) => calendar({ operation: 'getFreeSlots', calendar: byId(seed.bookableId), start: seed.freeSlot, end: `={{ DateTime.fromISO("${seed.freeSlot}").plus({ days: 1 }) }}` }),
	},
	{
		operation: 'Appointment → Book, End Time set',
		scopes: [EVENTS_WRITE],
		parameters: (seed) => appointment({ operation: 'book', calendar: byId(seed.bookableId), contactId: CONTACT, startTime: seed.freeSlot, endTime: `={{ DateTime.fromISO("${seed.freeSlot}").plus({ minutes: 30 }) }}` }),
	},
	{
		operation: "Appointment → Book, End Time empty (the calendar's slot duration is read)",
		scopes: [CALENDARS_READ, EVENTS_WRITE],
		parameters: (seed) => appointment({ operation: 'book', calendar: byId(seed.bookableId), contactId: CONTACT, startTime: seed.freeSlot }),
	},
	{ operation: 'Appointment → Get', scopes: [EVENTS_READ], parameters: (seed) => appointment({ operation: 'get', appointmentId: seed.appointmentId }) },
	{
		operation: 'Appointment → Get Many (of a calendar, a group By ID or a user)',
		scopes: [EVENTS_READ],
		parameters: (seed) => appointment({ operation: 'getAll', eventsOf: 'calendar', calendar: byId(seed.bookableId), startTime: seed.freeSlot, endTime: `={{ DateTime.fromISO("${seed.freeSlot}").plus({ days: 7 }) }}`, returnAll: true }),
	},
	{ operation: 'Appointment → Update', scopes: [EVENTS_WRITE], parameters: (seed) => appointment({ operation: 'update', appointmentId: seed.appointmentId, updateFields: { title: 'Renamed' } }) },
	{
		operation: 'Appointment → Update, a Start Time without End Time, or *Apply To*: Whole Series (the appointment is read)',
		scopes: [EVENTS_READ, EVENTS_WRITE],
		parameters: (seed) => appointment({ operation: 'update', appointmentId: seed.appointmentId, applyTo: 'series', updateFields: { title: 'Renamed' } }),
	},
	{ operation: 'Appointment → Cancel', scopes: [EVENTS_WRITE], parameters: (seed) => appointment({ operation: 'cancel', appointmentId: seed.appointmentId }) },
	{ operation: 'Appointment → Delete', scopes: [EVENTS_WRITE], parameters: (seed) => appointment({ operation: 'delete', appointmentId: seed.appointmentId }) },
	{ operation: 'Blocked Slot → Create', scopes: [EVENTS_WRITE], parameters: (seed) => blockedSlot({ operation: 'create', calendar: byId(seed.bookableId), ...weekFrom(seed) }) },
	{
		operation: 'Blocked Slot → Get Many (of a calendar, a group By ID or a user)',
		scopes: [EVENTS_READ],
		parameters: (seed) => blockedSlot({ operation: 'getAll', calendar: byId(seed.bookableId), ...weekFrom(seed), returnAll: true }),
	},
	{ operation: 'Blocked Slot → Update', scopes: [EVENTS_WRITE], parameters: (seed) => blockedSlot({ operation: 'update', blockedSlotId: seed.blockedSlotId, calendar: byId(seed.bookableId), updateFields: { title: 'Renamed' } }) },
	{ operation: 'Blocked Slot → Delete', scopes: [EVENTS_WRITE], parameters: (seed) => blockedSlot({ operation: 'delete', blockedSlotId: seed.blockedSlotId }) },
	{ operation: 'Appointment Note → Create', scopes: [EVENTS_WRITE], parameters: (seed) => note(seed, { operation: 'create', noteBody: 'Called back' }) },
	{ operation: 'Appointment Note → Get Many', scopes: [EVENTS_READ], parameters: (seed) => note(seed, { operation: 'getAll', returnAll: true }) },
	{ operation: 'Appointment Note → Update', scopes: [EVENTS_WRITE], parameters: (seed) => note(seed, { operation: 'update', noteId: seed.noteId, noteBody: 'Changed' }) },
	{ operation: 'Appointment Note → Delete', scopes: [EVENTS_WRITE], parameters: (seed) => note(seed, { operation: 'delete', noteId: seed.noteId }) },
	{ operation: 'Calendar Resource → Create (lists the rooms or equipment first)', scopes: [RESOURCES_READ, RESOURCES_WRITE], parameters: () => room({ operation: 'create', name: 'Spa Room' }) },
	{ operation: 'Calendar Resource → Get', scopes: [RESOURCES_READ], parameters: (seed) => room({ operation: 'get', calendarResource: byId(seed.roomId) }) },
	{ operation: 'Calendar Resource → Get Many', scopes: [RESOURCES_READ], parameters: () => room({ operation: 'getAll', returnAll: true }) },
	{ operation: 'Calendar Resource → Update', scopes: [RESOURCES_WRITE], parameters: (seed) => room({ operation: 'update', calendarResource: byId(seed.roomId), updateFields: { capacity: 4 } }) },
	{ operation: 'Calendar Resource → Delete', scopes: [RESOURCES_WRITE], parameters: (seed) => room({ operation: 'delete', calendarResource: byId(seed.roomId) }) },
	{
		operation: 'Calendar Notification → Create (lists the calendar\'s notifications first)',
		scopes: [EVENTS_READ, EVENTS_WRITE],
		parameters: (seed) => notification(seed, { operation: 'create', receiverType: 'contact', channel: 'email', notificationType: 'confirmation' }),
	},
	{ operation: 'Calendar Notification → Get', scopes: [EVENTS_READ], parameters: (seed) => notification(seed, { operation: 'get', notification: byId(seed.notificationId) }) },
	{ operation: 'Calendar Notification → Get Many', scopes: [EVENTS_READ], parameters: (seed) => notification(seed, { operation: 'getAll', returnAll: true }) },
	{
		operation: 'Calendar Notification → Update (reads the notification back)',
		scopes: [EVENTS_READ, EVENTS_WRITE],
		parameters: (seed) => notification(seed, { operation: 'update', notification: byId(seed.notificationId), updateFields: { isActive: false } }),
	},
	{ operation: 'Calendar Notification → Delete', scopes: [EVENTS_WRITE], parameters: (seed) => notification(seed, { operation: 'delete', notification: byId(seed.notificationId) }) },	{ operation: 'Availability Schedule → Create (lists the user\'s schedules first)', scopes: [CALENDARS_READ, CALENDARS_WRITE], parameters: () => schedule({ operation: 'create', name: 'Mornings', userId: 'user1', ...mornings }) },
	{ operation: 'Availability Schedule → Get', scopes: [CALENDARS_READ], parameters: (seed) => schedule({ operation: 'get', schedule: byId(seed.scheduleId) }) },
	{ operation: 'Availability Schedule → Search', scopes: [CALENDARS_READ], parameters: () => schedule({ operation: 'search', userId: 'user1', returnAll: true }) },
	{ operation: 'Availability Schedule → Update', scopes: [CALENDARS_WRITE], parameters: (seed) => schedule({ operation: 'update', schedule: byId(seed.scheduleId), updateFields: { name: 'Renamed' } }) },
	{ operation: 'Availability Schedule → Delete', scopes: [CALENDARS_WRITE], parameters: (seed) => schedule({ operation: 'delete', schedule: byId(seed.scheduleId) }) },
	{ operation: 'Availability Schedule → Apply to Calendar', scopes: [CALENDARS_WRITE], parameters: (seed) => schedule({ operation: 'applyToCalendar', schedule: byId(seed.scheduleId), calendar: byId(seed.bookableId) }) },
	{ operation: 'Availability Schedule → Remove From Calendar', scopes: [CALENDARS_WRITE], parameters: (seed) => schedule({ operation: 'removeFromCalendar', schedule: byId(seed.scheduleId), calendar: byId(seed.calendarId) }) },
	{ operation: 'Availability Schedule → Create Calendar\'s Own Schedule (v3)', scopes: [CALENDARS_WRITE], parameters: (seed) => schedule({ operation: 'createCalendarSchedule', calendar: byId(seed.bookableId), ...mornings, ...V3 }) },
	{ operation: 'Availability Schedule → Get Calendar\'s Own Schedule (v3)', scopes: [CALENDARS_READ], parameters: (seed) => schedule({ operation: 'getCalendarSchedule', calendar: byId(seed.ownScheduleCalendarId), ...V3 }) },
	{
		operation: 'Availability Schedule → Update Calendar\'s Own Schedule (v3)',
		scopes: [CALENDARS_WRITE],
		parameters: (seed) => schedule({ operation: 'updateCalendarSchedule', calendar: byId(seed.ownScheduleCalendarId), updateFields: { timeZone: 'Europe/Berlin' }, ...V3 }),
	},
	{
		operation: "Service Booking → Create (lists the window's bookings first)",
		scopes: [EVENTS_READ, EVENTS_WRITE],
		parameters: (seed) =>
			serviceBooking({ operation: 'create', contactId: CONTACT, startTime: hoursAfter(seed.serviceBookingStart, 24), endTime: hoursAfter(seed.serviceBookingStart, 25), services: { service: [{ id: seed.serviceId }] } }),
	},
	{ operation: 'Service Booking → Get', scopes: [EVENTS_READ], parameters: (seed) => serviceBooking({ operation: 'get', serviceBooking: byId(seed.serviceBookingId) }) },
	{
		operation: 'Service Booking → Get Many',
		scopes: [EVENTS_READ],
		parameters: (seed) => serviceBooking({ operation: 'getAll', startTime: seed.serviceBookingStart, endTime: hoursAfter(seed.serviceBookingStart, 24), returnAll: true }),
	},
	{ operation: 'Service Booking → Update', scopes: [EVENTS_WRITE], parameters: (seed) => serviceBooking({ operation: 'update', serviceBooking: byId(seed.serviceBookingId), updateFields: { status: 'showed' } }) },
	{ operation: 'Service Booking → Delete', scopes: [EVENTS_WRITE], parameters: (seed) => serviceBooking({ operation: 'delete', serviceBooking: byId(seed.serviceBookingId) }) },
	{ operation: 'Service → Create (lists the catalog first)', scopes: [CALENDARS_READ, CALENDARS_WRITE], parameters: () => service({ operation: 'create', name: 'Shave', staffIds: 'user1' }) },
	{ operation: 'Service → Get', scopes: [CALENDARS_READ], parameters: (seed) => service({ operation: 'get', service: byId(seed.serviceId) }) },
	{ operation: 'Service → Get Many', scopes: [CALENDARS_READ], parameters: () => service({ operation: 'getAll', returnAll: true }) },
	{ operation: 'Service → Update', scopes: [CALENDARS_WRITE], parameters: (seed) => service({ operation: 'update', service: byId(seed.serviceId), updateFields: { serviceDuration: 45 } }) },
	{ operation: 'Service → Delete', scopes: [CALENDARS_WRITE], parameters: (seed) => service({ operation: 'delete', service: byId(seed.serviceId) }) },
	{ operation: 'Service Location → Create (lists the service locations first)', scopes: [CALENDARS_READ, CALENDARS_WRITE], parameters: () => serviceLocation({ operation: 'create', name: 'Uptown' }) },
	{ operation: 'Service Location → Get', scopes: [CALENDARS_READ], parameters: (seed) => serviceLocation({ operation: 'get', serviceLocation: byId(seed.serviceLocationId) }) },
	{ operation: 'Service Location → Get Many', scopes: [CALENDARS_READ], parameters: () => serviceLocation({ operation: 'getAll', returnAll: true }) },
	{ operation: 'Service Location → Update', scopes: [CALENDARS_WRITE], parameters: (seed) => serviceLocation({ operation: 'update', serviceLocation: byId(seed.serviceLocationId), updateFields: { phone: '+1 555 0100' } }) },
	{ operation: 'Service Location → Delete', scopes: [CALENDARS_WRITE], parameters: (seed) => serviceLocation({ operation: 'delete', serviceLocation: byId(seed.serviceLocationId) }) },
];

/** The agency credential's scopes beyond the operations', and what each is for. */
export const AGENCY_SCOPES: Array<{ scope: string; use: string }> = [
	{ scope: 'oauth.readonly', use: 'asked for beside `oauth.write`; no request of the node needs it today' },
	{ scope: 'oauth.write', use: "minting each sub-account's token (`POST /oauth/locationToken`), and the credential's *Test*" },
	{ scope: 'locations.readonly', use: 'Location ID *From List* (`GET /locations/search`)' },
];

/** The README's table, as the rows render it. */
export function renderScopeTable(rows: ScopeRow[] = SCOPE_ROWS): string {
	const header = `| Operation | ${OPERATION_SCOPES.map((scope) => `\`${scope}\``).join(' | ')} |`;
	const rule = `|---|${OPERATION_SCOPES.map(() => ':-:').join('|')}|`;
	const body = rows.map((row) => `| ${row.operation} | ${OPERATION_SCOPES.map((scope) => (row.scopes.includes(scope) ? '✓' : '')).join(' | ')} |`);
	return [header, rule, ...body].join('\n').replace(/ {2}/g, ' ');
}
