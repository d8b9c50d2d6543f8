import type { RequestSettings } from '../transport/requestSettings';

/** What the directory indexes: groups and calendars (a calendar may have no slug). */
export interface Slugged {
	id: string;
	slug?: string;
}

interface LocationRecords<T extends Slugged> {
	/** By id, in the order HighLevel lists them and then this execution created them. */
	byId: Map<string, T>;
	idBySlug: Map<string, string>;
	/** Creates under way in this execution, by slug: items running at once never take one slug twice. */
	creating: Map<string, Promise<T | undefined>>;
}

function record<T extends Slugged>(location: LocationRecords<T>, item: T): void {
	const previous = location.byId.get(item.id);
	if (previous?.slug !== undefined && location.idBySlug.get(previous.slug) === item.id) location.idBySlug.delete(previous.slug);
	location.byId.set(item.id, item);
	if (item.slug !== undefined) location.idBySlug.set(item.slug, item.id);
}

function indexRecords<T extends Slugged>(items: T[]): LocationRecords<T> {
	const location: LocationRecords<T> = { byId: new Map(), idBySlug: new Map(), creating: new Map() };
	for (const item of items) record(location, item);
	return location;
}

function isTaken<T extends Slugged>(location: LocationRecords<T>, slug: string): boolean {
	return location.creating.has(slug) || location.idBySlug.has(slug);
}

/**
 * The groups (or the calendars) of each location, listed once per execution and kept current by this
 * execution's own writes, so that N lookups by slug or ID cost one list call.
 */
export class SlugDirectory<T extends Slugged> {
	private readonly listings = new Map<string, Promise<LocationRecords<T>>>();

	constructor(private readonly list: (settings: RequestSettings) => Promise<T[]>) {}

	async all(settings: RequestSettings): Promise<T[]> {
		return [...(await this.location(settings)).byId.values()];
	}

	async findById(settings: RequestSettings, id: string): Promise<T | undefined> {
		return (await this.location(settings)).byId.get(id);
	}

	/** The record with the slug, once a create of that slug this execution has under way has ended. */
	async findBySlug(settings: RequestSettings, slug: string): Promise<T | undefined> {
		const location = await this.location(settings);
		for (let creating = location.creating.get(slug); creating; creating = location.creating.get(slug)) {
			const created = await creating;
			if (created) return created;
		}
		const id = location.idBySlug.get(slug);
		return id === undefined ? undefined : location.byId.get(id);
	}

	/** The first of slug-2, slug-3, … that no record has and no create takes. */
	async firstFreeSuffix(settings: RequestSettings, slug: string): Promise<string> {
		const location = await this.location(settings);
		let suffix = 2;
		while (isTaken(location, `${slug}-${suffix}`)) suffix++;
		return `${slug}-${suffix}`;
	}

	/** Sends the create of `slug`, unless the slug has been taken meanwhile (then undefined). */
	async create(settings: RequestSettings, slug: string, send: () => Promise<T>): Promise<T | undefined> {
		const location = await this.location(settings);
		if (isTaken(location, slug)) return undefined;
		const creating = send();
		location.creating.set(slug, creating.catch(() => undefined));
		try {
			const created = await creating;
			record(location, created);
			return created;
		} finally {
			location.creating.delete(slug);
		}
	}

	/** Records a group or calendar this execution changed in a listing it already has (without listing for it). */
	async remember(settings: RequestSettings, item: T): Promise<void> {
		const location = await this.listed(settings);
		if (location) record(location, item);
	}

	/** Drops one this execution deleted from a listing it already has (without listing for it). */
	async forget(settings: RequestSettings, id: string): Promise<void> {
		const location = await this.listed(settings);
		if (!location) return;
		const item = location.byId.get(id);
		if (item?.slug !== undefined && location.idBySlug.get(item.slug) === id) location.idBySlug.delete(item.slug);
		location.byId.delete(id);
	}

	private async listed(settings: RequestSettings): Promise<LocationRecords<T> | undefined> {
		return await this.listings.get(settings.locationId)?.catch(() => undefined);
	}

	private async location(settings: RequestSettings): Promise<LocationRecords<T>> {
		let listing = this.listings.get(settings.locationId);
		if (!listing) {
			listing = this.list(settings).then(indexRecords);
			this.listings.set(settings.locationId, listing);
			listing.catch(() => this.listings.delete(settings.locationId));
		}
		return await listing;
	}
}
