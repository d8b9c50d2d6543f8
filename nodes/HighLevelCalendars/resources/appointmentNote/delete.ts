import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { appointmentIdField, noteIdField, readAppointmentId, readNoteId } from './noteFields';

const show = showFor(['delete'], 'appointmentNote');

export const description: INodeProperties[] = [appointmentIdField(show), noteIdField(show), optionsFor('delete', [], 'appointmentNote')];

export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<IDataObject[]> {
	const appointmentId = readAppointmentId(this, itemIndex);
	const id = readNoteId(this, itemIndex);
	await session.notesApi.delete(session.settings(itemIndex), appointmentId, id);
	return [{ deleted: true, id }];
}
