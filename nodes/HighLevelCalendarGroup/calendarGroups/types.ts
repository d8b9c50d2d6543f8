import type { IDataObject } from 'n8n-workflow';

import type { ApiVersion } from '../shared/apiVersion';

export interface CalendarGroup extends IDataObject {
	id: string;
	locationId: string;
	name: string;
	description: string;
	slug: string;
	isActive?: boolean;
}

/** Where and how one item's requests go: its location, API version, retries and timeout. */
export interface ItemTarget {
	itemIndex: number;
	locationId: string;
	version: ApiVersion;
	maxRetries: number;
	timeoutMs: number;
}
