import { isRefusal } from '../verification/refusal';
import { checkSharedSecret } from '../verification/sharedSecret';
import { parseEvent } from './rawEvent';
import type { Verdict } from './verdict';

export interface ActionSecret {
	headerName: string;
	secret: string;
}

/** A HighLevel workflow action's post: the shared secret in the header the user named, then the JSON body. */
export function judgeActionDelivery(raw: Buffer, headerValue: string | undefined, expected: ActionSecret): Verdict {
	const secretCheck = checkSharedSecret(headerValue, expected.secret, expected.headerName);
	if (isRefusal(secretCheck)) {
		return secretCheck;
	}
	const event = parseEvent(raw);
	return isRefusal(event) ? event : { start: event };
}
