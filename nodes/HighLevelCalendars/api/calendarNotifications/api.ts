import type { IDataObject, INode } from 'n8n-workflow';

import type { SendCall } from '../../transport/call';
import type { RequestSettings } from '../../transport/requestSettings';
import type { CreateLookup } from '../../shared/createLookup';
import { answerField } from '../../shared/answerFields';
import { idPath } from '../../shared/paths';
import type { CalendarNotification, NotificationFilter } from './types';

const READ = 'calendars/events.readonly';
const WRITE = 'calendars/events.write';

/** What HighLevel answers without a limit (the spec's default); a full page is followed by the next one. */
export const NOTIFICATION_PAGE_SIZE = 100;

const isNotification = (body: unknown): body is CalendarNotification =>
	typeof body === 'object' && body !== null && typeof answerField(body, '_id') === 'string';
const readNotification = (body: unknown) => (isNotification(body) ? body : undefined);
const readNotifications = (body: unknown): CalendarNotification[] => (Array.isArray(body) ? body.filter(isNotification) : []);
/** The create's answer: one notification for each sent, else undefined (the answer lacks them). */
const readCreated = (count: number) => (body: unknown) => {
	const created = readNotifications(body);
	return created.length === count ? created : undefined;
};

/** HighLevel's five notification endpoints of a calendar, one function each. */
export class CalendarNotificationsApi {
	constructor(
		private readonly send: SendCall,
		private readonly node: INode,
	) {}

	/**
	 * The calendar's notifications. No `limit` is sent: HighLevel's docs issue #3 reports a server-side type error
	 * for it. A page of the default size is followed by the next through `skip`.
	 */
	async list(settings: RequestSettings, calendarId: string, filter: NotificationFilter = {}, max = Infinity): Promise<CalendarNotification[]> {
		const records: CalendarNotification[] = [];
		for (;;) {
			const query: IDataObject = { ...filter };
			if (records.length > 0) query.skip = records.length;
			const page = await this.send(settings, { method: 'GET', path: this.path(calendarId), scope: READ, query, read: readNotifications });
			records.push(...page);
			if (page.length < NOTIFICATION_PAGE_SIZE || records.length >= max) return records.slice(0, max);
		}
	}

	async get(settings: RequestSettings, calendarId: string, id: string): Promise<CalendarNotification> {
		return await this.send(settings, { method: 'GET', path: this.path(calendarId, id), scope: READ, read: readNotification, expects: 'the notification' });
	}

	/** Never sent twice blindly: after an ambiguous failure, the calendar's list tells whether they were made. */
	async create(settings: RequestSettings, calendarId: string, notifications: IDataObject[], lookup: CreateLookup): Promise<CalendarNotification[]> {
		const list = async () => await this.list(settings, calendarId);
		await lookup.prepare(settings, `notifications ${calendarId}`, list);
		const created = await this.send(settings, {
			method: 'POST',
			path: this.path(calendarId),
			scope: WRITE,
			body: notifications,
			read: readCreated(notifications.length),
			expects: 'the notifications',
			findEffect: lookup.finder(settings, `notifications ${calendarId}`, list, notifications),
		});
		lookup.take(created);
		return created;
	}

	/** HighLevel answers an update with a message only. */
	async update(settings: RequestSettings, calendarId: string, id: string, body: IDataObject): Promise<void> {
		await this.send(settings, { method: 'PUT', path: this.path(calendarId, id), scope: WRITE, body, read: () => true });
	}

	async delete(settings: RequestSettings, calendarId: string, id: string): Promise<void> {
		await this.send(settings, { method: 'DELETE', path: this.path(calendarId, id), scope: WRITE, read: () => true, resultIfGone: true });
	}

	private path(calendarId: string, id?: string): string {
		const notifications = idPath(this.node, '/calendars', 'calendar', calendarId, '/notifications');
		return id === undefined ? notifications : idPath(this.node, notifications, 'notification', id);
	}
}
