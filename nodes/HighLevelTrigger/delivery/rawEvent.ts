import type { IDataObject } from 'n8n-workflow';

import { Refusal } from '../verification/refusal';

/** The bytes n8n received, as n8n kept them; without them nothing can be verified, so nothing is let in. */
export function receivedBytes(request: { rawBody?: unknown }): Buffer | Refusal {
	const { rawBody } = request;
	if (!Buffer.isBuffer(rawBody)) {
		return new Refusal('raw body not available');
	}
	return rawBody;
}

/** The event as sent: the JSON object those bytes hold. */
export function parseEvent(raw: Buffer): IDataObject | Refusal {
	let value: unknown;
	try {
		value = JSON.parse(raw.toString('utf8'));
	} catch {
		return new Refusal('body is not JSON');
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return new Refusal('body is not a JSON object');
	}
	return value as IDataObject;
}
