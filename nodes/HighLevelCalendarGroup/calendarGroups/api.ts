import type { INode } from 'n8n-workflow';

import type { SendCall } from '../transport/call';
import type { RequestSettings } from '../transport/requestSettings';
import { groupPath } from './paths';
import type { CalendarGroup, GroupFields } from './types';

const READ = 'calendars/groups.readonly';
const WRITE = 'calendars/groups.write';

function field(body: unknown, name: string): unknown {
	return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

function readGroup(body: unknown): CalendarGroup | undefined {
	const group = field(body, 'group') as CalendarGroup | undefined;
	return typeof group?.id === 'string' ? group : undefined;
}

function readGroups(body: unknown): CalendarGroup[] {
	const groups = field(body, 'groups');
	return Array.isArray(groups) ? (groups as CalendarGroup[]) : [];
}

const done = () => true;

/** HighLevel's six calendar-group endpoints, one function each. */
export class CalendarGroupsApi {
	constructor(
		private readonly send: SendCall,
		private readonly node: INode,
	) {}

	async list(settings: RequestSettings): Promise<CalendarGroup[]> {
		return await this.send(settings, {
			method: 'GET',
			path: '/calendars/groups',
			scope: READ,
			query: { locationId: settings.locationId },
			read: readGroups,
		});
	}

	/** Never sent twice blindly: after an ambiguous failure, the location's list tells whether it was made. */
	async create(settings: RequestSettings, fields: GroupFields, isActive: boolean): Promise<CalendarGroup> {
		return await this.send(settings, {
			method: 'POST',
			path: '/calendars/groups',
			scope: WRITE,
			body: { locationId: settings.locationId, ...fields, isActive },
			read: readGroup,
			expects: 'the calendar group',
			findEffect: async () => (await this.list(settings)).find((group) => group.slug === fields.slug),
		});
	}

	async update(settings: RequestSettings, groupId: string, fields: GroupFields): Promise<CalendarGroup> {
		return await this.send(settings, {
			method: 'PUT',
			path: groupPath(this.node, groupId),
			scope: WRITE,
			body: { ...fields },
			read: readGroup,
			expects: 'the calendar group',
		});
	}

	async setActive(settings: RequestSettings, groupId: string, isActive: boolean): Promise<void> {
		await this.send(settings, {
			method: 'PUT',
			path: groupPath(this.node, groupId, '/status'),
			scope: WRITE,
			body: { isActive },
			read: done,
		});
	}

	async delete(settings: RequestSettings, groupId: string): Promise<void> {
		await this.send(settings, {
			method: 'DELETE',
			path: groupPath(this.node, groupId),
			scope: WRITE,
			read: done,
			resultIfGone: true,
		});
	}

	async isSlugAvailable(settings: RequestSettings, slug: string): Promise<boolean> {
		return await this.send(settings, {
			method: 'POST',
			path: '/calendars/groups/validate-slug',
			scope: WRITE,
			body: { locationId: settings.locationId, slug },
			read: (body) => field(body, 'available') === true,
		});
	}
}
