import type { IDataObject } from 'n8n-workflow';

/** A note on an appointment as HighLevel answers it (GetNoteSchema). */
export interface AppointmentNote extends IDataObject {
	id: string;
	body?: string;
	userId?: string;
	dateAdded?: string;
}

/** What Create and Update send (NotesDTO). */
export interface NoteFields extends IDataObject {
	body: string;
	userId?: string;
}

/** One page of an appointment's notes. */
export interface NotesPage {
	notes: AppointmentNote[];
	hasMore: boolean;
}
