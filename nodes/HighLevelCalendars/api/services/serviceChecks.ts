import type { IDataObject, INode } from 'n8n-workflow';

import { checkBody, flag, listOf, number, oneOf, shape, text, type Rule } from '../../shared/schemaCheck';

const unit = oneOf('mins', 'hours');
const payment = shape({ amount: number, deposit: number, depositType: oneOf('percentage', 'amount') });
const timing: Record<string, Rule> = {
	serviceDuration: number,
	serviceDurationUnit: unit,
	preBuffer: number,
	preBufferUnit: unit,
	postBuffer: number,
	postBufferUnit: unit,
	payment,
};
const variation = (operation: Operation): Rule =>
	operation === 'create' ? shape({ ...timing, name: text }, ['name']) : shape({ ...timing, id: text, name: text });

type Operation = 'create' | 'update';

/** CreateServiceDTO and UpdateServiceDTO of calendars-v3.openapi.json. */
export function serviceBodyRule(operation: Operation): Rule & { type: 'object' } {
	const properties: Record<string, Rule> = {
		name: text,
		slug: text,
		staff: listOf(shape({ id: text }, ['id'])),
		description: text,
		eventColor: text,
		coverImage: text,
		serviceCategoryId: text,
		...timing,
		isPrivate: flag,
		formId: text,
		variations: listOf(variation(operation)),
	};
	if (operation === 'create') return { type: 'object', properties: { locationId: text, ...properties }, required: ['locationId', 'name', 'slug', 'staff'] };
	return { type: 'object', properties, required: [] };
}

/** CreateServiceLocationDTO and UpdateServiceLocationDTO. */
export function serviceLocationBodyRule(operation: Operation): Rule & { type: 'object' } {
	const properties: Record<string, Rule> = { name: text, slug: text, phone: text, address: text, coverImage: text, locationType: oneOf('offline', 'ask_booker') };
	if (operation === 'create') return { type: 'object', properties: { locationId: text, ...properties }, required: ['locationId', 'name', 'slug'] };
	return { type: 'object', properties, required: [] };
}

const bookedService = shape({ id: text, staffId: text, position: number, addOns: listOf(shape({ id: text, quantity: number, duration: number }, ['id'])) }, ['id']);

/** CreatePublicServiceBookingDTO and UpdateServiceBookingDTO. */
export function serviceBookingBodyRule(operation: Operation): Rule & { type: 'object' } {
	const properties: Record<string, Rule> = {
		startTime: text,
		endTime: text,
		timezone: text,
		services: listOf(bookedService),
		serviceLocationId: text,
		meetingLocation: text,
		title: text,
	};
	if (operation === 'create') {
		return {
			type: 'object',
			properties: { locationId: text, contactId: text, ...properties, status: oneOf('confirmed', 'new') },
			required: ['locationId', 'contactId', 'startTime', 'endTime', 'timezone', 'services'],
		};
	}
	return { type: 'object', properties: { ...properties, status: oneOf('confirmed', 'cancelled', 'invalid', 'new', 'showed', 'no_show') }, required: [] };
}

const RULES = { service: serviceBodyRule, serviceLocation: serviceLocationBodyRule, serviceBooking: serviceBookingBodyRule };
const WHAT = { service: 'Service', serviceLocation: 'Service location', serviceBooking: 'Service booking' };

/** The body as the v3 spec takes it, else the error naming the property and the item, before anything is sent. */
export function checkServiceBody(node: INode, kind: keyof typeof RULES, operation: Operation, body: IDataObject, itemIndex: number): IDataObject {
	return checkBody(node, WHAT[kind], RULES[kind](operation), body, itemIndex);
}
