import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { checkAppointmentBody } from '../../api/appointments/appointmentChecks';
import type { Appointment } from '../../api/appointments/types';
import { appointmentIdField, readAppointmentId, toNotifyField } from './appointmentFields';

const show = showFor(['cancel'], 'appointment');

export const description: INodeProperties[] = [
	appointmentIdField(show, 'The ID of the appointment to cancel. Its record is kept, with the status Cancelled, and its slot is free again.'),
	toNotifyField(show),
	optionsFor('cancel', [], 'appointment'),
];

export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<Appointment[]> {
	const id = readAppointmentId(this, itemIndex);
	const settings = session.settings(itemIndex);
	const toNotify = this.getNodeParameter('toNotify', itemIndex, true) as boolean;
	const body = checkAppointmentBody(this.getNode(), 'update', settings.version, { appointmentStatus: 'cancelled', toNotify }, itemIndex);
	return [await session.appointmentsApi.update(settings, id, body)];
}
