import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { calendarLocator, optionsFor, showFor } from '../../description/commonFields';
import type { ExecutionSession } from '../../execution/session';
import { readCalendarId } from '../../api/calendars/calendarLocator';

export const description: INodeProperties[] = [
	{ ...calendarLocator, displayOptions: showFor(['delete'], 'calendar') },
	optionsFor('delete', [], 'calendar'),
];

export async function execute(
	this: IExecuteFunctions,
	session: ExecutionSession,
	itemIndex: number,
): Promise<IDataObject[]> {
	const id = readCalendarId(this, itemIndex);
	const settings = session.settings(itemIndex);
	await session.calendarsApi.delete(settings, id);
	await session.calendars.forget(settings, id);
	return [{ deleted: true, id }];
}
