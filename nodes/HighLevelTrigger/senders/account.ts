import type { IDataObject } from 'n8n-workflow';

/** Whose deliveries a trigger lets in, as the chosen HighLevel credential says. */
export interface Account {
	/** a sub-account credential's sub-account */
	locationId?: string;
	/** the credential's agency (agency OAuth2; a sub-account OAuth2 token's company) */
	companyId?: string;
	/** the marketplace app whose OAuth2 credential it is; '' when its Client ID does not name it */
	appId?: string;
	/** agency credentials: whether the sub-account is the agency's (true), or why that is not known */
	agencyHas?: (locationId: string) => Promise<true | string>;
}

/** The events HighLevel sends about an app itself: they carry its `appId`. */
const appEvents = new Set(['INSTALL', 'UNINSTALL', 'PLAN_CHANGE']);

/** LocationCreate and LocationUpdate name their sub-account in `id`; every other event in `locationId`. */
const locationInId = new Set(['LocationCreate', 'LocationUpdate']);

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** The sub-account and the agency an event names, if it names them. */
export function namedAccount(event: IDataObject): { locationId?: string; companyId?: string } {
	const type = String(event.type);
	return { locationId: text(locationInId.has(type) ? event.id : event.locationId), companyId: text(event.companyId) };
}

export const namesNoAccount = 'the event names neither a sub-account (locationId) nor an agency (companyId)';

/**
 * Why a signed event is not for this account, or undefined when it is: an app event must be the credential's app's;
 * a `companyId` must be the credential's agency (when the credential knows it). For an agency that is enough (HighLevel
 * signed the company with the event); an event naming only a sub-account must name one of the agency's. For a
 * sub-account credential the event must name its sub-account.
 */
export async function notForAccount(event: IDataObject, account: Account): Promise<string | undefined> {
	const { locationId, companyId } = namedAccount(event);
	if (!locationId && !companyId) {
		return namesNoAccount;
	}
	if (appEvents.has(String(event.type)) && account.appId !== undefined && event.appId !== account.appId) {
		return account.appId === ''
			? "the credential's Client ID does not name its app (<app id>-<suffix>), so no app event is let in"
			: `appId ${String(event.appId)} is not the credential's app`;
	}
	if (companyId && account.companyId !== undefined && companyId !== account.companyId) {
		return `companyId ${companyId} is not the credential's agency`;
	}
	if (account.agencyHas) {
		if (companyId) {
			return undefined;
		}
		const has = await account.agencyHas(locationId as string);
		return has === true ? undefined : has;
	}
	if (!locationId) {
		return "the event names only an agency (companyId) and the credential is a sub-account's";
	}
	return locationId === account.locationId ? undefined : `sub-account ${locationId} is not the credential's`;
}

/** These IDs: the event's sub-account or its agency must be listed. */
export function notListed(event: IDataObject, ids: ReadonlySet<string>): string | undefined {
	const { locationId, companyId } = namedAccount(event);
	if (!locationId && !companyId) {
		return namesNoAccount;
	}
	if ((locationId && ids.has(locationId)) || (companyId && ids.has(companyId))) {
		return undefined;
	}
	return `neither sub-account ${locationId ?? '(none)'} nor agency ${companyId ?? '(none)'} is in These IDs`;
}
