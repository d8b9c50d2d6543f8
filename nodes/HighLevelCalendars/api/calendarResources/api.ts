import type { IDataObject, INode } from 'n8n-workflow';

import type { SendCall } from '../../transport/call';
import type { RequestSettings } from '../../transport/requestSettings';
import type { CreateLookup } from '../../shared/createLookup';
import { answerField } from '../../shared/answerFields';
import { idPath } from '../../shared/paths';
import type { CalendarResource, ResourceType } from './types';

const READ = 'calendars/resources.readonly';
const WRITE = 'calendars/resources.write';

/** The most a list request asks for (the spec requires limit and skip and names no maximum). */
export const RESOURCE_PAGE_SIZE = 100;

const isResource = (body: unknown): body is CalendarResource =>
	typeof body === 'object' && body !== null && typeof answerField(body, 'name') === 'string';
const readResource = (body: unknown) => (isResource(body) ? body : undefined);
const readResources = (body: unknown): CalendarResource[] => (Array.isArray(body) ? body.filter(isResource) : []);

/** HighLevel's five calendar-resource endpoints (rooms and equipment), one function each. */
export class CalendarResourcesApi {
	constructor(
		private readonly send: SendCall,
		private readonly node: INode,
	) {}

	/** One page: `limit` records after `skip`. */
	async page(settings: RequestSettings, type: ResourceType, skip: number, limit: number): Promise<CalendarResource[]> {
		return await this.send(settings, {
			method: 'GET',
			path: `/calendars/resources/${type}`,
			scope: READ,
			query: { locationId: settings.locationId, limit, skip },
			read: readResources,
		});
	}

	/** Up to `max` records (all: Infinity), page after page until a page comes back short. */
	async list(settings: RequestSettings, type: ResourceType, max = Infinity): Promise<CalendarResource[]> {
		const records: CalendarResource[] = [];
		for (;;) {
			const limit = Math.min(RESOURCE_PAGE_SIZE, max - records.length);
			const page = await this.page(settings, type, records.length, limit);
			records.push(...page);
			if (page.length < limit || records.length >= max) return records;
		}
	}

	async get(settings: RequestSettings, type: ResourceType, id: string): Promise<CalendarResource> {
		return await this.send(settings, { method: 'GET', path: this.path(type, id), scope: READ, read: readResource, expects: 'the calendar resource' });
	}

	/** Never sent twice blindly: after an ambiguous failure, the location's list of that type tells whether it was made. */
	async create(settings: RequestSettings, type: ResourceType, fields: IDataObject, lookup: CreateLookup): Promise<CalendarResource> {
		const list = async () => await this.list(settings, type);
		await lookup.prepare(settings, type, list);
		const find = lookup.finder(settings, type, list, [fields]);
		const created = await this.send(settings, {
			method: 'POST',
			path: `/calendars/resources/${type}`,
			scope: WRITE,
			body: { ...fields, locationId: settings.locationId },
			read: readResource,
			expects: 'the calendar resource',
			findEffect: async () => (await find())?.[0],
		});
		lookup.take([created]);
		return created;
	}

	async update(settings: RequestSettings, type: ResourceType, id: string, body: IDataObject): Promise<CalendarResource> {
		return await this.send(settings, { method: 'PUT', path: this.path(type, id), scope: WRITE, body, read: readResource, expects: 'the calendar resource' });
	}

	async delete(settings: RequestSettings, type: ResourceType, id: string): Promise<void> {
		await this.send(settings, { method: 'DELETE', path: this.path(type, id), scope: WRITE, read: () => true, resultIfGone: true });
	}

	private path(type: ResourceType, id: string): string {
		return idPath(this.node, `/calendars/resources/${type}`, 'calendarResource', id);
	}
}
