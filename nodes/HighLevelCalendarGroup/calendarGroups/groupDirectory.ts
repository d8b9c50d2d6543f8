import type { RequestSettings } from '../transport/requestSettings';
import type { CalendarGroup, GroupFields } from './types';

/** The calls the directory makes: the API's. */
export interface GroupSource {
	list(settings: RequestSettings): Promise<CalendarGroup[]>;
	create(settings: RequestSettings, fields: GroupFields, isActive: boolean): Promise<CalendarGroup>;
}

interface LocationGroups {
	/** By id, in the order HighLevel lists them and then this execution created them. */
	byId: Map<string, CalendarGroup>;
	idBySlug: Map<string, string>;
	/** Creates under way in this execution, by slug: items running at once never take one slug twice. */
	creating: Map<string, Promise<CalendarGroup | undefined>>;
}

function record(location: LocationGroups, group: CalendarGroup): void {
	const previous = location.byId.get(group.id);
	if (previous && location.idBySlug.get(previous.slug) === group.id) location.idBySlug.delete(previous.slug);
	location.byId.set(group.id, group);
	location.idBySlug.set(group.slug, group.id);
}

function indexGroups(groups: CalendarGroup[]): LocationGroups {
	const location: LocationGroups = { byId: new Map(), idBySlug: new Map(), creating: new Map() };
	for (const group of groups) record(location, group);
	return location;
}

function isTaken(location: LocationGroups, slug: string): boolean {
	return location.creating.has(slug) || location.idBySlug.has(slug);
}

/**
 * The groups of each location, listed once per execution and kept current by this execution's
 * own writes, so that N lookups by slug or ID cost one list call.
 */
export class GroupDirectory {
	private readonly listings = new Map<string, Promise<LocationGroups>>();

	constructor(private readonly api: GroupSource) {}

	async groups(settings: RequestSettings): Promise<CalendarGroup[]> {
		return [...(await this.location(settings)).byId.values()];
	}

	async findById(settings: RequestSettings, id: string): Promise<CalendarGroup | undefined> {
		return (await this.location(settings)).byId.get(id);
	}

	/** The group with the slug, once a create of that slug this execution has under way has ended. */
	async findBySlug(settings: RequestSettings, slug: string): Promise<CalendarGroup | undefined> {
		const location = await this.location(settings);
		for (let creating = location.creating.get(slug); creating; creating = location.creating.get(slug)) {
			const created = await creating;
			if (created) return created;
		}
		const id = location.idBySlug.get(slug);
		return id === undefined ? undefined : location.byId.get(id);
	}

	/** The first of slug-2, slug-3, … that no group has and no create takes. */
	async firstFreeSuffix(settings: RequestSettings, slug: string): Promise<string> {
		const location = await this.location(settings);
		let suffix = 2;
		while (isTaken(location, `${slug}-${suffix}`)) suffix++;
		return `${slug}-${suffix}`;
	}

	/** Creates the group, unless its slug has been taken meanwhile (then undefined). */
	async create(settings: RequestSettings, fields: GroupFields, isActive: boolean): Promise<CalendarGroup | undefined> {
		const location = await this.location(settings);
		if (isTaken(location, fields.slug)) return undefined;
		const creating = this.api.create(settings, fields, isActive);
		location.creating.set(fields.slug, creating.catch(() => undefined));
		try {
			const group = await creating;
			record(location, group);
			return group;
		} finally {
			location.creating.delete(fields.slug);
		}
	}

	/** Records a group this execution changed. */
	async remember(settings: RequestSettings, group: CalendarGroup): Promise<void> {
		record(await this.location(settings), group);
	}

	/** Drops a group this execution deleted from a listing it already has (without listing for it). */
	async forget(settings: RequestSettings, id: string): Promise<void> {
		const location = await this.listings.get(settings.locationId)?.catch(() => undefined);
		if (!location) return;
		const group = location.byId.get(id);
		if (group && location.idBySlug.get(group.slug) === id) location.idBySlug.delete(group.slug);
		location.byId.delete(id);
	}

	private async location(settings: RequestSettings): Promise<LocationGroups> {
		let listing = this.listings.get(settings.locationId);
		if (!listing) {
			listing = this.api.list(settings).then(indexGroups);
			this.listings.set(settings.locationId, listing);
			listing.catch(() => this.listings.delete(settings.locationId));
		}
		return await listing;
	}
}
