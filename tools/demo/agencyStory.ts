/**
 * The demo's agency story: the agency credential holds the token of the sandbox's OAuth2 dance with its Company app
 * (installed to all sub-accounts and to future ones), a new sub-account appears (`POST /__sandbox/locations`), HighLevel's
 * signed LocationCreate reaches the active workflow's HighLevel Trigger, and the workflow creates its groups with
 * location tokens the node mints.
 */
import type { CredentialToImport, WorkflowToImport } from '../n8n/importData';
import { AGENCY_PER_ITEM, agencyCredentialFields } from '../engine/agency';
import { sandboxAdmin } from '../sandbox/admin-client';
import type { LocationRecord, Sandbox, WebhookDelivery } from '../sandbox/server';

const AGENCY_CREDENTIAL = { name: 'HighLevel sandbox agency', type: 'highLevelCalendarsAgencyOAuth2Api' };
const NODE_TYPE_SUFFIX = '.highLevelCalendars';
const TRIGGER_TYPE_SUFFIX = '.highLevelTrigger';

/** The agency credential with token data from the sandbox's OAuth flow (the editor's Connect button does the same dance). */
export async function agencyCredential(sandbox: Sandbox): Promise<CredentialToImport> {
	return { ...AGENCY_CREDENTIAL, data: await agencyCredentialFields(sandbox, { sandbox_future: 'true' }) };
}

/** The "new sub-account" event, over the sandbox's admin route as HighLevel's agency view would cause it; the sandbox answers once its webhooks were delivered. */
export async function newSubAccount(sandbox: Sandbox, name: string): Promise<{ location: LocationRecord; deliveries: WebhookDelivery[] }> {
	const answer = await sandboxAdmin(sandbox.url, '/locations', { name });
	if (answer.status !== 201) throw new Error(`the sandbox did not add the sub-account (${answer.status}: ${answer.body.message ?? ''})`);
	return answer.body;
}

/**
 * The demo workflow with every Calendar Group node on Authentication "Agency (OAuth2)", its Location ID by ID from the
 * item, and the trigger's Accept Events For (My Sub-Accounts, the default) on the same agency credential.
 */
export function onAgencyCredential(workflow: WorkflowToImport, credentialId: string): WorkflowToImport {
	const agency = { [AGENCY_CREDENTIAL.type]: { id: credentialId, name: AGENCY_CREDENTIAL.name } };
	const nodes = (workflow.nodes as Array<{ type: string; parameters: Record<string, unknown>; credentials?: Record<string, object> }>).map((node) => {
		if (node.type.endsWith(TRIGGER_TYPE_SUFFIX)) {
			const { highLevelCalendarsWebhookKeyApi: key } = node.credentials ?? {};
			return { ...node, parameters: { ...node.parameters, authentication: AGENCY_PER_ITEM.authentication }, credentials: { ...agency, highLevelCalendarsWebhookKeyApi: key } };
		}
		if (!node.type.endsWith(NODE_TYPE_SUFFIX)) return node;
		const locationId = { ...(AGENCY_PER_ITEM.locationId as object), value: node.parameters.locationId };
		return {
			...node,
			parameters: { ...node.parameters, authentication: AGENCY_PER_ITEM.authentication, locationId },
			credentials: agency,
		};
	});
	return { ...workflow, nodes };
}
