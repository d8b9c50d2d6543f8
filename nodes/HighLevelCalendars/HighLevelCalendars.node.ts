import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { searchCalendarNotifications } from './listSearch/searchCalendarNotifications';
import { searchCalendarResources } from './listSearch/searchCalendarResources';
import { searchCalendars } from './listSearch/searchCalendars';
import { searchGroups } from './listSearch/searchGroups';
import { searchLocations } from './listSearch/searchLocations';
import { calendarDescription, calendarOperationField, calendarOperationHandlers } from './resources/calendar';
import { calendarGroupDescription, operationField, operationHandlers } from './resources/calendarGroup';
import { calendarNotificationDescription, calendarNotificationOperationField, calendarNotificationOperationHandlers } from './resources/calendarNotification';
import { calendarResourceDescription, calendarResourceOperationField, calendarResourceOperationHandlers } from './resources/calendarResource';
import { agencyLocationField, locationField } from './description/commonFields';
import { optionNameSubtitle } from './description/subtitle';
import { runItems, type ItemHandler } from './execution/runItems';

const HANDLERS: Record<string, Record<string, ItemHandler>> = {
	calendarGroup: operationHandlers,
	calendar: calendarOperationHandlers,
	calendarResource: calendarResourceOperationHandlers,
	calendarNotification: calendarNotificationOperationHandlers,
};

export class HighLevelCalendars implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HighLevel Calendars',
		name: 'highLevelCalendars',
		icon: { light: 'file:../../icons/highlevel.svg', dark: 'file:../../icons/highlevel.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: optionNameSubtitle(operationField),
		description: 'Create, read, update and delete HighLevel calendar groups and their calendars, enable or disable groups, and move calendars between groups',
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
				options: [
					{ name: 'Private Integration Token', value: 'privateIntegrationToken' },
					{ name: 'OAuth2', value: 'oAuth2' },
					{ name: 'Agency (OAuth2)', value: 'agencyOAuth2' },
				],
				default: 'privateIntegrationToken',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Calendar', value: 'calendar' },
					{ name: 'Calendar Group', value: 'calendarGroup' },
					{ name: 'Calendar Notification', value: 'calendarNotification' },
					{ name: 'Calendar Resource', value: 'calendarResource' },
				],
				default: 'calendarGroup',
			},
			operationField,
			calendarOperationField,
			calendarResourceOperationField,
			calendarNotificationOperationField,
			locationField,
			agencyLocationField,
			...calendarGroupDescription,
			...calendarDescription,
			...calendarResourceDescription,
			...calendarNotificationDescription,
		],
	};

	methods = {
		listSearch: { searchCalendarNotifications, searchCalendarResources, searchCalendars, searchGroups, searchLocations },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0, 'calendarGroup') as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		return [await runItems(this, HANDLERS[resource][operation])];
	}
}
