import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsFor, showFor, updateFieldsCollection } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { checkAppointmentBody } from '../../api/appointments/appointmentChecks';
import type { Appointment } from '../../api/appointments/types';
import { answerInstant, isoWithOffset } from '../../shared/dates';
import type { RequestSettings } from '../../transport/requestSettings';
import { requireUpdate } from '../../shared/fieldValues';
import {
	appointmentDetailFields,
	appointmentIdField,
	ignoreDateRangeOption,
	ignoreFreeSlotValidationOption,
	itemTimeZone,
	readAppointmentId,
	readOptionalDateParameter,
	timeZoneOption,
	toNotifyField,
	validationSwitches,
	withoutEmptyText,
	type AppointmentOptions,
} from './appointmentFields';

type ApplyTo = 'occurrence' | 'series';

const show = showFor(['update'], 'appointment');

export const description: INodeProperties[] = [
	appointmentIdField(show),
	{
		displayName: 'Apply To',
		name: 'applyTo',
		type: 'options',
		default: 'occurrence',
		options: [
			{ name: 'This Appointment', value: 'occurrence', description: 'Only this appointment (of a series: only this occurrence)' },
			{ name: 'Whole Series', value: 'series', description: 'Every occurrence of the recurring series it belongs to' },
		],
		displayOptions: show,
	},
	toNotifyField(show),
	updateFieldsCollection(appointmentDetailFields('update'), show),
	optionsFor('update', [timeZoneOption, ignoreDateRangeOption, ignoreFreeSlotValidationOption], 'appointment'),
];

/** The new start and end as HighLevel takes them; a new start alone keeps the appointment's length. */
async function newTimes(
	ctx: IExecuteFunctions,
	current: () => Promise<Appointment>,
	fields: IDataObject,
	itemIndex: number,
	timeZone: string,
): Promise<IDataObject> {
	const startMs = readOptionalDateParameter(ctx, fields.startTime, 'Start Time', itemIndex, timeZone);
	let endMs = readOptionalDateParameter(ctx, fields.endTime, 'End Time', itemIndex, timeZone);
	if (startMs === undefined) return endMs === undefined ? {} : { endTime: isoWithOffset(endMs, timeZone) };
	if (endMs === undefined) {
		const appointment = await current();
		const [from, to] = [answerInstant(appointment.startTime), answerInstant(appointment.endTime)];
		if (from !== undefined && to !== undefined) endMs = startMs + (to - from);
	}
	const times: IDataObject = { startTime: isoWithOffset(startMs, timeZone) };
	if (endMs !== undefined) times.endTime = isoWithOffset(endMs, timeZone);
	return times;
}

export async function execute(this: IExecuteFunctions, session: ExecutionSession, itemIndex: number): Promise<Appointment[]> {
	const node = this.getNode();
	const id = readAppointmentId(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as AppointmentOptions;
	const timeZone = itemTimeZone(this, options, itemIndex);
	const settings: RequestSettings = session.settings(itemIndex);
	let reading: Promise<Appointment> | undefined;
	const current = async () => await (reading ??= session.appointmentsApi.get(settings, id));
	const { startTime, endTime, ...fields } = withoutEmptyText(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	const changes: IDataObject = { ...fields, ...(await newTimes(this, current, { startTime, endTime }, itemIndex, timeZone)) };
	requireUpdate(node, changes, itemIndex, 'Add a field under Update Fields (Start Time to reschedule, Status, Assigned User ID, Title, …)');
	const body = { ...changes, toNotify: this.getNodeParameter('toNotify', itemIndex, true) as boolean, ...validationSwitches(options) };
	checkAppointmentBody(node, 'update', settings.version, body, itemIndex);
	const applyTo = this.getNodeParameter('applyTo', itemIndex, 'occurrence') as ApplyTo;
	const target = applyTo === 'series' ? ((await current()).masterEventId ?? id) : id;
	return [await session.appointmentsApi.update(settings, target, body)];
}
