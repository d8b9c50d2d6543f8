import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { describeInstant } from '../../shared/dates';

export type SlotTakenPolicy = 'fail' | 'bookNextFreeSlot';

export const DEFAULT_SEARCH_DAYS = 7;

/** Book's options If Slot Is Taken and Search Days. */
export const slotTakenOptions: INodeProperties[] = [
	{
		displayName: 'If Slot Is Taken',
		name: 'onSlotTaken',
		type: 'options',
		default: 'fail',
		options: [
			{ name: 'Fail', value: 'fail', description: 'Stop with an error naming the calendar, the time and the contact' },
			{
				name: 'Book the Next Free Slot',
				value: 'bookNextFreeSlot',
				description: "Book the calendar's first free slot after the time asked for, within Search Days",
			},
		],
	},
	{
		displayName: 'Search Days',
		name: 'searchDays',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 365 },
		default: DEFAULT_SEARCH_DAYS,
		description: 'With Book the Next Free Slot: how many days after the time asked for to look for a free slot',
	},
];

/** HighLevel's refusal of a time that is not free ("The slot you have selected is no longer available"). */
export function isSlotTaken(error: unknown): error is NodeApiError {
	if (!(error instanceof NodeApiError)) return false;
	return ['400', '409', '422'].includes(String(error.httpCode)) && /slot|not available|no longer available/i.test(error.message);
}

export interface SlotRequest {
	calendar: string;
	contactId: string;
	startMs: number;
	timeZone: string;
	itemIndex: number;
}

/** If Slot Is Taken → Fail: what was asked, and what HighLevel answered. */
export function slotTakenError(ctx: IExecuteFunctions, request: SlotRequest, answer: NodeApiError, searched?: number): NodeOperationError {
	const when = describeInstant(request.startMs, request.timeZone);
	const what = searched === undefined ? 'is not free' : `is not free, nor any slot in the ${searched} days after it`;
	return new NodeOperationError(
		ctx.getNode(),
		`${when} in calendar ${request.calendar} ${what} for contact "${request.contactId}" (item ${request.itemIndex})`,
		{
			itemIndex: request.itemIndex,
			description: `HighLevel answered: ${answer.message}. Pick another time (Calendar > Get Free Slots lists the free ones), or set Options > If Slot Is Taken to Book the Next Free Slot.`,
		},
	);
}
