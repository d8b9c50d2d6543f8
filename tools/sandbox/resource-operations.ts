/**
 * The rooms-and-equipment and calendar-notification operations on the store (requests arrive authenticated and
 * validated against the spec). Where HighLevel's behaviour or wording is not documented, the comment says so.
 */
import { type Context, type Handler, type OperationResult as Result, answered } from './operation-context';
import { badRequest, notFound, serverError, success } from './responses';
import type { ResourceType } from './resource-store';
// UNVERIFIED: HighLevel's wordings for a room, equipment, calendar or notification it does not find
const resourceNotFound = () => answered(notFound('Calendar resource not found'));
const calendarNotFound = () => answered(notFound('Calendar not found'));
const notificationNotFound = () => answered(notFound('Notification not found'));
/** HighLevel's default page of notifications (the spec's `limit` default). */
const NOTIFICATION_PAGE = 100;

/** The record without one of its properties (the request's locationId, the store's calendarId). */
const without = (record: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(record).filter(([name]) => name !== key));

const fieldsOf = (body: unknown): Record<string, unknown> => (body && typeof body === 'object' && !Array.isArray(body) ? { ...(body as Record<string, unknown>) } : {});

/**
 * Why a room's or equipment's calendars cannot be stored: an id of no calendar of the location (UNVERIFIED: status and
 * wording; the spec says only "Service calendar IDs"; that the calendar must be a service calendar is not enforced),
 * or more than one calendar for equipment (the spec says in words that one equipment maps to one service calendar).
 */
function calendarsProblem(ctx: Context, type: ResourceType, calendarIds: unknown): Result | undefined {
	if (!Array.isArray(calendarIds)) return undefined;
	if (type === 'equipments' && calendarIds.length > 1) return answered(badRequest('One equipment can only be mapped with one service calendar'));
	const unknown = calendarIds.find((id) => !ctx.store.calendar(ctx.token.locationId, String(id)));
	return unknown === undefined ? undefined : answered(badRequest(`Calendar ${String(unknown)} not found in this location`));
}

function withCalendar(handler: Handler): Handler {
	return (ctx) => (ctx.store.calendar(ctx.token.locationId, ctx.params.calendarId) ? handler(ctx) : calendarNotFound());
}

const type = (ctx: Context) => ctx.params.resourceType as ResourceType;

const RESOURCE_TYPES: readonly string[] = ['equipments', 'rooms'];

/** The path's resourceType is one of the spec's enum (UNVERIFIED: HighLevel's status and wording otherwise). */
function withResourceType(handler: Handler): Handler {
	return (ctx) =>
		RESOURCE_TYPES.includes(ctx.params.resourceType) ? handler(ctx) : answered(badRequest(`resourceType must be one of the following values: ${RESOURCE_TYPES.join(', ')}`));
}

export const resourceHandlers: Record<string, Handler> = {
	'fetch-calendar-resources': withResourceType((ctx) => {
		const skip = Number(ctx.query.skip);
		return answered(success(200, ctx.store.resources.resourcesOf(ctx.token.locationId, type(ctx)).slice(skip, skip + Number(ctx.query.limit))));
	}),

	'create-calendar-resource': withResourceType((ctx) => {
		const fields = without(fieldsOf(ctx.body), 'locationId');
		const problem = calendarsProblem(ctx, type(ctx), fields.calendarIds);
		return problem ?? answered(success(201, ctx.store.resources.createResource(ctx.token.locationId, type(ctx), fields)), true);
	}),

	'get-calendar-resource': withResourceType((ctx) => {
		const record = ctx.store.resources.resource(ctx.token.locationId, type(ctx), ctx.params.id);
		return record ? answered(success(200, record)) : resourceNotFound();
	}),

	'update-calendar-resource': withResourceType((ctx) => {
		if (!ctx.store.resources.resource(ctx.token.locationId, type(ctx), ctx.params.id)) return resourceNotFound();
		const fields = without(fieldsOf(ctx.body), 'locationId');
		const problem = calendarsProblem(ctx, type(ctx), fields.calendarIds);
		return problem ?? answered(success(200, ctx.store.resources.updateResource(ctx.token.locationId, type(ctx), ctx.params.id, fields)), true);
	}),

	// UNDOCUMENTED: whether HighLevel keeps a deleted room in the calendars' bookings; the sandbox removes it
	'delete-calendar-resource': withResourceType((ctx) =>
		ctx.store.resources.removeResource(ctx.token.locationId, type(ctx), ctx.params.id) ? answered(success(200, { success: true }), true) : resourceNotFound(),
	),

	// HighLevel's docs issue #3: `limit` causes a server-side type error (modelled as HighLevel's 500). Without
	// `deleted=true` the deleted notifications are left out (UNDOCUMENTED: the spec names the filter only).
	'get-event-notification': withCalendar((ctx) => {
		if (ctx.query.limit !== undefined) return answered(serverError(500));
		const deleted = ctx.query.deleted === 'true';
		const isActive = ctx.query.isActive === undefined ? undefined : ctx.query.isActive === 'true';
		const skip = Number(ctx.query.skip ?? 0);
		const matching = ctx.store.resources
			.notificationsOf(ctx.token.locationId, ctx.params.calendarId)
			.filter((n) => n.deleted === deleted && (isActive === undefined || n.isActive === isActive));
		return answered(success(200, matching.slice(skip, skip + NOTIFICATION_PAGE).map((n) => without(n, 'calendarId'))));
	}),

	// UNVERIFIED: HighLevel's answer to an empty list
	'create-event-notification': withCalendar((ctx) => {
		const sent = Array.isArray(ctx.body as unknown) ? (ctx.body as unknown as Array<Record<string, unknown>>) : [];
		if (sent.length === 0) return answered(badRequest('At least one notification is required'));
		const created = sent.map((fields) => ctx.store.resources.createNotification(ctx.token.locationId, ctx.params.calendarId, fields));
		return answered(success(200, created.map((n) => without(n, 'calendarId'))), true);
	}),

	'find-event-notification': withCalendar((ctx) => {
		const found = ctx.store.resources.notification(ctx.token.locationId, ctx.params.calendarId, ctx.params.notificationId);
		if (!found) return notificationNotFound();
		return answered(success(200, without(found, 'calendarId')));
	}),

	// UNVERIFIED: the wording of the message; a deleted notification can be updated (deleted: false restores it)
	'update-event-notification': withCalendar((ctx) =>
		ctx.store.resources.updateNotification(ctx.token.locationId, ctx.params.calendarId, ctx.params.notificationId, fieldsOf(ctx.body))
			? answered(success(200, { message: 'Notification updated successfully' }), true)
			: notificationNotFound(),
	),

	// UNDOCUMENTED: a delete is taken as the soft delete the update's `deleted` names; deleting it again answers 404
	'delete-event-notification': withCalendar((ctx) => {
		const found = ctx.store.resources.notification(ctx.token.locationId, ctx.params.calendarId, ctx.params.notificationId);
		if (!found || found.deleted) return notificationNotFound();
		ctx.store.resources.updateNotification(ctx.token.locationId, ctx.params.calendarId, ctx.params.notificationId, { deleted: true });
		return answered(success(200, { message: 'Notification deleted successfully' }), true);
	}),
};
