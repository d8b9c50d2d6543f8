import type { CalendarGroupsApi } from './api';
import type { CalendarGroup, ItemTarget } from './types';

interface LocationGroups {
	/** By id, in the order HighLevel lists them and then this execution created them. */
	byId: Map<string, CalendarGroup>;
	idBySlug: Map<string, string>;
	/** Creates under way in this execution, by slug: items running at once never take one slug twice. */
	creating: Map<string, Promise<CalendarGroup | undefined>>;
}

function indexGroups(groups: CalendarGroup[]): LocationGroups {
	const location: LocationGroups = { byId: new Map(), idBySlug: new Map(), creating: new Map() };
	for (const group of groups) remember(location, group);
	return location;
}

function remember(location: LocationGroups, group: CalendarGroup): void {
	const previous = location.byId.get(group.id);
	if (previous && location.idBySlug.get(previous.slug) === group.id) location.idBySlug.delete(previous.slug);
	location.byId.set(group.id, group);
	location.idBySlug.set(group.slug, group.id);
}

/**
 * The groups of each location, listed once per execution and kept current by this execution's
 * own writes, so that N lookups by slug or ID cost one list call.
 */
export class GroupDirectory {
	private readonly listings = new Map<string, Promise<LocationGroups>>();

	constructor(private readonly api: CalendarGroupsApi) {}

	async groups(target: ItemTarget): Promise<CalendarGroup[]> {
		return [...(await this.location(target)).byId.values()];
	}

	async findById(target: ItemTarget, id: string): Promise<CalendarGroup | undefined> {
		return (await this.location(target)).byId.get(id);
	}

	/** The group with the slug, waiting for a create of that slug this execution has under way. */
	async findBySlug(target: ItemTarget, slug: string): Promise<CalendarGroup | undefined> {
		const location = await this.location(target);
		const creating = location.creating.get(slug);
		if (creating) return (await creating) ?? (await this.findBySlug(target, slug));
		const id = location.idBySlug.get(slug);
		return id === undefined ? undefined : location.byId.get(id);
	}

	/**
	 * Runs `create` with the slug `chooseSlug` picks, given which slugs a group has or a running
	 * create claims; choosing and claiming happen in one step, so concurrent items cannot collide.
	 * Undefined when `chooseSlug` picks none.
	 */
	async createWithFreeSlug(
		target: ItemTarget,
		chooseSlug: (taken: (slug: string) => boolean) => string | undefined,
		create: (slug: string) => Promise<CalendarGroup>,
	): Promise<CalendarGroup | undefined> {
		const location = await this.location(target);
		const slug = chooseSlug((s) => location.creating.has(s) || location.idBySlug.has(s));
		if (slug === undefined) return undefined;
		const creating = create(slug);
		location.creating.set(
			slug,
			creating.then(
				(group) => group,
				() => undefined,
			),
		);
		try {
			const group = await creating;
			remember(location, group);
			return group;
		} finally {
			location.creating.delete(slug);
		}
	}

	/** Records a group this execution changed. */
	async update(target: ItemTarget, group: CalendarGroup): Promise<void> {
		remember(await this.location(target), group);
	}

	forget(locationId: string, id: string): void {
		void this.listings.get(locationId)?.then((location) => {
			const group = location.byId.get(id);
			if (group && location.idBySlug.get(group.slug) === id) location.idBySlug.delete(group.slug);
			location.byId.delete(id);
		});
	}

	private async location(target: ItemTarget): Promise<LocationGroups> {
		let listing = this.listings.get(target.locationId);
		if (!listing) {
			listing = this.api.list(target).then(indexGroups);
			this.listings.set(target.locationId, listing);
			listing.catch(() => this.listings.delete(target.locationId));
		}
		return await listing;
	}
}
