import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, returnAllAndLimit, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import type { AppointmentNote } from '../../api/appointmentNotes/types';
import { noteAppointmentField } from './noteFields';
import { readAppointmentId } from '../appointment/appointmentFields';

const show = showFor(['getAll'], 'appointmentNote');

export const description: INodeProperties[] = [noteAppointmentField(show), ...returnAllAndLimit(show), optionsFor('getAll', [], 'appointmentNote')];

/** HighLevel hands notes out 20 at a time (limit and offset): Return All reads page after page. */
export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<AppointmentNote[]> {
	const appointmentId = readAppointmentId(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const max = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
	return await session.notesApi.list(session.settings(itemIndex), appointmentId, max);
}
