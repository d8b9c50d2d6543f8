import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Connection, RequestContext } from '../transport/connection';
import { groupPath } from './paths';
import { sendToHighLevel } from '../transport/request';
import type { CalendarGroup, ItemTarget } from './types';

const READ = 'calendars/groups.readonly';
const WRITE = 'calendars/groups.write';

export interface GroupFields {
	name: string;
	description: string;
	slug: string;
}

function isGroup(value: unknown): value is CalendarGroup {
	return typeof value === 'object' && value !== null && typeof (value as CalendarGroup).id === 'string';
}

/** HighLevel's six calendar-group endpoints, one function each. */
export class CalendarGroupsApi {
	constructor(
		private readonly ctx: RequestContext,
		private readonly connection: Connection,
	) {}

	async list(target: ItemTarget): Promise<CalendarGroup[]> {
		const body = await sendToHighLevel(this.ctx, this.connection, target, {
			method: 'GET',
			path: '/calendars/groups',
			scope: READ,
			query: { locationId: target.locationId },
			safeToRepeat: true,
		});
		const groups = ((body ?? {}) as { groups?: CalendarGroup[] }).groups;
		return Array.isArray(groups) ? groups : [];
	}

	async create(target: ItemTarget, fields: GroupFields, isActive: boolean): Promise<CalendarGroup> {
		const group: IDataObject = { locationId: target.locationId, ...fields, isActive };
		const body = await sendToHighLevel(this.ctx, this.connection, target, {
			method: 'POST',
			path: '/calendars/groups',
			scope: WRITE,
			body: group,
			safeToRepeat: false,
		});
		return this.unwrapGroup(body, target);
	}

	async update(target: ItemTarget, groupId: string, fields: GroupFields): Promise<CalendarGroup> {
		const body = await sendToHighLevel(this.ctx, this.connection, target, {
			method: 'PUT',
			path: groupPath(this.ctx.getNode(), groupId, target.itemIndex),
			scope: WRITE,
			body: { ...fields },
			safeToRepeat: true,
		});
		return this.unwrapGroup(body, target);
	}

	async setActive(target: ItemTarget, groupId: string, isActive: boolean): Promise<void> {
		await sendToHighLevel(this.ctx, this.connection, target, {
			method: 'PUT',
			path: groupPath(this.ctx.getNode(), groupId, target.itemIndex, '/status'),
			scope: WRITE,
			body: { isActive },
			safeToRepeat: true,
		});
	}

	async delete(target: ItemTarget, groupId: string): Promise<void> {
		await sendToHighLevel(this.ctx, this.connection, target, {
			method: 'DELETE',
			path: groupPath(this.ctx.getNode(), groupId, target.itemIndex),
			scope: WRITE,
			safeToRepeat: true,
			goneMeansDone: true,
		});
	}

	async isSlugAvailable(target: ItemTarget, slug: string): Promise<boolean> {
		const body = await sendToHighLevel(this.ctx, this.connection, target, {
			method: 'POST',
			path: '/calendars/groups/validate-slug',
			scope: WRITE,
			body: { locationId: target.locationId, slug },
			safeToRepeat: true,
		});
		return ((body ?? {}) as { available?: unknown }).available === true;
	}

	/** The `group` of a create or update answer; an answer without one is an error, not an empty item. */
	private unwrapGroup(body: unknown, target: ItemTarget): CalendarGroup {
		const group = ((body ?? {}) as { group?: unknown }).group;
		if (isGroup(group)) return group;
		throw new NodeApiError(this.ctx.getNode(), { body: JSON.stringify(body ?? null) } as JsonObject, {
			itemIndex: target.itemIndex,
			message: 'HighLevel answered without the calendar group',
			description: 'The request may have succeeded: check the location\'s groups before running the item again',
		});
	}
}
