/** In-memory v3 services (the catalog), service locations and service bookings, per location, in creation order. */
import { listOf } from './bookings';
import { highLevelId } from './store';

/** A service as the sandbox answers it (ServiceResponseDTO). */
export interface ServiceRecord extends Record<string, unknown> {
	id: string;
	locationId: string;
	name: string;
	slug: string;
	staff: Array<{ id: string }>;
}

/** A service location as the sandbox answers it (ServiceLocationResponseDTO). */
export interface ServiceLocationRecord extends Record<string, unknown> {
	id: string;
	locationId: string;
	name: string;
	slug: string;
	locationType: 'offline' | 'ask_booker';
}

/** A service booking as the sandbox answers it (ServiceBookingResponseDTO). */
export interface ServiceBookingRecord extends Record<string, unknown> {
	bookingId: string;
	locationId: string;
	contactId: string;
	serviceLocationId: string;
	startTime: string;
	endTime: string;
	services: Array<Record<string, unknown>>;
	deleted: boolean;
}

export type ServiceKind = 'services' | 'serviceLocations';

const nonEmpty = <T>(lists: Map<string, T[]>) =>
	Object.fromEntries([...lists].filter(([, list]) => list.length > 0).map(([key, list]) => [key, structuredClone(list)]));

export class ServiceStore {
	private readonly lists: Record<ServiceKind, Map<string, Array<ServiceRecord | ServiceLocationRecord>>> = { services: new Map(), serviceLocations: new Map() };
	private readonly bookingLists = new Map<string, ServiceBookingRecord[]>();

	clear(): void {
		this.lists.services.clear();
		this.lists.serviceLocations.clear();
		this.bookingLists.clear();
	}

	all<T extends ServiceRecord | ServiceLocationRecord>(kind: ServiceKind, locationId: string): T[] {
		return structuredClone(listOf(this.lists[kind], locationId)) as T[];
	}

	find<T extends ServiceRecord | ServiceLocationRecord>(kind: ServiceKind, locationId: string, id: string): T | undefined {
		return this.all<T>(kind, locationId).find((r) => r.id === id);
	}

	slugTaken(kind: ServiceKind, locationId: string, slug: unknown, exceptId?: string): boolean {
		return listOf(this.lists[kind], locationId).some((r) => r.slug === slug && r.id !== exceptId);
	}

	/** `record` with the fields the store adds (id, locationId) */
	create<T extends ServiceRecord | ServiceLocationRecord>(kind: ServiceKind, locationId: string, record: Record<string, unknown>): T {
		const stored = { ...structuredClone(record), id: highLevelId(), locationId } as T;
		listOf(this.lists[kind], locationId).push(stored);
		return structuredClone(stored);
	}

	update<T extends ServiceRecord | ServiceLocationRecord>(kind: ServiceKind, locationId: string, id: string, fields: Record<string, unknown>): T | undefined {
		const record = listOf(this.lists[kind], locationId).find((r) => r.id === id);
		if (record) Object.assign(record, structuredClone(fields));
		return record && (structuredClone(record) as T);
	}

	remove(kind: ServiceKind, locationId: string, id: string): boolean {
		const list = listOf(this.lists[kind], locationId);
		const index = list.findIndex((r) => r.id === id);
		if (index >= 0) list.splice(index, 1);
		return index >= 0;
	}

	bookings(locationId: string): ServiceBookingRecord[] {
		return structuredClone(listOf(this.bookingLists, locationId));
	}

	booking(locationId: string, bookingId: string): ServiceBookingRecord | undefined {
		return this.bookings(locationId).find((b) => b.bookingId === bookingId && !b.deleted);
	}

	createBooking(locationId: string, record: Omit<ServiceBookingRecord, 'bookingId' | 'locationId'>): ServiceBookingRecord {
		const stored = { ...structuredClone(record), bookingId: highLevelId(), locationId } as ServiceBookingRecord;
		listOf(this.bookingLists, locationId).push(stored);
		return structuredClone(stored);
	}

	updateBooking(locationId: string, bookingId: string, fields: Record<string, unknown>): ServiceBookingRecord | undefined {
		const record = listOf(this.bookingLists, locationId).find((b) => b.bookingId === bookingId && !b.deleted);
		if (record) Object.assign(record, structuredClone(fields));
		return record && structuredClone(record);
	}

	/** Services, service locations and bookings (deleted ones included) per location (locations with none are left out). */
	snapshot(): { services: Record<string, ServiceRecord[]>; serviceLocations: Record<string, ServiceLocationRecord[]>; bookings: Record<string, ServiceBookingRecord[]> } {
		return {
			services: nonEmpty(this.lists.services) as Record<string, ServiceRecord[]>,
			serviceLocations: nonEmpty(this.lists.serviceLocations) as Record<string, ServiceLocationRecord[]>,
			bookings: nonEmpty(this.bookingLists),
		};
	}
}
