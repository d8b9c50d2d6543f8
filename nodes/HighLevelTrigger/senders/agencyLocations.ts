/** How often an unknown sub-account may make the trigger read the agency's sub-accounts again. */
export const agencyRefreshMs = 60_000;

/** Reads the ids of the agency's sub-accounts from HighLevel. */
export type ReadAgencyLocations = () => Promise<string[]>;

interface Known {
	/** which agency and app the ids are of */
	of: string;
	ids: Set<string>;
	readAtMs: number;
	/** why the last read failed */
	failure?: string;
	reading?: Promise<void>;
}

const known = new Map<string, Known>();

/**
 * The agency's sub-accounts, kept per trigger and read again at most once a minute, when an id not among them
 * arrives (a sub-account created since); deliveries that arrive during a read wait for that one read.
 */
export async function agencyHas(
	triggerKey: string,
	agency: { companyId: string; appId: string },
	locationId: string,
	read: ReadAgencyLocations,
	nowMs: number,
): Promise<true | string> {
	const of = `${agency.companyId}:${agency.appId}`;
	let entry = known.get(triggerKey);
	if (entry?.of !== of) {
		entry = { of, ids: new Set(), readAtMs: Number.NEGATIVE_INFINITY };
		known.set(triggerKey, entry);
	}
	if (!entry.ids.has(locationId) && (entry.reading || nowMs - entry.readAtMs >= agencyRefreshMs)) {
		const current = entry;
		current.reading ??= refresh(current, read, nowMs).finally(() => {
			current.reading = undefined;
		});
		await current.reading;
	}
	if (entry.ids.has(locationId)) {
		return true;
	}
	return entry.failure
		? `the agency's sub-accounts could not be read: ${entry.failure}`
		: `sub-account ${locationId} is not one of the agency's`;
}

async function refresh(entry: Known, read: ReadAgencyLocations, nowMs: number): Promise<void> {
	entry.readAtMs = nowMs;
	try {
		entry.ids = new Set(await read());
		entry.failure = undefined;
	} catch (error) {
		entry.failure = (error as Error).message;
	}
}
