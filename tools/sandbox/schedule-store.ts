/** In-memory availability schedules per location (users' schedules, and event calendars' own), in creation order. */
import { listOf } from './bookings';
import { highLevelId } from './store';

export interface ScheduleRule {
	type: 'wday' | 'date';
	day?: string;
	date?: string;
	intervals: Array<{ from: string; to: string }>;
}

/** A user's schedule as the sandbox answers it (ScheduleObjectResponseDTO). */
export interface ScheduleRecord extends Record<string, unknown> {
	id: string;
	name: string;
	locationId: string;
	userId: string;
	timezone: string;
	rules: ScheduleRule[];
	calendarIds: string[];
	dateAdded: string;
	dateUpdated: string;
	deleted: boolean;
}

/** An event calendar's own schedule (EventCalendarScheduleResponseDTO). */
export interface CalendarScheduleRecord extends Record<string, unknown> {
	calendarId: string;
	timezone: string;
	rules: ScheduleRule[];
	dateAdded: string;
	dateUpdated: string;
}

const nonEmpty = <T>(lists: Map<string, T[]>) =>
	Object.fromEntries([...lists].filter(([, list]) => list.length > 0).map(([key, list]) => [key, structuredClone(list)]));

export class ScheduleStore {
	private readonly schedules = new Map<string, ScheduleRecord[]>();
	private readonly calendarSchedules = new Map<string, CalendarScheduleRecord[]>();

	clear(): void {
		this.schedules.clear();
		this.calendarSchedules.clear();
	}

	schedulesOf(locationId: string): ScheduleRecord[] {
		return listOf(this.schedules, locationId).map((s) => structuredClone(s));
	}

	schedule(locationId: string, id: string): ScheduleRecord | undefined {
		return this.schedulesOf(locationId).find((s) => s.id === id);
	}

	/** `fields` as the request had them (validated); `at`: the sandbox's clock, ISO. */
	create(locationId: string, fields: Record<string, unknown>, at: string): ScheduleRecord {
		const record = { calendarIds: [], rules: [], ...structuredClone(fields), id: highLevelId(), locationId, dateAdded: at, dateUpdated: at, deleted: false } as unknown as ScheduleRecord;
		listOf(this.schedules, locationId).push(record);
		return structuredClone(record);
	}

	update(locationId: string, id: string, fields: Record<string, unknown>, at: string): ScheduleRecord | undefined {
		const record = listOf(this.schedules, locationId).find((s) => s.id === id);
		if (record) Object.assign(record, structuredClone(fields), { dateUpdated: at });
		return record && structuredClone(record);
	}

	remove(locationId: string, id: string): boolean {
		const list = listOf(this.schedules, locationId);
		const index = list.findIndex((s) => s.id === id);
		if (index >= 0) list.splice(index, 1);
		return index >= 0;
	}

	calendarSchedule(locationId: string, calendarId: string): CalendarScheduleRecord | undefined {
		const record = listOf(this.calendarSchedules, locationId).find((s) => s.calendarId === calendarId);
		return record && structuredClone(record);
	}

	/** Creates or updates the calendar's own schedule with the fields given. */
	setCalendarSchedule(locationId: string, calendarId: string, fields: Record<string, unknown>, at: string): CalendarScheduleRecord {
		const list = listOf(this.calendarSchedules, locationId);
		let record = list.find((s) => s.calendarId === calendarId);
		if (!record) list.push((record = { calendarId, timezone: '', rules: [], dateAdded: at, dateUpdated: at }));
		Object.assign(record, structuredClone(fields), { dateUpdated: at });
		return structuredClone(record);
	}

	/** Users' schedules per location, and calendars' own schedules per location (locations with none are left out). */
	snapshot(): { schedules: Record<string, ScheduleRecord[]>; calendarSchedules: Record<string, CalendarScheduleRecord[]> } {
		return { schedules: nonEmpty(this.schedules), calendarSchedules: nonEmpty(this.calendarSchedules) };
	}
}
