import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pickerField } from '../../description/pickerField';
import { readJsonList, setFields } from '../../shared/fieldValues';
import { readTextList, requireText } from '../../shared/validation';

export const serviceLocator = pickerField('Service', 'service', 'searchServices', 'service');

const units = [
	{ name: 'Minutes', value: 'mins' },
	{ name: 'Hours', value: 'hours' },
];
const amount = (displayName: string, name: string, description: string): INodeProperties => ({ displayName, name, type: 'number', typeOptions: { minValue: 0 }, default: 0, description });
const unit = (displayName: string, name: string): INodeProperties => ({ displayName, name, type: 'options', options: units, default: 'mins' });

export const staffIdsField: INodeProperties = {
	displayName: 'Staff IDs',
	name: 'staffIds',
	type: 'string',
	default: '',
	placeholder: 'e.g. 65e5f6dfacf123513228d384, 7NkT25Vor1v4aQatFsv2',
	description: 'The users who give the service, comma-separated (HighLevel requires at least one)',
};

/** The fields Create offers under Additional Fields and Update under Update Fields (CreateServiceDTO). */
export function serviceFieldOptions(): INodeProperties[] {
	return [
		{ displayName: 'Cover Image URL', name: 'coverImage', type: 'string', default: '' },
		{ displayName: 'Deposit', name: 'deposit', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: 'The deposit: an amount or a percentage, as Deposit Type says' },
		{ displayName: 'Deposit Type', name: 'depositType', type: 'options', options: [{ name: 'Amount', value: 'amount' }, { name: 'Percentage', value: 'percentage' }], default: 'amount' },
		{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		amount('Duration', 'serviceDuration', 'How long the appointment lasts, in Duration Unit'),
		unit('Duration Unit', 'serviceDurationUnit'),
		{ displayName: 'Event Color', name: 'eventColor', type: 'color', default: '', description: 'The color of its appointments in the calendar (hex)' },
		{ displayName: 'Form ID', name: 'formId', type: 'string', default: '', description: 'The custom form the booking page shows when only this service is picked' },
		amount('Post-Buffer', 'postBuffer', 'Time added after an appointment to wrap up'),
		unit('Post-Buffer Unit', 'postBufferUnit'),
		amount('Pre-Buffer', 'preBuffer', 'Time added before an appointment to get ready'),
		unit('Pre-Buffer Unit', 'preBufferUnit'),
		{ displayName: 'Price', name: 'amount', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: "The service's price, in the currency of the sub-account's service settings" },
		{ displayName: 'Private', name: 'isPrivate', type: 'boolean', default: false, description: 'Whether the service is left off the public booking pages' },
		{ displayName: 'Service Category ID', name: 'serviceCategoryId', type: 'string', default: '', description: "Empty on create: the sub-account's default category" },
		{
			displayName: 'Variations (JSON)',
			name: 'variations',
			type: 'json',
			default: '',
			placeholder: '[{ "name": "Short", "serviceDuration": 30, "serviceDurationUnit": "mins" }]',
			description: "HighLevel's variations of the service, as a list. On update they replace the service's: one with an ID changes that variation, one without is added, an empty list removes them all.",
		},
	];
}

export function readServiceId(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireText(ctx.getNode(), ctx.getNodeParameter('service', itemIndex, '', { extractValue: true }), 'Service', itemIndex);
}

/** Staff IDs as the body's `staff` list. */
export function readStaff(ctx: IExecuteFunctions, value: unknown, itemIndex: number): IDataObject[] {
	return readTextList(ctx.getNode(), value, 'Staff IDs', itemIndex).map((id) => ({ id }));
}

/** The fields set, as the body's properties: price and deposit under `payment`, Staff IDs as `staff`. */
export function readServiceFields(ctx: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const { amount: price, deposit, depositType, staffIds, ...rest } = setFields(fields);
	const body: IDataObject = rest;
	const payment = setFields({ amount: price, deposit, depositType } as IDataObject);
	if (Object.keys(payment).length > 0) body.payment = payment;
	if (staffIds !== undefined) body.staff = readStaff(ctx, staffIds, itemIndex);
	if (body.variations !== undefined) body.variations = readJsonList(ctx.getNode(), body.variations, 'Variations (JSON)', itemIndex);
	return body;
}
