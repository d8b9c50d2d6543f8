/** In-memory calendar groups, one list per location, in creation order. */
import { randomInt } from 'crypto';

export interface GroupRecord {
	id: string;
	locationId: string;
	name: string;
	description: string;
	slug: string;
	isActive: boolean;
}

export type GroupInput = Omit<GroupRecord, 'id' | 'isActive'> & { isActive?: boolean };
export type GroupFields = Pick<GroupRecord, 'name' | 'description' | 'slug'>;

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const ID_LENGTH = 20;

/** An id shaped like HighLevel's: 20 alphanumeric characters. */
export function highLevelId(): string {
	let id = '';
	for (let i = 0; i < ID_LENGTH; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
	return id;
}

export class GroupStore {
	private readonly locations = new Map<string, GroupRecord[]>();
	/** every id handed out since the last clear (a deleted group's id is not handed out again) */
	private readonly usedIds = new Set<string>();

	constructor(private readonly knownLocations: string[] = []) {
		this.clear();
	}

	clear(): void {
		this.locations.clear();
		this.usedIds.clear();
		for (const locationId of this.knownLocations) this.locations.set(locationId, []);
	}

	list(locationId: string): GroupRecord[] {
		return this.groupsOf(locationId).map((g) => ({ ...g }));
	}

	find(locationId: string, id: string): GroupRecord | undefined {
		const group = this.groupsOf(locationId).find((g) => g.id === id);
		return group && { ...group };
	}

	slugTaken(locationId: string, slug: string, exceptId?: string): boolean {
		return this.groupsOf(locationId).some((g) => g.slug === slug && g.id !== exceptId);
	}

	create(input: GroupInput): GroupRecord {
		const group: GroupRecord = {
			id: this.unusedId(),
			locationId: input.locationId,
			name: input.name,
			description: input.description,
			slug: input.slug,
			isActive: input.isActive ?? true,
		};
		this.groupsOf(input.locationId, true).push(group);
		return { ...group };
	}

	update(locationId: string, id: string, fields: GroupFields): GroupRecord | undefined {
		const group = this.groupsOf(locationId).find((g) => g.id === id);
		if (!group) return undefined;
		Object.assign(group, { name: fields.name, description: fields.description, slug: fields.slug });
		return { ...group };
	}

	setActive(locationId: string, id: string, isActive: boolean): boolean {
		const group = this.groupsOf(locationId).find((g) => g.id === id);
		if (group) group.isActive = isActive;
		return Boolean(group);
	}

	remove(locationId: string, id: string): boolean {
		const groups = this.groupsOf(locationId);
		const index = groups.findIndex((g) => g.id === id);
		if (index >= 0) groups.splice(index, 1);
		return index >= 0;
	}

	snapshot(): Record<string, GroupRecord[]> {
		return Object.fromEntries([...this.locations].map(([locationId, groups]) => [locationId, groups.map((g) => ({ ...g }))]));
	}

	private groupsOf(locationId: string, create = false): GroupRecord[] {
		let groups = this.locations.get(locationId);
		if (!groups) {
			groups = [];
			if (create) this.locations.set(locationId, groups);
		}
		return groups;
	}

	private unusedId(): string {
		let id = highLevelId();
		while (this.usedIds.has(id)) id = highLevelId();
		this.usedIds.add(id);
		return id;
	}
}
