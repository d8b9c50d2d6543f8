import type { IDataObject } from 'n8n-workflow';

/** The path's resourceType: HighLevel's two kinds of calendar resource. */
export type ResourceType = 'rooms' | 'equipments';

/**
 * A room or equipment as HighLevel answers it (CalendarResourceByIdResponseDTO). The spec names no id property;
 * the record's `id` (or `_id`) is what Get, Update and Delete take (see SOURCE.md).
 */
export interface CalendarResource extends IDataObject {
	id?: string;
	_id?: string;
	locationId: string;
	name: string;
	resourceType: ResourceType;
	isActive: boolean;
	calendarIds?: string[];
}
