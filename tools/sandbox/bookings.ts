/**
 * In-memory bookings per location: contacts, events (appointments and blocked slots, one id space, as
 * `DELETE /calendars/events/{eventId}` deletes both) and appointment notes. Times are epoch ms; the operations render
 * them in the location's time zone.
 */
import { highLevelId } from './store';

export interface ContactRecord {
	id: string;
	locationId: string;
	firstName?: string;
	lastName?: string;
	name?: string;
	email?: string;
	phone?: string;
	dateAdded: string;
}

export type ContactInput = Partial<Omit<ContactRecord, 'locationId' | 'dateAdded'>>;

interface EventBase {
	id: string;
	locationId: string;
	title: string;
	calendarId?: string;
	assignedUserId?: string;
	startMs: number;
	endMs: number;
	dateAdded: string;
	dateUpdated: string;
}

export interface AppointmentRecord extends EventBase {
	kind: 'appointment';
	calendarId: string;
	contactId: string;
	appointmentStatus: string;
	description?: string;
	address?: string;
	meetingLocationType?: string;
	meetingLocationId?: string;
	overrideLocationConfig?: boolean;
	rrule?: string;
	/** a series' occurrences taken out (deleted, or changed on their own), epoch ms */
	exdates?: number[];
	/** an occurrence changed on its own: the series it was taken out of */
	masterEventId?: string;
	/** false: the sub-account's automations were not to run for this change (recorded, nothing else) */
	toNotify: boolean;
}

export interface BlockedSlotRecord extends EventBase {
	kind: 'blockedSlot';
}

export type EventRecord = AppointmentRecord | BlockedSlotRecord;

export interface NoteRecord {
	id: string;
	appointmentId: string;
	body: string;
	userId?: string;
	dateAdded: string;
}

/** The contacts every seeded sub-account has (a sub-account added later starts with none). */
export const DEFAULT_CONTACTS: ContactInput[] = [
	{ id: 'sandboxContact0001', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@sandbox.invalid', phone: '+15555550101' },
	{ id: 'sandboxContact0002', firstName: 'Grace', lastName: 'Hopper', email: 'grace@sandbox.invalid', phone: '+15555550102' },
	{ id: 'sandboxContact0003', firstName: 'Alan', lastName: 'Turing', email: 'alan@sandbox.invalid', phone: '+15555550103' },
];

/** Statuses whose appointment no longer holds its slot (cancelled and no-show ones, as integrators report). */
export const SLOT_FREEING_STATUSES = ['cancelled', 'noshow'];

export class BookingStore {
	private readonly contacts = new Map<string, ContactRecord[]>();
	private readonly events = new Map<string, EventRecord[]>();
	private readonly notes = new Map<string, NoteRecord[]>();

	/** `seedContacts`: contacts every known location starts with (after every clear) */
	constructor(
		private readonly knownLocations: string[],
		private readonly seedContacts: ContactInput[],
		private readonly now: () => number,
	) {
		this.clear();
	}

	clear(): void {
		this.contacts.clear();
		this.events.clear();
		this.notes.clear();
		for (const locationId of this.knownLocations) for (const contact of this.seedContacts) this.addContact(locationId, contact);
	}

	addContact(locationId: string, input: ContactInput = {}): ContactRecord {
		const id = input.id ?? highLevelId();
		if (this.contact(locationId, id)) throw new Error(`contact "${id}" exists already in ${locationId}`);
		const name = input.name ?? ([input.firstName, input.lastName].filter(Boolean).join(' ') || undefined);
		const contact: ContactRecord = { ...input, id, locationId, name, dateAdded: this.stamp() };
		listOf(this.contacts, locationId).push(contact);
		return { ...contact };
	}

	contact(locationId: string, id: string): ContactRecord | undefined {
		const contact = this.contacts.get(locationId)?.find((c) => c.id === id);
		return contact && { ...contact };
	}

	addAppointment(locationId: string, fields: Omit<AppointmentRecord, 'id' | 'locationId' | 'kind' | 'dateAdded' | 'dateUpdated'>): AppointmentRecord {
		return this.addEvent({ ...fields, kind: 'appointment', locationId } as AppointmentRecord);
	}

	addBlockedSlot(locationId: string, fields: Omit<BlockedSlotRecord, 'id' | 'locationId' | 'kind' | 'dateAdded' | 'dateUpdated'>): BlockedSlotRecord {
		return this.addEvent({ ...fields, kind: 'blockedSlot', locationId } as BlockedSlotRecord);
	}

	event(locationId: string, id: string): EventRecord | undefined {
		const event = this.events.get(locationId)?.find((e) => e.id === id);
		return event && { ...event };
	}

	/** The location's events of one kind, in creation order. */
	eventsOf<K extends EventRecord['kind']>(locationId: string, kind: K): Array<Extract<EventRecord, { kind: K }>> {
		return (this.events.get(locationId) ?? []).filter((e): e is Extract<EventRecord, { kind: K }> => e.kind === kind).map((e) => ({ ...e }));
	}

	/** Replaces the fields given; one given as undefined is removed. */
	updateEvent<E extends EventRecord>(locationId: string, id: string, fields: Partial<E>): E | undefined {
		const event = this.events.get(locationId)?.find((e) => e.id === id) as Record<string, unknown> | undefined;
		if (!event) return undefined;
		for (const [key, value] of Object.entries(fields)) {
			if (value === undefined) delete event[key];
			else event[key] = value;
		}
		event.dateUpdated = this.stamp();
		return { ...event } as unknown as E;
	}

	/** Removes the event and, for an appointment, its notes; returns what was removed. */
	removeEvent(locationId: string, id: string): EventRecord | undefined {
		const events = this.events.get(locationId) ?? [];
		const index = events.findIndex((e) => e.id === id);
		if (index < 0) return undefined;
		const [removed] = events.splice(index, 1);
		this.notes.delete(id);
		return removed;
	}

	/** The appointment's notes, newest first. */
	notesOf(appointmentId: string): NoteRecord[] {
		return [...(this.notes.get(appointmentId) ?? [])].reverse().map((n) => ({ ...n }));
	}

	addNote(appointmentId: string, body: string, userId?: string): NoteRecord {
		const note: NoteRecord = { id: highLevelId(), appointmentId, body, userId, dateAdded: this.stamp() };
		listOf(this.notes, appointmentId).push(note);
		return { ...note };
	}

	updateNote(appointmentId: string, noteId: string, body: string, userId?: string): NoteRecord | undefined {
		const note = this.notes.get(appointmentId)?.find((n) => n.id === noteId);
		if (!note) return undefined;
		Object.assign(note, { body }, userId === undefined ? {} : { userId });
		return { ...note };
	}

	removeNote(appointmentId: string, noteId: string): boolean {
		const notes = this.notes.get(appointmentId) ?? [];
		const index = notes.findIndex((n) => n.id === noteId);
		if (index >= 0) notes.splice(index, 1);
		return index >= 0;
	}

	/** What /__sandbox/state shows, per location (locations with nothing of a kind are left out). */
	snapshot(): { contacts: Record<string, ContactRecord[]>; appointments: Record<string, AppointmentRecord[]>; blockedSlots: Record<string, BlockedSlotRecord[]>; notes: Record<string, NoteRecord[]> } {
		const perLocation = <T>(lists: Map<string, T[]>, pick: (list: T[]) => T[]) =>
			Object.fromEntries([...lists].map(([key, list]) => [key, structuredClone(pick(list))]).filter(([, list]) => (list as T[]).length > 0));
		return {
			contacts: perLocation(this.contacts, (l) => l),
			appointments: perLocation(this.events, (l) => l.filter((e) => e.kind === 'appointment')) as Record<string, AppointmentRecord[]>,
			blockedSlots: perLocation(this.events, (l) => l.filter((e) => e.kind === 'blockedSlot')) as Record<string, BlockedSlotRecord[]>,
			notes: perLocation(this.notes, (l) => l),
		};
	}

	private addEvent<E extends EventRecord>(input: E): E {
		const stamp = this.stamp();
		const event = { ...input, id: highLevelId(), dateAdded: stamp, dateUpdated: stamp };
		listOf(this.events, event.locationId).push(event);
		return { ...event };
	}

	private stamp(): string {
		return new Date(this.now()).toISOString();
	}
}

/** The list under `key`, made (and kept) when there is none. */
export function listOf<T>(lists: Map<string, T[]>, key: string): T[] {
	let list = lists.get(key);
	if (!list) {
		list = [];
		lists.set(key, list);
	}
	return list;
}
