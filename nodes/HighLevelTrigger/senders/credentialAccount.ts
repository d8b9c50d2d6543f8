import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { checkBaseUrl } from '../../HighLevelCalendars/transport/baseUrl';
import { credentialTypeFor, type Authentication } from '../../HighLevelCalendars/transport/connection';
import { LOCATION_TOKEN_API_VERSION } from '../../HighLevelCalendars/transport/credentialTest';
import { fromCredential } from '../webhook/credentialReads';
import type { Account } from './account';
import { agencyHas } from './agencyLocations';

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** HighLevel's Client IDs are the app's id, a hyphen and a suffix. */
export function appIdOf(clientId: unknown): string {
	return /^([^-\s]+)-[^-\s]+$/.exec(text(clientId))?.[1] ?? '';
}

const installedLocationsPage = 100;

/** The agency's sub-accounts, as HighLevel's installed-locations endpoint lists them for the app, page by page. */
function installedLocations(context: IWebhookFunctions, baseUrl: string, companyId: string, appId: string) {
	return async (): Promise<string[]> => {
		const ids: string[] = [];
		for (let skip = 0; ; skip += installedLocationsPage) {
			const answer = (await context.helpers.httpRequestWithAuthentication.call(context, credentialTypeFor('agencyOAuth2'), {
				method: 'GET',
				url: `${baseUrl}/oauth/installedLocations`,
				qs: { companyId, appId, skip: String(skip), limit: String(installedLocationsPage) },
				headers: { Version: LOCATION_TOKEN_API_VERSION, Accept: 'application/json' },
				json: true,
			})) as { locations?: Array<{ _id?: unknown }>; count?: unknown };
			const page = (answer.locations ?? []).map((location) => text(location._id)).filter((id) => id !== '');
			ids.push(...page);
			if (page.length < installedLocationsPage || ids.length >= Number(answer.count ?? 0)) {
				return ids;
			}
		}
	};
}

/** What the account check takes from the credential: ids and where HighLevel is, no token. */
type AccountFacts = Omit<Account, 'agencyHas'> & { agencyBaseUrl?: string };

async function readFacts(context: IWebhookFunctions, authentication: Authentication): Promise<AccountFacts | string> {
	const credentials = await context.getCredentials<IDataObject>(credentialTypeFor(authentication));
	if (authentication === 'privateIntegrationToken') {
		return { locationId: text(credentials.locationId) };
	}
	const tokenData = (credentials.oauthTokenData ?? {}) as IDataObject;
	const appId = appIdOf(credentials.clientId);
	const companyId = text(tokenData.companyId) || undefined;
	if (authentication === 'oAuth2') {
		return { locationId: text(tokenData.locationId), companyId, appId };
	}
	const baseUrl = checkBaseUrl(credentials.baseUrl);
	if (tokenData.userType !== 'Company' || !companyId) {
		return 'the agency credential holds no agency (Company) token';
	}
	if ('refused' in baseUrl) {
		return baseUrl.refused;
	}
	if (appId === '') {
		return "the agency credential's Client ID does not name its app (<app id>-<suffix>)";
	}
	return { companyId, appId, agencyBaseUrl: baseUrl.url };
}

/** The account the chosen HighLevel credential stands for, or why it stands for none. */
export async function credentialAccount(
	context: IWebhookFunctions,
	authentication: Authentication,
	triggerKey: string,
): Promise<Account | string> {
	const facts = await fromCredential(context, credentialTypeFor(authentication), async () => await readFacts(context, authentication), Date.now());
	if (typeof facts === 'string' || facts.agencyBaseUrl === undefined) {
		return facts;
	}
	const { companyId = '', appId = '', agencyBaseUrl } = facts;
	const read = installedLocations(context, agencyBaseUrl, companyId, appId);
	return {
		companyId,
		appId,
		agencyHas: async (locationId) => await agencyHas(triggerKey, { companyId, appId }, locationId, read, Date.now()),
	};
}
