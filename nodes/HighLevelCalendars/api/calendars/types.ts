import type { IDataObject } from 'n8n-workflow';

/** A calendar as HighLevel answers it (CalendarDTO): these fields and the other documented ones. */
export interface Calendar extends IDataObject {
	id: string;
	locationId: string;
	name: string;
	groupId?: string;
	slug?: string;
	isActive?: boolean;
	calendarType?: string;
}

/** What GET /calendars/ returns: the location's calendars, or one group's; drafts unless showDrafted is false. */
export interface CalendarFilter {
	groupId?: string;
	showDrafted?: boolean;
}
