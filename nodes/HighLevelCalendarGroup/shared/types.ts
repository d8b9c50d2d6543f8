import type { IDataObject } from 'n8n-workflow';

import type { ApiVersion } from './apiVersion';

export interface CalendarGroup extends IDataObject {
	id: string;
	locationId: string;
	name: string;
	description: string;
	slug: string;
	isActive?: boolean;
}

/** Where one item's request goes: the item, its location and the API version it asked for. */
export interface ItemTarget {
	itemIndex: number;
	locationId: string;
	version: ApiVersion;
}
