import type { IDataObject, INode } from 'n8n-workflow';

import type { SendCall } from '../../transport/call';
import type { RequestSettings } from '../../transport/requestSettings';
import { answerList } from '../../shared/answerFields';
import { idPath } from '../../shared/paths';
import type { BlockedSlot, BlockedSlotsOf, MillisRange } from './types';

const READ = 'calendars/events.readonly';
const WRITE = 'calendars/events.write';

/** The create and update answers are the blocked slot itself, not wrapped in a property. */
const readBlockedSlot = (body: unknown) => (typeof (body as BlockedSlot | null)?.id === 'string' ? (body as BlockedSlot) : undefined);
const readEvents = (body: unknown) => answerList<BlockedSlot>(body, 'events');

const instant = (time: unknown) => (typeof time === 'string' ? Date.parse(time) : Number(time));

/** Whether a listed blocked slot is the one the body asked for: same owner, title, start and end. */
function isTheSlotOf(body: IDataObject): (slot: BlockedSlot) => boolean {
	return (slot) =>
		(body.calendarId === undefined || slot.calendarId === body.calendarId) &&
		(body.assignedUserId === undefined || slot.assignedUserId === body.assignedUserId) &&
		(body.title === undefined || slot.title === body.title) &&
		instant(slot.startTime) === instant(body.startTime) &&
		instant(slot.endTime) === instant(body.endTime);
}

/** HighLevel's blocked-slot calls. Bodies arrive checked against the documented schema (blockedSlotBody.ts). */
export class BlockedSlotsApi {
	constructor(
		private readonly send: SendCall,
		private readonly node: INode,
	) {}

	async list(settings: RequestSettings, of: BlockedSlotsOf, range: MillisRange): Promise<BlockedSlot[]> {
		return await this.send(settings, {
			method: 'GET',
			path: '/calendars/blocked-slots',
			scope: READ,
			query: { locationId: settings.locationId, ...of, ...range },
			read: readEvents,
		});
	}

	/**
	 * Never sent twice blindly: after an ambiguous failure, the owner's blocked slots over the same time tell
	 * whether it was made. The body has its owner, startTime and endTime (ISO with an offset).
	 */
	async create(settings: RequestSettings, body: IDataObject): Promise<BlockedSlot> {
		const of: BlockedSlotsOf =
			body.calendarId !== undefined ? { calendarId: String(body.calendarId) } : { userId: String(body.assignedUserId) };
		const range = { startTime: String(instant(body.startTime)), endTime: String(instant(body.endTime)) };
		return await this.send(settings, {
			method: 'POST',
			path: '/calendars/events/block-slots',
			scope: WRITE,
			body,
			read: readBlockedSlot,
			expects: 'the blocked slot',
			findEffect: async () => (await this.list(settings, of, range)).find(isTheSlotOf(body)),
		});
	}

	async update(settings: RequestSettings, eventId: string, body: IDataObject): Promise<BlockedSlot> {
		return await this.send(settings, {
			method: 'PUT',
			path: idPath(this.node, '/calendars/events/block-slots', 'blockedSlot', eventId),
			scope: WRITE,
			body,
			read: readBlockedSlot,
			expects: 'the blocked slot',
		});
	}

	/** DELETE /calendars/events/{eventId} deletes appointments and blocked slots alike; its documented body is `{}`. */
	async delete(settings: RequestSettings, eventId: string): Promise<void> {
		await this.send(settings, {
			method: 'DELETE',
			path: idPath(this.node, '/calendars/events', 'blockedSlot', eventId),
			scope: WRITE,
			body: {},
			read: () => true,
			resultIfGone: true,
		});
	}
}
