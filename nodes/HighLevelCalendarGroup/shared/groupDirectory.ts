import type { CalendarGroupsApi } from './api';
import type { CalendarGroup, ItemTarget } from './types';

/**
 * The groups of each location, listed once per execution and kept current by this execution's
 * own writes, so that N lookups by slug or ID cost one list call.
 */
export class GroupDirectory {
	private readonly byLocation = new Map<string, Promise<CalendarGroup[]>>();

	constructor(private readonly api: CalendarGroupsApi) {}

	async groups(target: ItemTarget): Promise<CalendarGroup[]> {
		let listing = this.byLocation.get(target.locationId);
		if (!listing) {
			listing = this.api.list(target);
			this.byLocation.set(target.locationId, listing);
			listing.catch(() => this.byLocation.delete(target.locationId));
		}
		return await listing;
	}

	async findById(target: ItemTarget, id: string): Promise<CalendarGroup | undefined> {
		return (await this.groups(target)).find((group) => group.id === id);
	}

	async findBySlug(target: ItemTarget, slug: string): Promise<CalendarGroup | undefined> {
		return (await this.groups(target)).find((group) => group.slug === slug);
	}

	/** Records a group this execution created or changed. */
	remember(group: CalendarGroup): void {
		this.replace(group.locationId, (groups) =>
			groups.some((g) => g.id === group.id)
				? groups.map((g) => (g.id === group.id ? group : g))
				: [...groups, group],
		);
	}

	forget(locationId: string, id: string): void {
		this.replace(locationId, (groups) => groups.filter((g) => g.id !== id));
	}

	private replace(locationId: string, change: (groups: CalendarGroup[]) => CalendarGroup[]): void {
		const listing = this.byLocation.get(locationId);
		if (listing) this.byLocation.set(locationId, listing.then(change));
	}
}
