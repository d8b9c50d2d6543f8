import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { searchCalendarNotifications } from './listSearch/searchCalendarNotifications';
import { searchCalendarResources } from './listSearch/searchCalendarResources';
import { searchCalendarUsers } from './listSearch/searchCalendarUsers';
import { searchCalendars } from './listSearch/searchCalendars';
import { searchGroups } from './listSearch/searchGroups';
import { searchLocations } from './listSearch/searchLocations';
import { searchServiceBookings } from './listSearch/searchServiceBookings';
import { searchServiceLocations } from './listSearch/searchServiceLocations';
import { searchServices } from './listSearch/searchServices';
import { searchSchedules } from './listSearch/searchSchedules';
import { appointmentDescription, appointmentOperationField, appointmentOperationHandlers } from './resources/appointment';
import { availabilityScheduleDescription, availabilityScheduleOperationField, availabilityScheduleOperationHandlers } from './resources/availabilitySchedule';
import { appointmentNoteDescription, appointmentNoteHandlers, appointmentNoteOperationField } from './resources/appointmentNote';
import { blockedSlotDescription, blockedSlotHandlers, blockedSlotOperationField } from './resources/blockedSlot';
import { calendarDescription, calendarOperationField, calendarOperationHandlers } from './resources/calendar';
import { calendarGroupDescription, operationField, operationHandlers } from './resources/calendarGroup';
import { calendarNotificationDescription, calendarNotificationOperationField, calendarNotificationOperationHandlers } from './resources/calendarNotification';
import { calendarResourceDescription, calendarResourceOperationField, calendarResourceOperationHandlers } from './resources/calendarResource';
import { serviceDescription, serviceOperationField, serviceOperationHandlers } from './resources/service';
import { serviceBookingDescription, serviceBookingOperationField, serviceBookingOperationHandlers } from './resources/serviceBooking';
import { serviceLocationDescription, serviceLocationOperationField, serviceLocationOperationHandlers } from './resources/serviceLocation';
import { agencyLocationField, authenticationOptions, locationField } from './description/commonFields';
import { resourceOperationSubtitle } from './description/subtitle';
import { runItems, type ItemHandler } from './execution/runItems';

const resourceField: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Appointment', value: 'appointment' },
		{ name: 'Appointment Note', value: 'appointmentNote' },
		{ name: 'Availability Schedule', value: 'availabilitySchedule' },
		{ name: 'Blocked Slot', value: 'blockedSlot' },
		{ name: 'Calendar', value: 'calendar' },
		{ name: 'Calendar Group', value: 'calendarGroup' },
		{ name: 'Calendar Notification', value: 'calendarNotification' },
		{ name: 'Calendar Resource', value: 'calendarResource' },
		{ name: 'Service', value: 'service', description: 'The service catalog (API Version v3 only)' },
		{ name: 'Service Booking', value: 'serviceBooking', description: 'Bookings of services (API Version v3 only)' },
		{ name: 'Service Location', value: 'serviceLocation', description: 'Where services are given (API Version v3 only)' },
	],
	default: 'calendarGroup',
};

/** Each resource's Operation field, and its operations' handlers. */
const operationFields = [
	operationField,
	calendarOperationField,
	calendarResourceOperationField,
	calendarNotificationOperationField,
	appointmentOperationField,
	blockedSlotOperationField,
	appointmentNoteOperationField,
	serviceBookingOperationField,
	serviceOperationField,
	serviceLocationOperationField,
	availabilityScheduleOperationField,
];
const handlers: Record<string, Record<string, ItemHandler>> = {
	calendarGroup: operationHandlers,
	calendar: calendarOperationHandlers,
	calendarResource: calendarResourceOperationHandlers,
	calendarNotification: calendarNotificationOperationHandlers,
	appointment: appointmentOperationHandlers,
	blockedSlot: blockedSlotHandlers,
	appointmentNote: appointmentNoteHandlers,
	serviceBooking: serviceBookingOperationHandlers,
	service: serviceOperationHandlers,
	serviceLocation: serviceLocationOperationHandlers,
	availabilitySchedule: availabilityScheduleOperationHandlers,
};

export class HighLevelCalendars implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HighLevel Calendars',
		name: 'highLevelCalendars',
		icon: { light: 'file:../../icons/highlevel.svg', dark: 'file:../../icons/highlevel.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: resourceOperationSubtitle(resourceField, operationFields),
		description:
			'Manage HighLevel calendar groups and their calendars (enable or disable groups, move calendars between groups), find free slots, book, reschedule and cancel appointments, block time and keep appointment notes, and (API Version v3) service bookings, services and service locations',
		defaults: { name: 'HighLevel Calendars' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'highLevelCalendarsApi',
				required: true,
				displayOptions: { show: { authentication: ['privateIntegrationToken'] } },
			},
			{
				name: 'highLevelCalendarsOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
			{
				name: 'highLevelCalendarsAgencyOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['agencyOAuth2'] } },
			},
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: authenticationOptions,
				default: 'privateIntegrationToken',
			},
			resourceField,
			...operationFields,
			locationField,
			agencyLocationField,
			...calendarGroupDescription,
			...calendarDescription,
			...calendarResourceDescription,
			...calendarNotificationDescription,
			...appointmentDescription,
			...blockedSlotDescription,
			...appointmentNoteDescription,
			...serviceBookingDescription,
			...serviceDescription,
			...serviceLocationDescription,
			...availabilityScheduleDescription,
		],
	};

	methods = {
		listSearch: {
			searchCalendarNotifications,
			searchCalendarResources,
			searchCalendars,
			searchCalendarUsers,
			searchGroups,
			searchLocations,
			searchSchedules,
			searchServiceBookings,
			searchServiceLocations,
			searchServices,
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0, 'calendarGroup') as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		return [await runItems(this, handlers[resource][operation])];
	}
}
