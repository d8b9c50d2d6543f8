/**
 * What the node panel shows, per resource and operation: the one table the browser suite compares the editor with,
 * and that test/package/fieldTable.test.ts checks against the README (each field names the README's words for it).
 * Another resource is more rows. Labels are the editor's; `readme` is what the README's Operations section says for
 * that field: in the operation's row of its table, or (`shared`) in the section's text around the table.
 */
export interface Field {
	label: string;
	readme: string;
	/** documented once for every operation, outside the operation's row */
	shared?: boolean;
}

export interface OperationRow {
	resource: string;
	/** the Operation dropdown's name; the README's row starts with it */
	operation: string;
	/** the fields below Operation, in the panel's order */
	fields: Field[];
	/** the names under Options → Add Option */
	options: string[];
}

const location: Field = { label: 'Location ID', readme: '**Location ID**', shared: true };
const group: Field = { label: 'Calendar Group', readme: 'From List, By ID or By Slug', shared: true };
const options: Field = { label: 'Options', readme: '**Options** (every operation)', shared: true };
const REQUEST_OPTIONS = ['API Version', 'Max Requests In Flight', 'Max Retries', 'Timeout (Ms)'];

const row = (resource: string) => (operation: string, fields: Field[], extraOptions: string[] = []): OperationRow => ({
	resource,
	operation,
	fields: [location, ...fields, options],
	options: [REQUEST_OPTIONS[0], ...extraOptions, ...REQUEST_OPTIONS.slice(1)],
});
const groupRow = row('Calendar Group');
const calendarRow = row('Calendar');
const appointmentRow = row('Appointment');
const blockedSlotRow = row('Blocked Slot');
const noteRow = row('Appointment Note');
const calendar: Field = { label: 'Calendar', readme: 'calendar picked From List or By ID' };
const resourceRow = row('Calendar Resource');
const resourceType: Field = { label: 'Type', readme: '**Type**: Room or Equipment', shared: true };
const calendarResource: Field = { label: 'Calendar Resource', readme: '**Calendar Resource**, picked From List', shared: true };
const notificationRow = row('Calendar Notification');
const notificationCalendar: Field = { label: 'Calendar', readme: '**Calendar** (From List or By ID)', shared: true };
const notification: Field = { label: 'Notification', readme: '**Notification** of it', shared: true };
const scheduleRow = row('Availability Schedule');
const schedule: Field = { label: 'Schedule', readme: '**Schedule**, picked From List', shared: true };
const scheduleCalendar: Field = { label: 'Calendar', readme: '**Calendar** (From List or By ID)' };
const scheduleHours: Field[] = [
	{ label: 'Time Zone', readme: '*Time Zone*' },
	{ label: 'Weekly Hours', readme: '*Weekly Hours*' },
	{ label: 'Date Hours', readme: '*Date Hours*' },
];
const appointmentId: Field = { label: 'Appointment ID', readme: '**Appointment ID**' };
const blockedSlotId: Field = { label: 'Blocked Slot ID', readme: '**Blocked Slot ID**' };
const noteId: Field = { label: 'Note ID', readme: '**Note ID**' };
const serviceBookingRow = row('Service Booking');
const serviceBooking: Field = { label: 'Service Booking', readme: '**Service Booking**, picked From List', shared: true };
const serviceRow = row('Service');
const service: Field = { label: 'Service', readme: '**Service**, picked From', shared: true };
const serviceLocationRow = row('Service Location');
const serviceLocation: Field = { label: 'Service Location', readme: '**Service Location**, picked', shared: true };

export const OPERATION_ROWS: OperationRow[] = [
	groupRow('Create', [
		{ label: 'Name', readme: 'Name' },
		{ label: 'Description', readme: 'Description' },
		{ label: 'Slug', readme: 'Slug (empty: made from the name' },
		{ label: 'Active', readme: 'Active' },
	], ['Generate Slug From Name', 'If Slug Is Taken']),
	groupRow('Get', [group]),
	groupRow('Get Many', [
		{ label: 'Return All', readme: 'Return All' },
		{ label: 'Limit', readme: 'a Limit' },
		{ label: 'Filters', readme: '*Active Only* and *Name Contains*' },
	]),
	groupRow('Update', [group, { label: 'Update Fields', readme: '*Update Fields*' }]),
	groupRow('Enable', [group]),
	groupRow('Disable', [group]),
	groupRow('Delete', [group], ['If It Holds Calendars']),
	groupRow('Check Slug Availability', [{ label: 'Slug', readme: '**Slug**' }]),
	calendarRow('Create', [
		{ label: 'Name', readme: 'Name' },
		{ label: 'Calendar Type', readme: '*Calendar Type*' },
		{ label: 'Calendar Group', readme: '*Calendar Group* (From List, By ID or By Slug; empty: none)' },
		{ label: 'Calendar Fields', readme: '*Calendar Fields*' },
		{ label: 'Additional Fields (JSON)', readme: '*Additional Fields (JSON)*' },
	], ['Generate Slug From Name', 'If Slug Is Taken']),
	calendarRow('Get', [
		{ label: 'List Calendars of Group', readme: '*List Calendars of Group*' },
		{ label: 'Calendar', readme: 'One calendar, From List' },
	]),
	calendarRow('Get Many', [
		{ label: 'Calendar Group', readme: "one group's (*Calendar Group*)" },
		{ label: 'Return All', readme: 'Return All' },
		{ label: 'Limit', readme: 'a Limit' },
		{ label: 'Show Drafted', readme: '*Show Drafted*' },
	]),
	calendarRow('Update', [
		calendar,
		{ label: 'Group', readme: '*Group*: Keep' },
		{ label: 'Update Fields', readme: '*Update Fields*' },
		{ label: 'Additional Fields (JSON)', readme: '*Additional Fields (JSON)*' },
	]),
	calendarRow('Delete', [calendar]),
	calendarRow('Get Free Slots', [
		{ label: 'List Calendars of Group', readme: '*List Calendars of Group*' },
		{ label: 'Calendar', readme: 'From List or By ID' },
		{ label: 'Start', readme: '**Start**' },
		{ label: 'End', readme: '**End**' },
		{ label: 'Time Zone', readme: '**Time Zone**' },
		{ label: 'User IDs', readme: '**User IDs**' },
		{ label: 'Output', readme: '**Output**' },
	]),
	appointmentRow('Book', [
		{ label: 'Calendar', readme: '**Calendar**' },
		{ label: 'Contact ID', readme: '**Contact ID**' },
		{ label: 'Start Time', readme: '**Start Time**' },
		{ label: 'End Time', readme: '**End Time**' },
		{ label: 'Assigned User', readme: '**Assigned User**' },
		{ label: "Run the Sub-Account's Automations", readme: "**Run the Sub-Account's Automations**" },
		{ label: 'Additional Fields', readme: '*Additional Fields*' },
	], ['Time Zone', 'Ignore Date Range', 'Ignore Free-Slot Validation', 'If Slot Is Taken', 'Search Days']),
	appointmentRow('Get', [appointmentId]),
	appointmentRow('Get Many', [
		{ label: 'Appointments Of', readme: '*Appointments Of*' },
		{ label: 'Calendar', readme: 'one calendar' },
		{ label: 'Start Time', readme: '**Start Time**' },
		{ label: 'End Time', readme: '**End Time**' },
		{ label: 'Return All', readme: 'Return All' },
		{ label: 'Limit', readme: 'a Limit' },
	], ['Time Zone']),
	appointmentRow('Update', [
		appointmentId,
		{ label: 'Apply To', readme: '*Apply To*' },
		{ label: "Run the Sub-Account's Automations", readme: "Run the Sub-Account's Automations" },
		{ label: 'Update Fields', readme: '*Update Fields*' },
	], ['Time Zone', 'Ignore Date Range', 'Ignore Free-Slot Validation']),
	appointmentRow('Cancel', [appointmentId, { label: "Run the Sub-Account's Automations", readme: "Run the Sub-Account's Automations" }]),
	appointmentRow('Delete', [appointmentId]),
	blockedSlotRow('Create', [
		{ label: 'Block For', readme: '**Block For**' },
		{ label: 'Calendar', readme: '**Calendar**' },
		{ label: 'Start Time', readme: '**Start Time**' },
		{ label: 'End Time', readme: '**End Time**' },
		{ label: 'Title', readme: '**Title**' },
	], ['Time Zone']),
	blockedSlotRow('Get Many', [
		{ label: 'Blocked Slots Of', readme: '*Blocked Slots Of*' },
		{ label: 'Calendar', readme: 'one calendar' },
		{ label: 'Start Time', readme: '**Start Time**' },
		{ label: 'End Time', readme: '**End Time**' },
		{ label: 'Return All', readme: 'Return All' },
		{ label: 'Limit', readme: 'a Limit' },
	], ['Time Zone']),
	blockedSlotRow('Update', [
		blockedSlotId,
		{ label: 'Block For', readme: '**Block For**' },
		{ label: 'Calendar', readme: 'as in Create' },
		{ label: 'Update Fields', readme: '*Update Fields*' },
	], ['Time Zone']),
	blockedSlotRow('Delete', [blockedSlotId]),
	noteRow('Create', [appointmentId, { label: 'Note', readme: '**Note**' }, { label: 'User ID', readme: '**User ID**' }]),
	noteRow('Get Many', [appointmentId, { label: 'Return All', readme: 'Return All' }, { label: 'Limit', readme: 'a Limit' }]),
	noteRow('Update', [appointmentId, noteId, { label: 'Note', readme: '**Note**' }, { label: 'User ID', readme: '**User ID**' }]),
	noteRow('Delete', [appointmentId, noteId]),
	resourceRow('Create', [
		resourceType,
		{ label: 'Name', readme: 'Name' },
		{ label: 'Calendar IDs', readme: '*Calendar IDs*' },
		{ label: 'Capacity', readme: '*Capacity*' },
		{ label: 'Description', readme: 'Description' },
	]),
	resourceRow('Get', [resourceType, calendarResource]),
	resourceRow('Get Many', [resourceType, { label: 'Return All', readme: 'Return All' }, { label: 'Limit', readme: 'a Limit' }]),
	resourceRow('Update', [resourceType, calendarResource, { label: 'Update Fields', readme: '*Update Fields*' }]),
	resourceRow('Delete', [resourceType, calendarResource]),
	notificationRow('Create', [
		notificationCalendar,
		{ label: 'Define', readme: '*Define*' },
		{ label: 'Receiver', readme: '*Receiver*' },
		{ label: 'Channel', readme: '*Channel*' },
		{ label: 'Notification Type', readme: '*Notification Type*' },
		{ label: 'Notification Fields', readme: '*Notification Fields*' },
	]),
	notificationRow('Get', [notificationCalendar, notification]),
	notificationRow('Get Many', [
		notificationCalendar,
		{ label: 'Return All', readme: 'Return All' },
		{ label: 'Limit', readme: 'a Limit' },
		{ label: 'Filters', readme: '*Filters*' },
	]),
	notificationRow('Update', [notificationCalendar, notification, { label: 'Update Fields', readme: '*Update Fields*' }]),
	notificationRow('Delete', [notificationCalendar, notification]),
	serviceBookingRow('Create', [
		{ label: 'Contact ID', readme: '**Contact ID**' },
		{ label: 'Start Time', readme: '**Start Time**' },
		{ label: 'End Time', readme: '**End Time**' },
		{ label: 'Services', readme: '*Services*' },
		{ label: 'Additional Fields', readme: '*Additional Fields*' },
	], ['Time Zone', 'Override Availability', 'Skip Scheduling Notice']),
	serviceBookingRow('Get', [serviceBooking]),
	serviceBookingRow('Get Many', [
		{ label: 'Start Time', readme: '**Start Time**' },
		{ label: 'End Time', readme: '**End Time**' },
		{ label: 'Return All', readme: 'Return All' },
		{ label: 'Limit', readme: 'a Limit' },
		{ label: 'Filters', readme: '*Filters*' },
	], ['Time Zone']),
	serviceBookingRow('Update', [serviceBooking, { label: 'Update Fields', readme: '*Update Fields*' }], ['Time Zone', 'Override Availability', 'Skip Scheduling Notice']),
	serviceBookingRow('Delete', [serviceBooking]),
	serviceRow('Create', [
		{ label: 'Name', readme: 'Name' },
		{ label: 'Slug', readme: 'Slug (empty: made from the name' },
		{ label: 'Staff IDs', readme: '**Staff IDs**' },
		{ label: 'Additional Fields', readme: '*Additional Fields*' },
	]),
	serviceRow('Get', [service]),
	serviceRow('Get Many', [{ label: 'Return All', readme: 'Return All' }, { label: 'Limit', readme: 'a Limit' }, { label: 'Filters', readme: '*Filters*' }]),
	serviceRow('Update', [service, { label: 'Update Fields', readme: '*Update Fields*' }]),
	serviceRow('Delete', [service]),
	serviceLocationRow('Create', [
		{ label: 'Name', readme: 'Name' },
		{ label: 'Slug', readme: 'Slug (empty: made from the name' },
		{ label: 'Additional Fields', readme: '*Additional Fields*' },
	]),
	serviceLocationRow('Get', [serviceLocation]),
	serviceLocationRow('Get Many', [{ label: 'Return All', readme: 'Return All' }, { label: 'Limit', readme: 'a Limit' }]),
	serviceLocationRow('Update', [serviceLocation, { label: 'Update Fields', readme: '*Update Fields*' }]),
	serviceLocationRow('Delete', [serviceLocation]),
	scheduleRow('Create', [{ label: 'Name', readme: 'Name' }, { label: 'User ID', readme: '**User ID**' }, ...scheduleHours, { label: 'Calendar IDs', readme: '*Calendar IDs*' }]),
	scheduleRow('Get', [schedule]),
	scheduleRow('Search', [{ label: 'User ID', readme: '**User ID**' }, { label: 'Applied to Calendar', readme: '*Applied to Calendar*' }, { label: 'Return All', readme: 'Return All' }, { label: 'Limit', readme: 'a Limit' }]),
	scheduleRow('Update', [schedule, { label: 'Update Fields', readme: '*Update Fields*' }]),
	scheduleRow('Delete', [schedule]),
	scheduleRow('Apply to Calendar', [schedule, scheduleCalendar]),
	scheduleRow('Remove From Calendar', [schedule, scheduleCalendar]),
	scheduleRow("Get Calendar's Own Schedule", [scheduleCalendar]),
	scheduleRow("Create Calendar's Own Schedule", [scheduleCalendar, ...scheduleHours]),
	scheduleRow("Update Calendar's Own Schedule", [scheduleCalendar, { label: 'Update Fields', readme: '*Update Fields*' }]),
];

/** The node's Authentication choices, the credential type each one asks for, and how Location ID is entered. */
export const AUTHENTICATIONS = [
	{ name: 'Private Integration Token', credential: 'HighLevel Calendars API', location: 'text' },
	{ name: 'OAuth2', credential: 'HighLevel Calendars OAuth2 API', location: 'text' },
	{ name: 'Agency (OAuth2)', credential: 'HighLevel Calendars Agency OAuth2 API', location: 'From List or By ID' },
] as const;

/** The HighLevel Trigger's Events, as its dropdown names them, and the README's word for each (its Trigger section). */
export const TRIGGER_EVENTS = [
	{ name: 'Any Event', readme: '*Any Event*' },
	{ name: 'App Installed (INSTALL)', readme: '`INSTALL`' },
	{ name: 'App Uninstalled (UNINSTALL)', readme: '`UNINSTALL`' },
	{ name: 'Appointment Created', readme: '`AppointmentCreate`' },
	{ name: 'Appointment Deleted', readme: '`AppointmentDelete`' },
	{ name: 'Appointment Updated', readme: '`AppointmentUpdate`' },
	{ name: 'Contact Created', readme: '`ContactCreate`' },
	{ name: 'Contact Deleted', readme: '`ContactDelete`' },
	{ name: 'Contact Updated', readme: '`ContactUpdate`' },
	{ name: 'Sub-Account Created (Agency App)', readme: '`LocationCreate`' },
	{ name: 'Sub-Account Updated (Agency App)', readme: '`LocationUpdate`' },
	{ name: 'User Created', readme: '`UserCreate`' },
];
