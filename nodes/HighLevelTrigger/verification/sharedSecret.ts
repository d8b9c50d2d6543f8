import { createHash, timingSafeEqual } from 'crypto';

import { Refusal } from './refusal';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** The workflow action's secret header against the credential's, in constant time (digests of equal length). */
export function checkSharedSecret(
	headerValue: string | undefined,
	expected: string,
	headerName: string,
): true | Refusal {
	if (expected === '') {
		return new Refusal('the credential holds no secret');
	}
	if (headerValue === undefined || headerValue === '') {
		return new Refusal(`${headerName} header missing`);
	}
	if (!timingSafeEqual(digest(headerValue), digest(expected))) {
		return new Refusal(`${headerName} header does not match`);
	}
	return true;
}
