import type { IDataObject, INode } from 'n8n-workflow';

import type { SendCall } from '../../transport/call';
import type { RequestSettings } from '../../transport/requestSettings';
import { DAY_MS, answerInstant, epochMs } from '../../shared/dates';
import { idPath } from '../../shared/paths';

/** HighLevel refuses a free-slot range longer than this (the spec's startDate and endDate). */
export const MAX_RANGE_DAYS = 31;

export interface FreeSlotsQuery {
	startMs: number;
	endMs: number;
	/** The zone HighLevel writes the slots and their dates in. */
	timeZone?: string;
	userIds?: string[];
}

/** One day of HighLevel's answer: its date key and the free slots' start times as HighLevel wrote them. */
export interface FreeDay {
	date: string;
	slots: string[];
}

const DATE_KEY = /^\d{4}-\d{2}-\d{2}$/;

/** The date-keyed answer ({"2024-10-28": {"slots": [...]}}) as days in date order; other keys (a trace id) are not days. */
function readDays(body: unknown): FreeDay[] {
	if (typeof body !== 'object' || body === null) return [];
	return Object.entries(body as Record<string, { slots?: unknown }>)
		.filter(([date, day]) => DATE_KEY.test(date) && Array.isArray(day?.slots))
		.map(([date, day]) => ({ date, slots: (day.slots as unknown[]).filter((slot): slot is string => typeof slot === 'string') }))
		.sort((a, b) => a.date.localeCompare(b.date));
}

/** [start, end) cut into consecutive ranges of at most 31 days. */
export function splitRange(startMs: number, endMs: number): Array<{ startMs: number; endMs: number }> {
	const parts: Array<{ startMs: number; endMs: number }> = [];
	for (let from = startMs; from < endMs; from += MAX_RANGE_DAYS * DAY_MS) {
		parts.push({ startMs: from, endMs: Math.min(endMs, from + MAX_RANGE_DAYS * DAY_MS) });
	}
	return parts;
}

/** The slots of a day that start in [start, end): HighLevel may answer whole days. */
function slotsInRange(day: FreeDay, query: FreeSlotsQuery): FreeDay {
	const starts = (slot: string) => answerInstant(slot) ?? Number.NaN;
	return { date: day.date, slots: day.slots.filter((slot) => starts(slot) >= query.startMs && starts(slot) < query.endMs) };
}

/**
 * Days from several answers as one list of the days with a slot in the range: a date two answers both have gets
 * the slots of both, once each, in time order.
 */
function mergeDays(days: FreeDay[], query: FreeSlotsQuery): FreeDay[] {
	const byDate = new Map<string, Set<string>>();
	for (const day of days) {
		const slots = byDate.get(day.date) ?? new Set<string>();
		for (const slot of slotsInRange(day, query).slots) slots.add(slot);
		byDate.set(day.date, slots);
	}
	const instant = (slot: string) => answerInstant(slot) ?? 0;
	return [...byDate.entries()]
		.filter(([, slots]) => slots.size > 0)
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([date, slots]) => ({ date, slots: [...slots].sort((a, b) => instant(a) - instant(b)) }));
}

/** GET /calendars/{calendarId}/free-slots over any range: requests of at most 31 days, merged. */
export class FreeSlotsApi {
	constructor(
		private readonly send: SendCall,
		private readonly node: INode,
	) {}

	/** Every day with a free slot in the range: the parts asked for together (Max Requests In Flight still holds). */
	async between(settings: RequestSettings, calendarId: string, query: FreeSlotsQuery): Promise<FreeDay[]> {
		const ranges = splitRange(query.startMs, query.endMs);
		const parts = await Promise.all(ranges.map(async (range) => await this.part(settings, calendarId, query, range)));
		return mergeDays(parts.flat(), query);
	}

	/** The days with a free slot in the range, part after part up to the first that has one (no request after it). */
	async untilFirstSlot(settings: RequestSettings, calendarId: string, query: FreeSlotsQuery): Promise<FreeDay[]> {
		const days: FreeDay[] = [];
		for (const range of splitRange(query.startMs, query.endMs)) {
			const part = await this.part(settings, calendarId, query, range);
			days.push(...part);
			if (part.some((day) => slotsInRange(day, query).slots.length > 0)) break;
		}
		return mergeDays(days, query);
	}

	private async part(
		settings: RequestSettings,
		calendarId: string,
		query: FreeSlotsQuery,
		range: { startMs: number; endMs: number },
	): Promise<FreeDay[]> {
		const path = idPath(this.node, '/calendars', 'calendar', calendarId, '/free-slots');
		const params: IDataObject = { startDate: epochMs(range.startMs), endDate: epochMs(range.endMs) };
		if (query.timeZone) params.timezone = query.timeZone;
		if (query.userIds?.length === 1) params.userId = query.userIds[0];
		// comma-separated, as n8n's own HighLevel node sends it (n8n's HTTP helper would write userIds[0]=…)
		else if (query.userIds && query.userIds.length > 1) params.userIds = query.userIds.join(',');
		return await this.send(settings, { method: 'GET', path, scope: 'calendars.readonly', query: params, read: readDays });
	}
}
