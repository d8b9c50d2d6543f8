import type { IDataObject, INode } from 'n8n-workflow';

import type { SendCall } from '../../transport/call';
import type { RequestSettings } from '../../transport/requestSettings';
import type { CreateLookup } from '../../shared/createLookup';
import { answerField, answerList } from '../../shared/answerFields';
import { idPath } from '../../shared/paths';
import type { AvailabilitySchedule, CalendarSchedule } from './types';

const READ = 'calendars.readonly';
const WRITE = 'calendars.write';
const SCHEDULES = '/calendars/schedules';

/** The most a search asks for (the spec's maximum `limit`). */
export const SCHEDULE_PAGE_SIZE = 500;

const isSchedule = (record: unknown): record is AvailabilitySchedule => typeof answerField(record, 'id') === 'string';
const readSchedule = (body: unknown) => {
	const schedule = answerField(body, 'schedule');
	return isSchedule(schedule) ? schedule : undefined;
};
const readSchedules = (body: unknown) => answerList<unknown>(body, 'schedules').filter(isSchedule);
const readCalendarSchedule = (body: unknown) => {
	const schedule = answerField(body, 'schedule') as CalendarSchedule | undefined;
	return typeof schedule?.calendarId === 'string' ? schedule : undefined;
};
const succeeded = () => true;

/** What a search narrows to: the user (the spec requires it) and, optionally, a calendar the schedules apply to. */
export interface ScheduleSearch {
	userId: string;
	calendarId?: string;
}

/** HighLevel's availability-schedule endpoints, one function each; the event-calendar ones exist in Version v3 only. */
export class AvailabilitySchedulesApi {
	constructor(
		private readonly send: SendCall,
		private readonly node: INode,
	) {}

	/** Up to `max` of the user's schedules (all: Infinity), page after page through limit and skip until one comes back short. */
	async search(settings: RequestSettings, search: ScheduleSearch, max = Infinity): Promise<AvailabilitySchedule[]> {
		const records: AvailabilitySchedule[] = [];
		for (;;) {
			const limit = Math.min(SCHEDULE_PAGE_SIZE, max - records.length);
			const query: IDataObject = { locationId: settings.locationId, ...search, skip: records.length, limit };
			const page = await this.send(settings, { method: 'GET', path: `${SCHEDULES}/search`, scope: READ, query, read: readSchedules });
			records.push(...page);
			if (page.length < limit || records.length >= max) return records;
		}
	}

	async get(settings: RequestSettings, id: string): Promise<AvailabilitySchedule> {
		return await this.send(settings, { method: 'GET', path: this.path(id), scope: READ, read: readSchedule, expects: 'the schedule' });
	}

	/** Never sent twice blindly: after an ambiguous failure, the user's schedules tell whether it was made. */
	async create(settings: RequestSettings, body: IDataObject, lookup: CreateLookup): Promise<AvailabilitySchedule> {
		const list = async () => await this.search(settings, { userId: String(body.userId) });
		const key = `schedules ${String(body.userId)}`;
		await lookup.prepare(settings, key, list);
		const find = lookup.finder(settings, key, list, [body]);
		const created = await this.send(settings, {
			method: 'POST',
			path: SCHEDULES,
			scope: WRITE,
			body,
			read: readSchedule,
			expects: 'the schedule',
			findEffect: async () => (await find())?.[0],
		});
		lookup.take([created]);
		return created;
	}

	async update(settings: RequestSettings, id: string, body: IDataObject): Promise<AvailabilitySchedule> {
		return await this.send(settings, { method: 'PUT', path: this.path(id), scope: WRITE, body, read: readSchedule, expects: 'the schedule' });
	}

	async delete(settings: RequestSettings, id: string): Promise<void> {
		await this.send(settings, { method: 'DELETE', path: this.path(id), scope: WRITE, read: succeeded, resultIfGone: true });
	}

	/** Applying twice leaves it applied: safe to repeat. */
	async applyToCalendar(settings: RequestSettings, id: string, calendarId: string): Promise<void> {
		await this.send(settings, { method: 'PUT', path: this.associationPath(id, calendarId), scope: WRITE, read: succeeded });
	}

	async removeFromCalendar(settings: RequestSettings, id: string, calendarId: string): Promise<void> {
		await this.send(settings, { method: 'DELETE', path: this.associationPath(id, calendarId), scope: WRITE, read: succeeded, resultIfGone: true });
	}

	async getCalendarSchedule(settings: RequestSettings, calendarId: string): Promise<CalendarSchedule> {
		return await this.send(settings, { method: 'GET', path: this.calendarPath(calendarId), scope: READ, read: readCalendarSchedule, expects: 'the schedule' });
	}

	/** A calendar has one own schedule: after an ambiguous failure, reading it tells whether the create made it. */
	async createCalendarSchedule(settings: RequestSettings, calendarId: string, body: IDataObject): Promise<CalendarSchedule> {
		return await this.send(settings, {
			method: 'POST',
			path: this.calendarPath(calendarId),
			scope: WRITE,
			body,
			read: readCalendarSchedule,
			expects: 'the schedule',
			findEffect: async () => await this.getCalendarSchedule(settings, calendarId).catch(() => undefined),
		});
	}

	async updateCalendarSchedule(settings: RequestSettings, calendarId: string, body: IDataObject): Promise<CalendarSchedule> {
		return await this.send(settings, { method: 'PUT', path: this.calendarPath(calendarId), scope: WRITE, body, read: readCalendarSchedule, expects: 'the schedule' });
	}

	private path(id: string): string {
		return idPath(this.node, SCHEDULES, 'schedule', id);
	}

	private associationPath(id: string, calendarId: string): string {
		return idPath(this.node, `${this.path(id)}/associations`, 'calendar', calendarId);
	}

	private calendarPath(calendarId: string): string {
		return idPath(this.node, `${SCHEDULES}/event-calendar`, 'calendar', calendarId);
	}
}
