import type { IDataObject } from 'n8n-workflow';

export interface CalendarGroup extends IDataObject {
	id: string;
	locationId: string;
	name: string;
	description: string;
	slug: string;
	isActive?: boolean;
}

/** The fields create sends and update replaces. */
export interface GroupFields {
	name: string;
	description: string;
	slug: string;
}
