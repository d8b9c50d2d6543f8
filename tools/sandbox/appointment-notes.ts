/** An appointment's notes: list (limit / offset, newest first: UNVERIFIED order), create, update, delete. */
import { AppointmentRecord, NoteRecord } from './bookings';
import { dropUndefined, findBooking, isOccurrence } from './events';
import { Context, Handler, OperationResult, answered } from './operation-context';
import { MESSAGES, notFound, success } from './responses';

const noteNotFound = (): OperationResult => answered(notFound(MESSAGES.noteNotFound));

function noteAnswer(note: NoteRecord, appointment: AppointmentRecord): Record<string, unknown> {
	const { id, body, userId, dateAdded } = note;
	return dropUndefined({ id, body, userId, dateAdded, contactId: appointment.contactId, createdBy: userId ? { id: userId } : undefined });
}

/**
 * The handler run on the path's appointment (an occurrence's notes are its series': UNVERIFIED); 404 when there is
 * none in the token's location.
 */
function onAppointment(run: (ctx: Context, appointment: AppointmentRecord) => OperationResult): Handler {
	return (ctx) => {
		const found = findBooking(ctx, ctx.params.appointmentId);
		const appointment = found && isOccurrence(found) ? (ctx.bookings.event(ctx.token.locationId, found.masterEventId as string) as AppointmentRecord) : found;
		return appointment ? run(ctx, appointment) : answered(notFound(MESSAGES.appointmentNotFound));
	};
}

export const noteHandlers: Record<string, Handler> = {
	'get-appointment-notes': onAppointment(({ bookings, query }, appointment) => {
		const [limit, offset] = [Number(query.limit), Number(query.offset)];
		const notes = bookings.notesOf(appointment.id);
		const page = notes.slice(offset, offset + limit);
		return answered(success(200, { notes: page.map((n) => noteAnswer(n, appointment)), hasMore: offset + page.length < notes.length }));
	}),

	'create-appointment-note': onAppointment(({ bookings, body }, appointment) => {
		const note = bookings.addNote(appointment.id, String(body.body), body.userId as string | undefined);
		return answered(success(201, { note: noteAnswer(note, appointment) }), true);
	}),

	'update-appointment-note': onAppointment(({ bookings, body, params }, appointment) => {
		const note = bookings.updateNote(appointment.id, params.noteId, String(body.body), body.userId as string | undefined);
		return note ? answered(success(200, { note: noteAnswer(note, appointment) }), true) : noteNotFound();
	}),

	'delete-appointment-note': onAppointment(({ bookings, params }, appointment) =>
		bookings.removeNote(appointment.id, params.noteId) ? answered(success(200, { success: true }), true) : noteNotFound(),
	),
};
