/** In-memory calendar groups and calendars, one list of each per location, in creation order. */
import { randomInt } from 'crypto';
import { ResourceStore } from './resource-store';
import { ServiceStore } from './service-store';
import { ScheduleStore } from './schedule-store';

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

/** A calendar as HighLevel answers it: the documented fields it was created and updated with, and its id. */
export interface CalendarRecord extends Record<string, unknown> {
	id: string;
	locationId: string;
	name: string;
	groupId?: string;
	slug?: string;
	isActive?: boolean;
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const ID_LENGTH = 20;

/** An id shaped like HighLevel's: 20 alphanumeric characters. */
export function highLevelId(): string {
	let id = '';
	for (let i = 0; i < ID_LENGTH; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
	return id;
}

/** The location's list in `lists`; an unknown location's is empty, and kept only when `create`. */
function listOf<T>(lists: Map<string, T[]>, locationId: string, create: boolean): T[] {
	let list = lists.get(locationId);
	if (!list) {
		list = [];
		if (create) lists.set(locationId, list);
	}
	return list;
}

export class LocationStore {
	private readonly locations = new Map<string, GroupRecord[]>();
	private readonly calendarLists = new Map<string, CalendarRecord[]>();
	/** every id handed out since the last clear (a deleted group's id is not handed out again) */
	private readonly usedIds = new Set<string>();
	/** rooms, equipment and calendar notifications (resource-store.ts) */
	readonly resources = new ResourceStore();
	/** v3 services, service locations and service bookings (service-store.ts) */
	readonly services = new ServiceStore();
	/** users' availability schedules and calendars' own (schedule-store.ts) */
	readonly schedules = new ScheduleStore();

	constructor(private readonly knownLocations: string[] = []) {
		this.clear();
	}

	clear(): void {
		this.locations.clear();
		this.calendarLists.clear();
		this.usedIds.clear();
		this.resources.clear();
		this.services.clear();
		this.schedules.clear();
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

	/** The location's calendars, or only a group's; `activeOnly` leaves out the drafts (isActive false). */
	calendars(locationId: string, filter: { groupId?: string; activeOnly?: boolean } = {}): CalendarRecord[] {
		return this.calendarsOf(locationId)
			.filter((c) => filter.groupId === undefined || c.groupId === filter.groupId)
			.filter((c) => !filter.activeOnly || c.isActive !== false)
			.map((c) => structuredClone(c));
	}

	calendar(locationId: string, id: string): CalendarRecord | undefined {
		const calendar = this.calendarsOf(locationId).find((c) => c.id === id);
		return calendar && structuredClone(calendar);
	}

	calendarSlugTaken(locationId: string, slug: string, exceptId?: string): boolean {
		return this.calendarsOf(locationId).some((c) => c.slug === slug && c.id !== exceptId);
	}

	/** `fields` as the request had them (validated), without locationId. */
	createCalendar(locationId: string, fields: Record<string, unknown>): CalendarRecord {
		const calendar: CalendarRecord = { isActive: true, ...structuredClone(fields), id: this.unusedId(), locationId, name: String(fields.name) };
		this.calendarsOf(locationId, true).push(calendar);
		return structuredClone(calendar);
	}

	/** The fields given replace the calendar's; a groupId of "" takes it out of its group. */
	updateCalendar(locationId: string, id: string, fields: Record<string, unknown>): CalendarRecord | undefined {
		const calendar = this.calendarsOf(locationId).find((c) => c.id === id);
		if (!calendar) return undefined;
		Object.assign(calendar, structuredClone(fields));
		if (calendar.groupId === '') delete calendar.groupId;
		return structuredClone(calendar);
	}

	removeCalendar(locationId: string, id: string): boolean {
		const calendars = this.calendarsOf(locationId);
		const index = calendars.findIndex((c) => c.id === id);
		if (index >= 0) calendars.splice(index, 1);
		return index >= 0;
	}

	/** Calendars per location (locations with none are left out). */
	calendarSnapshot(): Record<string, CalendarRecord[]> {
		return Object.fromEntries([...this.calendarLists].filter(([, c]) => c.length > 0).map(([locationId, c]) => [locationId, structuredClone(c)]));
	}


	private groupsOf(locationId: string, create = false): GroupRecord[] {
		return listOf(this.locations, locationId, create);
	}

	private calendarsOf(locationId: string, create = false): CalendarRecord[] {
		return listOf(this.calendarLists, locationId, create);
	}

	private unusedId(): string {
		let id = highLevelId();
		while (this.usedIds.has(id)) id = highLevelId();
		this.usedIds.add(id);
		return id;
	}
}
