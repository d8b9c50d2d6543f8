import type { IDataObject, INode } from 'n8n-workflow';

import type { SendCall } from '../../transport/call';
import type { RequestSettings } from '../../transport/requestSettings';
import type { CreateLookup, Listed } from '../../shared/createLookup';
import { answerField, answerList } from '../../shared/answerFields';
import { epochMsText } from '../../shared/dates';
import { idPath, type IdThing } from '../../shared/paths';
import type { Service, ServiceBooking, ServiceLocation } from './types';

/** The routes exist in calendars-v3.openapi.json only: every call sends Version v3 (the session refuses 2021-04-15 first). */
const VERSION = 'v3';

/** One of the v3 service collections (bookings, catalog, locations): its path, scopes and how its answers read. */
export interface CollectionKind<T> {
	path: string;
	thing: IdThing;
	read: string;
	write: string;
	expects: string;
	one: (body: unknown) => T | undefined;
	many: (body: unknown) => T[];
}

/** What a create is looked up by after an ambiguous failure: the listing it is in, and what it was sent with. */
export interface CreateSearch<T> {
	key: string;
	list: () => Promise<T[]>;
	sent: Record<string, unknown>;
}

/** Get Many, Get, Create, Update and Delete of a v3 service collection. */
export class ServiceCollection<T extends Listed & IDataObject> {
	constructor(
		protected readonly send: SendCall,
		private readonly node: INode,
		private readonly kind: CollectionKind<T>,
	) {}

	/** Every record the query finds (the spec pages none of these lists). */
	async list(settings: RequestSettings, query: IDataObject = {}): Promise<T[]> {
		const { path, read, many } = this.kind;
		return await this.send(settings, { method: 'GET', path, scope: read, version: VERSION, query: { locationId: settings.locationId, ...query }, read: many });
	}

	async get(settings: RequestSettings, id: string): Promise<T> {
		const { read, one, expects } = this.kind;
		return await this.send(settings, { method: 'GET', path: this.idPath(id), scope: read, version: VERSION, read: one, expects });
	}

	/** Never sent twice blindly: after an ambiguous failure, a record new since the execution's first create there that holds what was sent is the one made. */
	async createOnce(settings: RequestSettings, body: IDataObject, lookup: CreateLookup, search: CreateSearch<T>, query?: IDataObject): Promise<T> {
		const { path, write, one, expects } = this.kind;
		await lookup.prepare(settings, search.key, search.list);
		const find = lookup.finder(settings, search.key, search.list, [search.sent]);
		const created = await this.send(settings, {
			method: 'POST',
			path,
			scope: write,
			version: VERSION,
			query,
			body: { ...body, locationId: settings.locationId },
			read: one,
			expects,
			findEffect: async () => (await find())?.[0],
		});
		lookup.take([created]);
		return created;
	}

	async update(settings: RequestSettings, id: string, body: IDataObject, query?: IDataObject): Promise<T> {
		const { write, one, expects } = this.kind;
		return await this.send(settings, { method: 'PUT', path: this.idPath(id), scope: write, version: VERSION, query, body, read: one, expects });
	}

	async delete(settings: RequestSettings, id: string): Promise<void> {
		await this.send(settings, { method: 'DELETE', path: this.idPath(id), scope: this.kind.write, version: VERSION, read: () => true, resultIfGone: true });
	}

	private idPath(id: string): string {
		return idPath(this.node, this.kind.path, this.kind.thing, id);
	}
}

const withText = (name: string) => (record: unknown): boolean => typeof answerField(record, name) === 'string';
const isService = withText('id');
const isBooking = withText('bookingId');

/** HighLevel's v3 service catalog (/calendars/services/catalog): answers wrap the record in `service`. */
export class ServiceCatalogApi extends ServiceCollection<Service> {
	constructor(send: SendCall, node: INode) {
		super(send, node, {
			path: '/calendars/services/catalog',
			thing: 'service',
			read: 'calendars.readonly',
			write: 'calendars.write',
			expects: 'the service',
			one: (body) => { const service = answerField(body, 'service'); return isService(service) ? (service as Service) : undefined; },
			many: (body) => answerList<Service>(body, 'services').filter(isService),
		});
	}

	/** The slug is unique in the location: after an ambiguous failure, the service with it is the one made. */
	async create(settings: RequestSettings, body: IDataObject, lookup: CreateLookup): Promise<Service> {
		return await this.createOnce(settings, body, lookup, { key: 'services', list: async () => await this.list(settings), sent: { slug: body.slug } });
	}
}

/** HighLevel's v3 service locations (/calendars/services/locations): answers are the record itself. */
export class ServiceLocationsApi extends ServiceCollection<ServiceLocation> {
	constructor(send: SendCall, node: INode) {
		super(send, node, {
			path: '/calendars/services/locations',
			thing: 'serviceLocation',
			read: 'calendars.readonly',
			write: 'calendars.write',
			expects: 'the service location',
			one: (body) => (isService(body) ? (body as ServiceLocation) : undefined),
			many: (body) => answerList<ServiceLocation>(body, 'serviceLocations').filter(isService),
		});
	}

	/** The slug is unique in the location: after an ambiguous failure, the service location with it is the one made. */
	async create(settings: RequestSettings, body: IDataObject, lookup: CreateLookup): Promise<ServiceLocation> {
		return await this.createOnce(settings, body, lookup, { key: 'serviceLocations', list: async () => await this.list(settings), sent: { slug: body.slug } });
	}
}

/** HighLevel's v3 service bookings (/calendars/services/bookings): listed by a time window, answers are the record. */
export class ServiceBookingsApi extends ServiceCollection<ServiceBooking> {
	constructor(send: SendCall, node: INode) {
		super(send, node, {
			path: '/calendars/services/bookings',
			thing: 'serviceBooking',
			read: 'calendars/events.readonly',
			write: 'calendars/events.write',
			expects: 'the service booking',
			one: (body) => (isBooking(body) ? (body as ServiceBooking) : undefined),
			many: (body) => answerList<ServiceBooking>(body, 'bookings').filter(isBooking),
		});
	}

	/** The bookings between two instants (the spec's startTime and endTime: epoch milliseconds as text). */
	async between(settings: RequestSettings, startMs: number, endMs: number, filters: IDataObject = {}): Promise<ServiceBooking[]> {
		return await this.list(settings, { startTime: epochMsText(startMs), endTime: epochMsText(endMs), ...filters });
	}

	/**
	 * No field of a booking is unique: after an ambiguous failure, a booking of the contact in the booking's window,
	 * new since the execution's first create in that window and not taken by another create, is the one made.
	 */
	async create(settings: RequestSettings, body: IDataObject, window: { startMs: number; endMs: number }, lookup: CreateLookup, query: IDataObject): Promise<ServiceBooking> {
		const list = async () => await this.between(settings, window.startMs, window.endMs);
		return await this.createOnce(settings, body, lookup, { key: `serviceBookings ${window.startMs} ${window.endMs}`, list, sent: { contactId: body.contactId } }, query);
	}
}
