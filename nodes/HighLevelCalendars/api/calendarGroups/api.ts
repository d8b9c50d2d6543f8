import type { INode } from 'n8n-workflow';

import type { SendCall } from '../../transport/call';
import type { RequestSettings } from '../../transport/requestSettings';
import { answerField, answerList, answerRecord, createdWithSlug } from '../../shared/answerFields';
import { idPath } from '../../shared/paths';
import type { CalendarGroup, GroupFields } from './types';

const READ = 'calendars/groups.readonly';
const WRITE = 'calendars/groups.write';

const readGroup = (body: unknown) => answerRecord<CalendarGroup>(body, 'group');
const readGroups = (body: unknown) => answerList<CalendarGroup>(body, 'groups');
/** The group's path, or the error for an ID that would change it. */
export const groupPath = (node: INode, groupId: string, suffix = '') => idPath(node, '/calendars/groups', 'group', groupId, suffix);

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
			findEffect: createdWithSlug(async () => await this.list(settings), fields.slug),
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
			read: (body) => answerField(body, 'available') === true,
		});
	}
}
