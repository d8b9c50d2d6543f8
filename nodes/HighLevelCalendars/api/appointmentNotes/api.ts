import type { INode } from 'n8n-workflow';

import type { SendCall } from '../../transport/call';
import type { RequestSettings } from '../../transport/requestSettings';
import { answerField, answerList, answerRecord } from '../../shared/answerFields';
import { idPath } from '../../shared/paths';
import type { AppointmentNote, NoteFields, NotesPage } from './types';

const READ = 'calendars/events.readonly';
const WRITE = 'calendars/events.write';

/** The most notes one GET returns (the spec's maximum of `limit`). */
export const NOTES_PAGE_SIZE = 20;

const readNote = (body: unknown) => answerRecord<AppointmentNote>(body, 'note');
const readPage = (body: unknown): NotesPage => ({
	notes: answerList<AppointmentNote>(body, 'notes'),
	hasMore: answerField(body, 'hasMore') === true,
});

/** HighLevel's four appointment-note calls. */
export class AppointmentNotesApi {
	constructor(
		private readonly send: SendCall,
		private readonly node: INode,
	) {}

	async page(settings: RequestSettings, appointmentId: string, limit: number, offset: number): Promise<NotesPage> {
		return await this.send(settings, {
			method: 'GET',
			path: this.path(appointmentId),
			scope: READ,
			query: { limit, offset },
			read: readPage,
		});
	}

	/** The appointment's notes, page after page, until HighLevel has no more or `max` are read. */
	async list(settings: RequestSettings, appointmentId: string, max = Infinity): Promise<AppointmentNote[]> {
		const notes: AppointmentNote[] = [];
		for (;;) {
			const limit = Math.min(NOTES_PAGE_SIZE, max - notes.length);
			const page = await this.page(settings, appointmentId, limit, notes.length);
			notes.push(...page.notes.slice(0, limit));
			if (!page.hasMore || page.notes.length === 0 || notes.length >= max) return notes;
		}
	}

	/**
	 * Never sent twice blindly: after an ambiguous failure, a note of the appointment with the same text and user
	 * is taken as the one this create made.
	 */
	async create(settings: RequestSettings, appointmentId: string, fields: NoteFields): Promise<AppointmentNote> {
		return await this.send(settings, {
			method: 'POST',
			path: this.path(appointmentId),
			scope: WRITE,
			body: fields,
			read: readNote,
			expects: 'the note',
			findEffect: async () =>
				(await this.list(settings, appointmentId)).find(
					(note) => note.body === fields.body && (fields.userId === undefined || note.userId === fields.userId),
				),
		});
	}

	async update(settings: RequestSettings, appointmentId: string, noteId: string, fields: NoteFields): Promise<AppointmentNote> {
		return await this.send(settings, {
			method: 'PUT',
			path: this.path(appointmentId, noteId),
			scope: WRITE,
			body: fields,
			read: readNote,
			expects: 'the note',
		});
	}

	async delete(settings: RequestSettings, appointmentId: string, noteId: string): Promise<void> {
		await this.send(settings, {
			method: 'DELETE',
			path: this.path(appointmentId, noteId),
			scope: WRITE,
			read: () => true,
			resultIfGone: true,
		});
	}

	private path(appointmentId: string, noteId?: string): string {
		const notes = idPath(this.node, '/calendars/appointments', 'appointment', appointmentId, '/notes');
		return noteId === undefined ? notes : idPath(this.node, notes, 'note', noteId);
	}
}
