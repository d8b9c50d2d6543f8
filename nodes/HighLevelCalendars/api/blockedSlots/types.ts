import type { IDataObject } from 'n8n-workflow';

/** A blocked slot as HighLevel answers it (BlockedSlotSuccessfulResponseDto, or a CalendarEventDTO in the list). */
export interface BlockedSlot extends IDataObject {
	id: string;
	locationId?: string;
	title?: string;
	startTime?: string;
	endTime?: string;
	calendarId?: string;
	assignedUserId?: string;
}

/** Whose time a blocked slot blocks: one calendar's, or one user's (HighLevel takes one of the two, not both). */
export type BlockOwner = { calendarId: string } | { assignedUserId: string };

/** Whose blocked slots GET /calendars/blocked-slots lists: it needs one of the three. */
export type BlockedSlotsOf = { calendarId: string } | { groupId: string } | { userId: string };

/** A time range as the list's query takes it: epoch milliseconds as strings. */
export interface MillisRange {
	startTime: string;
	endTime: string;
}
