/**
 * The operations on the stores (requests arrive here authenticated and validated): the six calendar-group and five
 * calendar operations here, the booking ones in appointments.ts, blocked-slots.ts and appointment-notes.ts, rooms,
 * equipment and notifications in resource-operations.ts, availability schedules in schedule-operations.ts, v3 services in
 * service-operations.ts.
 */
import { ApiVersion, MatchedOperation, RecordedRequest } from '../contract/openapi';
import { appointmentHandlers } from './appointments';
import { noteHandlers } from './appointment-notes';
import { SandboxToken } from './auth';
import { blockedSlotHandlers } from './blocked-slots';
import { Handler, OperationDeps, OperationResult, answered } from './operation-context';
import { resourceHandlers } from './resource-operations';
import { serviceHandlers } from './service-operations';
import { scheduleHandlers } from './schedule-operations';
import { MESSAGES, badRequest, notFound, success, unprocessable } from './responses';
import { GroupFields, GroupInput, LocationStore } from './store';

export type { ChangeEvent, OperationDeps, OperationResult } from './operation-context';

const groupNotFound = (): OperationResult => answered(notFound(MESSAGES.groupNotFound));
const slugExists = (): OperationResult => answered(unprocessable([MESSAGES.slugExists]));
const calendarNotFound = (): OperationResult => answered(notFound(MESSAGES.calendarNotFound));

/** Why a calendar's fields cannot be stored in the location: a groupId of no group there, or a taken slug. */
function calendarConflict(store: LocationStore, locationId: string, fields: Record<string, unknown>, calendarId?: string): OperationResult | undefined {
	const groupId = fields.groupId;
	if (typeof groupId === 'string' && groupId !== '' && !store.find(locationId, groupId)) return answered(badRequest(MESSAGES.calendarGroupNotFound));
	if (typeof fields.slug === 'string' && store.calendarSlugTaken(locationId, fields.slug, calendarId)) return slugExists();
	return undefined;
}

const calendarHandlers: Record<string, Handler> = {
	'get-groups': ({ store, query }) => answered(success(200, { groups: store.list(query.locationId) })),

	'create-calendar-group': ({ store, body }) => {
		const input = body as unknown as GroupInput;
		if (store.slugTaken(input.locationId, input.slug)) return slugExists();
		return answered(success(201, { group: store.create(input) }), true);
	},

	'validate-groups-slug': ({ store, body }) =>
		answered(success(200, { available: !store.slugTaken(String(body.locationId), String(body.slug)) })),

	'edit-group': ({ store, token, groupId, body }) => {
		const fields = body as unknown as GroupFields;
		if (!store.find(token.locationId, groupId)) return groupNotFound();
		if (store.slugTaken(token.locationId, fields.slug, groupId)) return slugExists();
		return answered(success(200, { group: store.update(token.locationId, groupId, fields) }), true);
	},

	'disable-group': ({ store, token, groupId, body }) =>
		store.setActive(token.locationId, groupId, body.isActive === true) ? answered(success(200, { success: true }), true) : groupNotFound(),

	// a deleted group's calendars stay as they were, groupId included: HighLevel does not document what it does with them
	'delete-group': ({ store, token, groupId }) =>
		store.remove(token.locationId, groupId) ? answered(success(200, { success: true }), true) : groupNotFound(),

	'get-calendars': ({ store, query }) =>
		answered(success(200, { calendars: store.calendars(query.locationId, { groupId: query.groupId, activeOnly: query.showDrafted === 'false' }) })),

	'create-calendar': ({ store, body }) => {
		const { locationId, ...fields } = body;
		const conflict = calendarConflict(store, String(locationId), fields);
		if (conflict) return conflict;
		if (fields.groupId === '') delete fields.groupId;
		return answered(success(200, { calendar: store.createCalendar(String(locationId), fields) }), true);
	},

	'get-calendar': ({ store, token, calendarId }) => {
		const calendar = store.calendar(token.locationId, calendarId);
		return calendar ? answered(success(200, { calendar })) : calendarNotFound();
	},

	'update-calendar': ({ store, token, calendarId, body }) => {
		if (!store.calendar(token.locationId, calendarId)) return calendarNotFound();
		const conflict = calendarConflict(store, token.locationId, body, calendarId);
		if (conflict) return conflict;
		return answered(success(200, { calendar: store.updateCalendar(token.locationId, calendarId, body) }), true);
	},

	'delete-calendar': ({ store, token, calendarId }) =>
		store.removeCalendar(token.locationId, calendarId) ? answered(success(200, { success: true }), true) : calendarNotFound(),
};

const handlers: Record<string, Handler> = { ...calendarHandlers, ...appointmentHandlers, ...blockedSlotHandlers, ...noteHandlers, ...resourceHandlers, ...scheduleHandlers, ...serviceHandlers };

export function runOperation(operation: MatchedOperation, req: RecordedRequest, deps: OperationDeps, token: SandboxToken): OperationResult {
	const handler = handlers[operation.operationId];
	if (!handler) throw new Error(`sandbox has no handler for ${operation.operationId}`);
	const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
	const params = operation.pathParams;
	const version = operation.version as ApiVersion;
	return handler({ ...deps, token, version, params, groupId: params.groupId ?? '', calendarId: params.calendarId ?? '', query: req.query, body });
}
