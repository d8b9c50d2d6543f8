import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { searchCalendars } from './listSearch/searchCalendars';
import { searchGroups } from './listSearch/searchGroups';
import { searchLocations } from './listSearch/searchLocations';
import { calendarDescription, calendarOperationField, calendarOperationHandlers } from './resources/calendar';
import { calendarGroupDescription, operationField, operationHandlers } from './resources/calendarGroup';
import { agencyLocationField, authenticationOptions, locationField } from './description/commonFields';
import { optionNameSubtitle } from './description/subtitle';
import { runItems } from './execution/runItems';

export class HighLevelCalendars implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HighLevel Calendars',
		name: 'highLevelCalendars',
		icon: { light: 'file:../../icons/highlevel.svg', dark: 'file:../../icons/highlevel.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: optionNameSubtitle(operationField),
		description: 'Create, read, update, enable, disable and delete HighLevel calendar groups and their calendars',
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
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Calendar', value: 'calendar' },
					{ name: 'Calendar Group', value: 'calendarGroup' },
				],
				default: 'calendarGroup',
			},
			operationField,
			calendarOperationField,
			locationField,
			agencyLocationField,
			...calendarGroupDescription,
			...calendarDescription,
		],
	};

	methods = {
		listSearch: { searchCalendars, searchGroups, searchLocations },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0, 'calendarGroup') as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const handlers = resource === 'calendar' ? calendarOperationHandlers : operationHandlers;
		return [await runItems(this, handlers[operation])];
	}
}
