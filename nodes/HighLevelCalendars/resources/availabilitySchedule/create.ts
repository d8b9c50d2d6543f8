import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { nameField, optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { checkScheduleBody } from '../../api/availabilitySchedules/scheduleChecks';
import type { AvailabilitySchedule } from '../../api/availabilitySchedules/types';
import { readTextList, requireText } from '../../shared/validation';
import { hoursFields, hoursOfParameters, readHours, userIdField } from './scheduleFields';

const show = showFor(['create'], 'availabilitySchedule');

export const description: INodeProperties[] = [
	nameField('e.g. Business Hours', show),
	userIdField(show),
	...hoursFields().map((field) => ({ ...field, displayOptions: show })),
	{
		displayName: 'Calendar IDs',
		name: 'calendarIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. WvVX9LpvlBO6K506xLbp, XyZ8MnQrStUvWxYzAbCd',
		description: 'Calendars to apply the schedule to, comma-separated (or Apply to Calendar later)',
		displayOptions: show,
	},
	optionsFor('create', [], 'availabilitySchedule'),
];

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<AvailabilitySchedule[]> {
	const node = this.getNode();
	const settings = session.settings(itemIndex);
	const calendarIds = readTextList(node, this.getNodeParameter('calendarIds', itemIndex, ''), 'Calendar IDs', itemIndex);
	const body = checkScheduleBody(
		node,
		'create',
		{
			locationId: settings.locationId,
			name: requireText(node, this.getNodeParameter('name', itemIndex), 'Name', itemIndex),
			userId: requireText(node, this.getNodeParameter('userId', itemIndex), 'User ID', itemIndex),
			...readHours(this, hoursOfParameters(this, itemIndex), itemIndex, true),
			calendarIds: calendarIds.length > 0 ? calendarIds : undefined,
		},
		itemIndex,
	);
	return [await session.schedulesApi.create(settings, body, session.createLookup)];
}
