import type { IDataObject } from 'n8n-workflow';

/** A schedule rule (ScheduleRuleDTO): a weekday's hours, or a date's. */
export interface ScheduleRule extends IDataObject {
	type: 'wday' | 'date';
	day?: string;
	date?: string;
	intervals: Array<{ from: string; to: string }>;
}

/** A user's availability schedule as HighLevel answers it (ScheduleObjectResponseDTO). */
export interface AvailabilitySchedule extends IDataObject {
	id: string;
	name: string;
	locationId: string;
	userId: string;
	timezone: string;
	rules: ScheduleRule[];
	calendarIds?: string[];
}

/** An event calendar's own schedule (EventCalendarScheduleResponseDTO, Version v3 only). */
export interface CalendarSchedule extends IDataObject {
	calendarId: string;
	timezone: string;
	rules: ScheduleRule[];
}
