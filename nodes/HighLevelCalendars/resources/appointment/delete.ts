import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { appointmentIdField, readAppointmentId } from './appointmentFields';

const show = showFor(['delete'], 'appointment');

export const description: INodeProperties[] = [
	appointmentIdField(show, 'The ID of the appointment to delete, with its record (Cancel keeps the record)'),
	optionsFor('delete', [], 'appointment'),
];

export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<IDataObject[]> {
	const id = readAppointmentId(this, itemIndex);
	await session.appointmentsApi.delete(session.settings(itemIndex), id);
	return [{ deleted: true, id }];
}
