/**
 * The demo's agency story: the agency credential holds the token of the sandbox's OAuth2 dance with its Company app
 * (installed to all sub-accounts and to future ones), a new sub-account appears (`POST /__sandbox/locations`), and the
 * workflow, fed by the CRM event that reports it, creates its groups with location tokens the node mints.
 */
import type { CredentialToImport, WorkflowToImport } from '../n8n/importData';
import { AGENCY_PER_ITEM, agencyCredentialFields } from '../engine/agency';
import type { LocationRecord, Sandbox } from '../sandbox/server';

const AGENCY_CREDENTIAL = { name: 'HighLevel sandbox agency', type: 'highLevelCalendarsAgencyOAuth2Api' };
const NODE_TYPE_SUFFIX = '.highLevelCalendarGroup';

/** The agency credential with token data from the sandbox's OAuth flow (the editor's Connect button does the same dance). */
export async function agencyCredential(sandbox: Sandbox): Promise<CredentialToImport> {
	return { ...AGENCY_CREDENTIAL, data: await agencyCredentialFields(sandbox, { sandbox_future: 'true' }) };
}

/** The "new sub-account" event, over the sandbox's admin route as a CRM's back office would cause it. */
export async function newSubAccount(sandbox: Sandbox, name: string): Promise<LocationRecord> {
	const answer = await fetch(`${sandbox.url}/__sandbox/locations`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ name }),
	});
	const body = (await answer.json()) as { location?: LocationRecord; message?: string };
	if (answer.status !== 201 || !body.location) throw new Error(`the sandbox did not add the sub-account (${answer.status}: ${body.message ?? ''})`);
	return body.location;
}

/** The demo workflow with every Calendar Group node on Authentication "Agency (OAuth2)", its Location ID by ID from the item. */
export function onAgencyCredential(workflow: WorkflowToImport, credentialId: string): WorkflowToImport {
	const nodes = (workflow.nodes as Array<{ type: string; parameters: Record<string, unknown>; credentials?: object }>).map((node) => {
		if (!node.type.endsWith(NODE_TYPE_SUFFIX)) return node;
		const locationId = { ...(AGENCY_PER_ITEM.locationId as object), value: node.parameters.locationId };
		return {
			...node,
			parameters: { ...node.parameters, authentication: AGENCY_PER_ITEM.authentication, locationId },
			credentials: { [AGENCY_CREDENTIAL.type]: { id: credentialId, name: AGENCY_CREDENTIAL.name } },
		};
	});
	return { ...workflow, nodes };
}
