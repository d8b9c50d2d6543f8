/**
 * Blocked slots: time taken out of a calendar (all its members) or out of one user (every calendar of theirs).
 * They are events: listed by `GET /calendars/blocked-slots`, deleted by `DELETE /calendars/events/{eventId}`.
 */
import { BlockedSlotRecord } from './bookings';
import { badDate, listEvents, parseIso } from './events';
import { isoInZone } from './free-slots';
import { Context, Handler, OperationResult, answered } from './operation-context';
import { MESSAGES, badRequest, notFound, success } from './responses';

function blockedSlotAnswer(ctx: Context, slot: BlockedSlotRecord): Record<string, unknown> {
	const zone = ctx.timeZoneOf(slot.locationId);
	const { id, locationId, title, calendarId, assignedUserId } = slot;
	const owner = calendarId === undefined ? { assignedUserId } : { calendarId };
	return { id, locationId, title, startTime: isoInZone(slot.startMs, zone), endTime: isoInZone(slot.endMs, zone), ...owner };
}

/** The slot's owner, times and title from a create / update body over the slot it replaces (if any). */
function slotFields(ctx: Context, existing?: BlockedSlotRecord): Omit<BlockedSlotRecord, 'id' | 'locationId' | 'kind' | 'dateAdded' | 'dateUpdated'> | OperationResult {
	const { body, store } = ctx;
	const locationId = String(body.locationId);
	if (typeof body.calendarId === 'string' && !store.calendar(locationId, body.calendarId)) return answered(notFound(MESSAGES.calendarNotFound));
	const zone = ctx.timeZoneOf(locationId);
	// UNVERIFIED: HighLevel's answer to a new block without times (the spec marks neither required)
	if (!existing && (body.startTime === undefined || body.endTime === undefined)) return answered(badRequest(MESSAGES.timesRequired));
	const startMs = body.startTime === undefined ? existing?.startMs : parseIso(body.startTime, zone);
	if (startMs === undefined) return badDate('startTime');
	const endMs = body.endTime === undefined ? existing?.endMs : parseIso(body.endTime, zone);
	if (endMs === undefined) return badDate('endTime');
	if (endMs <= startMs) return answered(badRequest(MESSAGES.endBeforeStart));
	const owner = typeof body.calendarId === 'string' ? { calendarId: body.calendarId, assignedUserId: undefined } : { calendarId: undefined, assignedUserId: String(body.assignedUserId) };
	// UNVERIFIED: the title HighLevel gives a block sent without one
	return { ...owner, title: (body.title as string | undefined) ?? existing?.title ?? '', startMs, endMs };
}

const createBlockSlot: Handler = (ctx) => {
	const fields = slotFields(ctx);
	if ('answer' in fields) return fields;
	return answered(success(201, blockedSlotAnswer(ctx, ctx.bookings.addBlockedSlot(String(ctx.body.locationId), fields))), true);
};

/** The body names the slot's owner again (the spec requires it); the other owner field is cleared. */
const editBlockSlot: Handler = (ctx) => {
	const { bookings, token, params } = ctx;
	const existing = bookings.event(token.locationId, params.eventId);
	if (existing?.kind !== 'blockedSlot') return answered(notFound(MESSAGES.eventNotFound));
	const fields = slotFields(ctx, existing);
	if ('answer' in fields) return fields;
	const updated = bookings.updateEvent<BlockedSlotRecord>(token.locationId, existing.id, fields) as BlockedSlotRecord;
	return answered(success(201, blockedSlotAnswer(ctx, updated)), true);
};

export const blockedSlotHandlers: Record<string, Handler> = {
	'create-block-slot': createBlockSlot,
	'edit-block-slot': editBlockSlot,
	'get-blocked-slots': (ctx) => listEvents(ctx, 'blockedSlot'),
};
