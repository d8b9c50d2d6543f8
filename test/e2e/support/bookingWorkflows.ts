/**
 * The booking workflows of the e2e suite: started by a Webhook in the running editor (no n8n start of their own), the
 * POST body naming the calendar, the contacts and the day (in New York, the seeded sub-account's zone). Each chain
 * runs every operation of the Appointment, Blocked Slot and Appointment Note resources once, in the order a user
 * would, and Get Free Slots between them.
 */
import { byId, chain, hl, step, webhookBody, webhookTrigger, type CredRef } from './workflows';

export const BOOKING_ZONE = 'America/New_York';

/** What the test POSTs to the booking workflow. */
export interface BookingRequest {
	calendarId: string;
	/** YYYY-MM-DD, a day the calendar is open */
	day: string;
	contacts: [string, string, string];
}

/** What the test POSTs to the notes and blocked slots workflow. */
export interface NotesRequest {
	calendarId: string;
	day: string;
	appointmentId: string;
}

const body = webhookBody;
const at = (time: string) => `={{ ${body('day')} }}T${time}`;
const calendar = byId(`={{ ${body('calendarId')} }}`);
const once = { executeOnce: true };
/** Options > Time Zone of the operations that read dates */
const options = { timeZone: BOOKING_ZONE };

/** Get Free Slots of the calendar the body names, on its day from `from` to `to` (New York times), as slots. */
export const freeSlots = (name: string, cred: CredRef, from: string, to: string) =>
	hl(name, cred, { resource: 'calendar', operation: 'getFreeSlots', calendar, start: at(from), end: at(to), timeZone: BOOKING_ZONE, output: 'slots' }, once);

/** The n-th free slot of the day as Free slots listed it, before anything was booked. */
const slot = (n: number) => `={{ $('Free slots').all()[${n}].json.start }}`;

/**
 * Free slots → Book the first → Free slots again → the same slot booked for another contact, once with If Slot Is
 * Taken → Fail (continue on fail), once with Book the Next Free Slot → a batch of three (the middle one's Start Time
 * no date), continue on fail → Get, Get Many, Update (reschedule and retitle), Cancel, Delete.
 */
export function bookingWorkflow(cred: CredRef, path: string) {
	const appointment = step('appointment');
	const booked = `={{ $('Book').first().json.id }}`;
	return chain(
		'e2e 7: booking',
		[
			freeSlots('Free slots', cred, '00:00:00', '23:59:00'),
			appointment('Book', cred, { operation: 'book', calendar, contactId: `={{ ${body('contacts[0]')} }}`, startTime: slot(0), options }),
			freeSlots('Free slots after booking', cred, '00:00:00', '23:59:00'),
			appointment(
				'Book taken slot (fail)',
				cred,
				{ operation: 'book', calendar, contactId: `={{ ${body('contacts[1]')} }}`, startTime: slot(0), options },
				{ ...once, onError: 'continueRegularOutput' },
			),
			appointment('Book taken slot (next free)', cred, {
				operation: 'book',
				calendar,
				contactId: `={{ ${body('contacts[1]')} }}`,
				startTime: slot(0),
				options: { ...options, onSlotTaken: 'bookNextFreeSlot' },
			}),
			{
				name: 'Booking batch',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				parameters: {
					jsCode: "const [, , , a, b] = $('Free slots').all().map((i) => i.json.start);\nreturn [{ json: { start: a } }, { json: { start: 'next tuesday' } }, { json: { start: b } }];",
				},
			},
			appointment(
				'Book batch (continue on fail)',
				cred,
				{ operation: 'book', calendar, contactId: `={{ ${body('contacts[2]')} }}`, startTime: '={{ $json.start }}', options },
				{ onError: 'continueRegularOutput' },
			),
			appointment('Get', cred, { operation: 'get', appointmentId: booked }),
			appointment('Get Many', cred, { operation: 'getAll', eventsOf: 'calendar', calendar, startTime: at('00:00:00'), endTime: at('23:59:00'), returnAll: true, options }),
			appointment('Update', cred, { operation: 'update', appointmentId: booked, updateFields: { title: 'Cleaning (moved)', startTime: slot(6) }, options }),
			appointment('Cancel', cred, { operation: 'cancel', appointmentId: `={{ $('Book taken slot (next free)').first().json.id }}` }),
			appointment('Delete', cred, { operation: 'delete', appointmentId: booked }),
		],
		webhookTrigger(path),
	);
}

/** Note Create → Update → Get Many → Delete on an appointment; Blocked Slot Create → Update → Free slots → Get Many → Delete. */
export function notesAndBlockedSlotsWorkflow(cred: CredRef, path: string) {
	const note = step('appointmentNote');
	const blocked = step('blockedSlot');
	const appointmentId = `={{ ${body('appointmentId')} }}`;
	return chain(
		'e2e 8: appointment notes and blocked slots',
		[
			note('Create note', cred, { operation: 'create', appointmentId, noteBody: 'Asked for a morning slot' }),
			note('Update note', cred, { operation: 'update', appointmentId, noteId: '={{ $json.id }}', noteBody: 'Morning slot confirmed' }),
			note('Notes of the appointment', cred, { operation: 'getAll', appointmentId, returnAll: true }),
			note('Delete note', cred, { operation: 'delete', appointmentId, noteId: '={{ $json.id }}' }),
			blocked('Block lunch', cred, { operation: 'create', calendar, startTime: at('12:00:00'), endTime: at('13:00:00'), title: 'Lunch', options }),
			blocked('Move lunch', cred, {
				operation: 'update',
				blockedSlotId: '={{ $json.id }}',
				calendar,
				updateFields: { title: 'Team lunch', startTime: at('13:00:00'), endTime: at('14:00:00') },
				options,
			}),
			freeSlots('Free slots around lunch', cred, '12:00:00', '14:30:00'),
			blocked('Blocked slots of the calendar', cred, { operation: 'getAll', calendar, startTime: at('00:00:00'), endTime: at('23:59:00'), returnAll: true, options }),
			blocked('Delete blocked slot', cred, { operation: 'delete', blockedSlotId: `={{ $('Move lunch').first().json.id }}` }),
		],
		webhookTrigger(path),
	);
}
