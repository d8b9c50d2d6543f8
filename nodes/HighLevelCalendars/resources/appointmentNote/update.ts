import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import type { AppointmentNote } from '../../api/appointmentNotes/types';
import { noteAppointmentField, noteFields, noteIdField, readNoteFields, readNoteId } from './noteFields';
import { readAppointmentId } from '../appointment/appointmentFields';

const show = showFor(['update'], 'appointmentNote');

export const description: INodeProperties[] = [
	noteAppointmentField(show),
	noteIdField(show),
	...noteFields(show),
	optionsFor('update', [], 'appointmentNote'),
];

/** HighLevel's NotesDTO requires the text, so an update replaces it (and the user). */
export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<AppointmentNote[]> {
	const appointmentId = readAppointmentId(this, itemIndex);
	const noteId = readNoteId(this, itemIndex);
	const fields = readNoteFields(this, itemIndex);
	return [await session.notesApi.update(session.settings(itemIndex), appointmentId, noteId, fields)];
}
