/** In-memory rooms, equipment and calendar notifications, per location, in creation order. */
import { listOf } from './bookings';
import { highLevelId } from './store';

export type ResourceType = 'rooms' | 'equipments';

/** A room or equipment as the sandbox answers it: CalendarResourceByIdResponseDTO's fields and its id. */
export interface CalendarResourceRecord extends Record<string, unknown> {
	id: string;
	locationId: string;
	name: string;
	resourceType: ResourceType;
	isActive: boolean;
	calendarIds: string[];
}

/** A notification as the sandbox answers it (CalendarNotificationResponseDTO), with the calendar it belongs to. */
export interface NotificationRecord extends Record<string, unknown> {
	_id: string;
	calendarId: string;
	isActive: boolean;
	deleted: boolean;
}

const nonEmpty = <T>(lists: Map<string, T[]>) =>
	Object.fromEntries([...lists].filter(([, list]) => list.length > 0).map(([key, list]) => [key, structuredClone(list)]));

export class ResourceStore {
	private readonly resources = new Map<string, CalendarResourceRecord[]>();
	private readonly notifications = new Map<string, NotificationRecord[]>();

	clear(): void {
		this.resources.clear();
		this.notifications.clear();
	}

	resourcesOf(locationId: string, type: ResourceType): CalendarResourceRecord[] {
		return listOf(this.resources, locationId).filter((r) => r.resourceType === type).map((r) => structuredClone(r));
	}

	resource(locationId: string, type: ResourceType, id: string): CalendarResourceRecord | undefined {
		const record = listOf(this.resources, locationId).find((r) => r.id === id && r.resourceType === type);
		return record && structuredClone(record);
	}

	/** `fields` as the request had them (validated), without locationId. */
	createResource(locationId: string, type: ResourceType, fields: Record<string, unknown>): CalendarResourceRecord {
		const record: CalendarResourceRecord = { calendarIds: [], ...structuredClone(fields), id: highLevelId(), locationId, name: String(fields.name), resourceType: type, isActive: true };
		listOf(this.resources, locationId).push(record);
		return structuredClone(record);
	}

	updateResource(locationId: string, type: ResourceType, id: string, fields: Record<string, unknown>): CalendarResourceRecord | undefined {
		const record = listOf(this.resources, locationId).find((r) => r.id === id && r.resourceType === type);
		if (record) Object.assign(record, structuredClone(fields));
		return record && structuredClone(record);
	}

	removeResource(locationId: string, type: ResourceType, id: string): boolean {
		const list = listOf(this.resources, locationId);
		const index = list.findIndex((r) => r.id === id && r.resourceType === type);
		if (index >= 0) list.splice(index, 1);
		return index >= 0;
	}

	notificationsOf(locationId: string, calendarId: string): NotificationRecord[] {
		return listOf(this.notifications, locationId).filter((n) => n.calendarId === calendarId).map((n) => structuredClone(n));
	}

	notification(locationId: string, calendarId: string, id: string): NotificationRecord | undefined {
		return this.notificationsOf(locationId, calendarId).find((n) => n._id === id);
	}

	createNotification(locationId: string, calendarId: string, fields: Record<string, unknown>): NotificationRecord {
		const record: NotificationRecord = { isActive: true, ...structuredClone(fields), _id: highLevelId(), calendarId, deleted: false };
		listOf(this.notifications, locationId).push(record);
		return structuredClone(record);
	}

	updateNotification(locationId: string, calendarId: string, id: string, fields: Record<string, unknown>): boolean {
		const record = listOf(this.notifications, locationId).find((n) => n._id === id && n.calendarId === calendarId);
		if (record) Object.assign(record, structuredClone(fields));
		return Boolean(record);
	}

	/** Rooms and equipment per location, and notifications per location (locations with none are left out). */
	snapshot(): { resources: Record<string, CalendarResourceRecord[]>; notifications: Record<string, NotificationRecord[]> } {
		return { resources: nonEmpty(this.resources), notifications: nonEmpty(this.notifications) };
	}
}
