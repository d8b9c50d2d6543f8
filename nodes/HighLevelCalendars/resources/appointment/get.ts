import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import type { Appointment } from '../../api/appointments/types';
import { appointmentIdField, readAppointmentId } from './appointmentFields';

const show = showFor(['get'], 'appointment');

export const description: INodeProperties[] = [appointmentIdField(show), optionsFor('get', [], 'appointment')];

export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<Appointment[]> {
	return [await session.appointmentsApi.get(session.settings(itemIndex), readAppointmentId(this, itemIndex))];
}
