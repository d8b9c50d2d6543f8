import type { CalendarGroupsApi } from './api';
import type { CalendarGroup, ItemTarget } from './types';

interface LocationGroups {
	groups: CalendarGroup[];
	/** Creates under way in this execution, by slug: items running at once never take one slug twice. */
	creating: Map<string, Promise<CalendarGroup | undefined>>;
}

/**
 * The groups of each location, listed once per execution and kept current by this execution's
 * own writes, so that N lookups by slug or ID cost one list call.
 */
export class GroupDirectory {
	private readonly listings = new Map<string, Promise<LocationGroups>>();

	constructor(private readonly api: CalendarGroupsApi) {}

	async groups(target: ItemTarget): Promise<CalendarGroup[]> {
		return (await this.location(target)).groups;
	}

	async findById(target: ItemTarget, id: string): Promise<CalendarGroup | undefined> {
		return (await this.groups(target)).find((group) => group.id === id);
	}

	/** The group with the slug, waiting for a create of that slug this execution has under way. */
	async findBySlug(target: ItemTarget, slug: string): Promise<CalendarGroup | undefined> {
		const location = await this.location(target);
		const creating = location.creating.get(slug);
		if (creating) return (await creating) ?? (await this.findBySlug(target, slug));
		return location.groups.find((group) => group.slug === slug);
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
		const slug = chooseSlug((s) => location.creating.has(s) || location.groups.some((g) => g.slug === s));
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
			this.remember(group, location);
			return group;
		} finally {
			location.creating.delete(slug);
		}
	}

	/** Records a group this execution changed. */
	async update(target: ItemTarget, group: CalendarGroup): Promise<void> {
		this.remember(group, await this.location(target));
	}

	forget(locationId: string, id: string): void {
		void this.listings.get(locationId)?.then((location) => {
			location.groups = location.groups.filter((group) => group.id !== id);
		});
	}

	private remember(group: CalendarGroup, location: LocationGroups): void {
		const known = location.groups.some((g) => g.id === group.id);
		location.groups = known ? location.groups.map((g) => (g.id === group.id ? group : g)) : [...location.groups, group];
	}

	private async location(target: ItemTarget): Promise<LocationGroups> {
		let listing = this.listings.get(target.locationId);
		if (!listing) {
			listing = this.api.list(target).then((groups) => ({ groups, creating: new Map() }));
			this.listings.set(target.locationId, listing);
			listing.catch(() => this.listings.delete(target.locationId));
		}
		return await listing;
	}
}
