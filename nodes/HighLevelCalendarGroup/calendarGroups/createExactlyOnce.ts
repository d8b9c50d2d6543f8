import { NodeApiError, sleep } from 'n8n-workflow';

import type { CalendarGroupsApi, GroupFields } from './api';
import { backoffMs } from '../transport/retryPolicy';
import type { CalendarGroup, ItemTarget } from './types';

/** A 5xx, a timeout or a dropped connection: the create may or may not have happened. */
function mayHaveHappened(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	return !error.httpCode || error.httpCode.startsWith('5');
}

/**
 * Creates a group, never blindly twice: after an ambiguous failure it lists the location and
 * returns the group if the create did happen, and tries again only if it did not.
 */
export async function createExactlyOnce(
	api: CalendarGroupsApi,
	target: ItemTarget,
	fields: GroupFields,
	isActive: boolean,
): Promise<CalendarGroup> {
	for (let attempt = 0; ; attempt++) {
		let failure: unknown;
		try {
			return await api.create(target, fields, isActive);
		} catch (error) {
			failure = error;
		}
		// api.create throws only NodeApiError and NodeOperationError, handed on unchanged
		if (!mayHaveHappened(failure) || attempt >= target.maxRetries) throw failure;
		const created = (await api.list(target)).find((group) => group.slug === fields.slug);
		if (created) return created;
		await sleep(backoffMs(attempt));
	}
}
