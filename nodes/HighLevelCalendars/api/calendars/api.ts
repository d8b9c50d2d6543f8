import type { IDataObject, INode } from 'n8n-workflow';

import type { SendCall } from '../../transport/call';
import type { RequestSettings } from '../../transport/requestSettings';
import { answerList, answerRecord, createdWithSlug } from '../../shared/answerFields';
import { idPath } from '../../shared/paths';
import type { Calendar, CalendarFilter } from './types';

const READ = 'calendars.readonly';
const WRITE = 'calendars.write';

const readCalendar = (body: unknown) => answerRecord<Calendar>(body, 'calendar');
const readCalendars = (body: unknown) => answerList<Calendar>(body, 'calendars');

/** HighLevel's five calendar endpoints, one function each. Bodies arrive checked against the documented schema. */
export class CalendarsApi {
	constructor(
		private readonly send: SendCall,
		private readonly node: INode,
	) {}

	async list(settings: RequestSettings, filter: CalendarFilter = {}): Promise<Calendar[]> {
		const query: IDataObject = { locationId: settings.locationId };
		if (filter.groupId !== undefined) query.groupId = filter.groupId;
		if (filter.showDrafted !== undefined) query.showDrafted = filter.showDrafted;
		return await this.send(settings, { method: 'GET', path: '/calendars/', scope: READ, query, read: readCalendars });
	}

	async get(settings: RequestSettings, calendarId: string): Promise<Calendar> {
		return await this.send(settings, {
			method: 'GET',
			path: this.path(calendarId),
			scope: READ,
			read: readCalendar,
			expects: 'the calendar',
		});
	}

	/** Never sent twice blindly: after an ambiguous failure, the location's calendars tell whether it was made. */
	async create(settings: RequestSettings, body: IDataObject, slug: string): Promise<Calendar> {
		return await this.send(settings, {
			method: 'POST',
			path: '/calendars/',
			scope: WRITE,
			body: { ...body, locationId: settings.locationId },
			read: readCalendar,
			expects: 'the calendar',
			findEffect: createdWithSlug(async () => await this.list(settings), slug),
		});
	}

	async update(settings: RequestSettings, calendarId: string, body: IDataObject): Promise<Calendar> {
		return await this.send(settings, {
			method: 'PUT',
			path: this.path(calendarId),
			scope: WRITE,
			body,
			read: readCalendar,
			expects: 'the calendar',
		});
	}

	async delete(settings: RequestSettings, calendarId: string): Promise<void> {
		await this.send(settings, {
			method: 'DELETE',
			path: this.path(calendarId),
			scope: WRITE,
			read: () => true,
			resultIfGone: true,
		});
	}

	private path(calendarId: string): string {
		return idPath(this.node, '/calendars', 'calendar', calendarId);
	}
}
