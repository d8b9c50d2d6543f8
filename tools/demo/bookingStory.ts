/**
 * The demo's booking story, after the onboarding workflow: the agency's booking app (a sub-account app: HighLevel
 * sends an app's webhooks to its one URL, so the second workflow gets an app of its own) is installed in the
 * sub-account; a new contact appears there (`POST /__sandbox/contacts`), and its signed ContactCreate starts
 * bookingWorkflow.json: the round robin's first free slot tomorrow → booked for the contact → a note on it. The
 * sandbox's AppointmentCreate starts the same workflow again, down its other branch: Confirm → Reschedule an Hour
 * Later → Cancel. The workflow's time zone is the sub-account's, so `$now` and the times without an offset are
 * read there.
 */
import { DateTime } from 'luxon';

import type { WorkflowToImport } from '../n8n/importData';
import { addSandboxContact, sandboxAdmin } from '../sandbox/admin-client';
import type { AppointmentRecord, ContactRecord, Sandbox, WebhookDelivery } from '../sandbox/server';

export const NEW_CONTACT = { firstName: 'Joan', lastName: 'Clarke', name: 'Joan Clarke', email: 'joan@example.com', phone: '+15555550199' };
/** the booking workflow's executions: one for the ContactCreate, one for the AppointmentCreate its Book causes */
export const BOOKING_EXECUTIONS = 2;
/** the booking workflow's step whose slot Book takes */
export const FIRST_FREE_SLOT = 'First Free Slot Tomorrow';
const RESCHEDULED_BY_MS = 60 * 60 * 1000;

/** The sub-account's IANA time zone, as the sandbox keeps it. */
export function timeZoneOf(sandbox: Sandbox, locationId: string): string {
	const location = sandbox
		.state()
		.agency.companies.flatMap((company) => company.locations)
		.find((l) => l.id === locationId);
	if (!location) throw new Error(`the sandbox has no sub-account ${locationId}`);
	return location.timezone;
}

/** The booking workflow in the sub-account's time zone (Workflow Settings → Timezone). */
export function inTimeZone(workflow: WorkflowToImport, zone: string): WorkflowToImport {
	return { ...workflow, settings: { ...(workflow.settings as object), timezone: zone } };
}

/** Installs the booking app in the sub-account and sets the workflow's production URL as its webhook URL. */
export async function connectBookingApp(sandbox: Sandbox, locationId: string, webhookUrl: string): Promise<void> {
	const app = sandbox.app('Location');
	sandbox.install(app.clientId, { userType: 'Location', locationId });
	const registered = await sandboxAdmin(sandbox.url, '/webhooks', { appId: app.appId, url: webhookUrl });
	if (registered.status !== 201) throw new Error(`the sandbox did not take the booking app's webhook URL (${registered.status}: ${registered.body.message ?? ''})`);
}

/** A new contact in the sub-account; answers once its ContactCreate webhooks were delivered. */
export async function newContact(sandbox: Sandbox, locationId: string): Promise<{ contact: ContactRecord; deliveries: WebhookDelivery[] }> {
	const answer = await addSandboxContact(sandbox.url, locationId, NEW_CONTACT);
	if (answer.status !== 201) throw new Error(`the sandbox did not add the contact (${answer.status}: ${answer.body.message ?? ''})`);
	return answer.body;
}

/** What the sandbox holds afterwards for the contact: one appointment, booked tomorrow or later, an hour later than booked, cancelled, with one note. */
export function bookingOutcome(sandbox: Sandbox, locationId: string, contactId: string, bookedStart: string, zone: string): { lines: string[]; problems: string[] } {
	const state = sandbox.state();
	const appointments = (state.appointments[locationId] ?? []).filter((a: AppointmentRecord) => a.contactId === contactId);
	const problems: string[] = [];
	if (appointments.length !== 1) problems.push(`${appointments.length} appointments for the contact, 1 expected`);
	const [appointment] = appointments;
	if (!appointment) return { lines: [], problems };
	const booked = DateTime.fromISO(bookedStart, { zone });
	const now = DateTime.now().setZone(zone);
	if (!(booked >= now.plus({ days: 1 }).startOf('day'))) problems.push(`booked at ${booked.toISO()}, not tomorrow or later in ${zone}`);
	if (appointment.startMs !== booked.toMillis() + RESCHEDULED_BY_MS) problems.push('the appointment was not moved an hour later');
	if (appointment.appointmentStatus !== 'cancelled') problems.push(`the appointment is ${appointment.appointmentStatus}, not cancelled`);
	const notes = state.notes[appointment.id] ?? [];
	if (notes.length !== 1) problems.push(`${notes.length} notes on the appointment, 1 expected`);
	const at = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat('ccc d LLL yyyy HH:mm');
	const lines = [
		`now ${now.toFormat('ccc d LLL yyyy HH:mm')} in ${zone}; the first free slot tomorrow was ${booked.toFormat('ccc d LLL yyyy HH:mm')}`,
		`appointment ${appointment.id}: ${at(appointment.startMs)}–${DateTime.fromMillis(appointment.endMs, { zone }).toFormat('HH:mm')} (${zone}), ${appointment.appointmentStatus}, ${notes.length} note`,
	];
	return { lines, problems };
}
