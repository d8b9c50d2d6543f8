import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import type { AppointmentNote } from '../../api/appointmentNotes/types';
import { noteAppointmentField, noteFields, readNoteFields } from './noteFields';
import { readAppointmentId } from '../appointment/appointmentFields';

const show = showFor(['create'], 'appointmentNote');

export const description: INodeProperties[] = [
	noteAppointmentField(show),
	...noteFields(show),
	optionsFor('create', [], 'appointmentNote'),
];

export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<AppointmentNote[]> {
	const appointmentId = readAppointmentId(this, itemIndex);
	const fields = readNoteFields(this, itemIndex);
	return [await session.notesApi.create(session.settings(itemIndex), appointmentId, fields)];
}
