import type { IExecuteFunctions } from 'n8n-workflow';

import { requireText } from '../../shared/validation';

/** The calendar's ID the item names (From List and By ID both give it). */
export function readCalendarId(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireText(ctx.getNode(), ctx.getNodeParameter('calendar', itemIndex, '', { extractValue: true }), 'Calendar', itemIndex);
}
