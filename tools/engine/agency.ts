/** The node with the agency credential against a sandbox: the credential as n8n holds it after the OAuth2 dance, and each item's Location ID mapped. */
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { HighLevelCalendarsAgencyOAuth2Api } from '../../credentials/HighLevelCalendarsAgencyOAuth2Api.credentials';
import type { AppRecord } from '../sandbox/agency';
import { connect } from '../sandbox/oauth-client';
import { resolveCredentialData } from './credentialData';

const agencyType = new HighLevelCalendarsAgencyOAuth2Api();

/** A sandbox in this process or in its own (tools/sandbox/sandboxProcess.ts): its URL and its agency app. */
interface AgencySandbox {
	url: string;
	app(distribution: 'Company'): AppRecord | Promise<AppRecord>;
}

/** Authentication "Agency (OAuth2)", the Location ID taken from each item's `locationId`. */
export const AGENCY_PER_ITEM: INodeParameters = {
	authentication: 'agencyOAuth2',
	locationId: { __rl: true, mode: 'id', value: '={{ $json.locationId }}' },
};

/**
 * The agency credential's fields as n8n stores them: the app's client id and secret, the sandbox as Base URL, and
 * the token answer of the OAuth2 dance with `app` (default: the Company app); `picks` are the authorize page's
 * sandbox_* choices.
 */
export async function agencyCredentialFields(sandbox: AgencySandbox, picks: Record<string, string> = {}, app?: AppRecord): Promise<ICredentialDataDecryptedObject> {
	app ??= await sandbox.app('Company');
	const oauthTokenData = await connect(sandbox.url, app, picks);
	return { clientId: app.clientId, clientSecret: app.clientSecret, baseUrl: sandbox.url, oauthTokenData };
}

/** The same, resolved as n8n hands it to the node, keyed by credential type for runWorkflow. */
export async function agencyCredentials(sandbox: AgencySandbox, picks: Record<string, string> = {}, app?: AppRecord): Promise<Record<string, ICredentialDataDecryptedObject>> {
	return { [agencyType.name]: await resolveCredentialData(agencyType, await agencyCredentialFields(sandbox, picks, app)) };
}
