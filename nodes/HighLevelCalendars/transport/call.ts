import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import type { RequestSettings } from './requestSettings';

/** One request to HighLevel, and how to read and repeat it. */
export interface HighLevelCall<T> {
	method: IHttpRequestMethods;
	path: string;
	/** The scope HighLevel requires, named when it refuses the token. */
	scope: string;
	/** The Version header, when the route takes another than the item's API Version. */
	version?: string;
	query?: IDataObject;
	/** A JSON body (an array where HighLevel takes several records at once). */
	body?: IDataObject | IDataObject[];
	/** A form-encoded body. */
	form?: Record<string, string>;
	/** Whose rate limit the call counts against: the item's location unless named (a company). */
	limitOwner?: string;
	/** The result in HighLevel's answer, or undefined when the answer lacks it. */
	read: (body: unknown) => T | undefined;
	/** What `read` looks for, named when the answers lacked it (calls whose `read` always finds one omit it). */
	expects?: string;
	/**
	 * Only for a call that must not be sent twice blindly (create): after a failure that leaves it
	 * unknown whether the call took effect, finds its result (it did) or undefined (it did not, so
	 * it is sent again while Max Retries allows). Looked for after the last attempt too. Calls
	 * without it are safe to repeat.
	 */
	findEffect?: () => Promise<T | undefined>;
	/** The result when a repeat is answered 404: an earlier attempt did it (delete). */
	resultIfGone?: T;
}

export type SendCall = <T>(settings: RequestSettings, call: HighLevelCall<T>) => Promise<T>;
