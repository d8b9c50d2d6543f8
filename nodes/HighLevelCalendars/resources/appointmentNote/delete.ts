import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { noteAppointmentField, noteIdField, readNoteId } from './noteFields';
import { readAppointmentId } from '../appointment/appointmentFields';

const show = showFor(['delete'], 'appointmentNote');

export const description: INodeProperties[] = [noteAppointmentField(show), noteIdField(show), optionsFor('delete', [], 'appointmentNote')];

export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<IDataObject[]> {
	const appointmentId = readAppointmentId(this, itemIndex);
	const id = readNoteId(this, itemIndex);
	await session.notesApi.delete(session.settings(itemIndex), appointmentId, id);
	return [{ deleted: true, id }];
}
