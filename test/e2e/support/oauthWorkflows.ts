/**
 * The workflows of the OAuth2 e2e tests: the package's node with the sub-account OAuth2 credential or the agency one.
 */
import { NODE_TYPE, chain, codeItems, type CredRef, type Workflow } from './workflows';

export const SUB_CRED_TYPE = 'highLevelCalendarsOAuth2Api';
export const AGENCY_CRED_TYPE = 'highLevelCalendarsAgencyOAuth2Api';

export type OAuthKind = 'sub' | 'agency';

export interface OAuthCred extends CredRef {
	kind: OAuthKind;
}

const agencyLocation = (value: string) => ({ __rl: true, mode: 'id', value });

/** The package's node with an OAuth2 credential; the agency one takes each item's `locationId`. */
function hlOAuth(name: string, cred: OAuthCred, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) {
	const credentials: Record<string, CredRef> = { [cred.kind === 'sub' ? SUB_CRED_TYPE : AGENCY_CRED_TYPE]: { id: cred.id, name: cred.name } };
	const auth: Record<string, unknown> =
		cred.kind === 'sub' ? { authentication: 'oAuth2' } : { authentication: 'agencyOAuth2', locationId: agencyLocation('={{ $json.locationId }}') };
	return {
		name,
		parameters: { ...auth, resource: 'calendarGroup', options: {}, ...parameters },
		credentials,
		...extra,
	};
}

const create = { operation: 'create', name: '={{ $json.name }}', description: 'Created through OAuth2', slug: '' };

/** Create and Get Many with each credential: the sub-account's own location; the agency's items for two sub-accounts. */
export function danceWorkflow(sub: OAuthCred, agency: OAuthCred, agencyLocations: [string, string]): Workflow {
	return chain('oauth 1: create and get many with both credentials', [
		codeItems('Sub-account rows', [{ name: 'OAuth Sub One' }, { name: 'OAuth Sub Two' }]),
		hlOAuth('Create (sub-account)', sub, create),
		hlOAuth('Get Many (sub-account)', sub, { operation: 'getAll', returnAll: true, filters: {} }, { executeOnce: true }),
		codeItems(
			'Agency rows',
			agencyLocations.map((locationId, i) => ({ locationId, name: `OAuth Agency ${i + 1}` })),
		),
		hlOAuth('Create (agency)', agency, create),
		hlOAuth('Get Many (agency)', agency, { operation: 'getAll', returnAll: true, filters: {} }),
	]);
}

export interface Branch {
	/** the Create node's name */
	node: string;
	cred: OAuthCred;
}

/**
 * Manual Trigger → `count` rows → one Create per branch (Continue On Fail, default Max Requests In Flight), each fed
 * the same rows; n8n runs the branches one after the other. Agency rows spread over `locations`; group names are
 * the node's name, the label and the row's number.
 */
export function bulkCreateWorkflow(name: string, count: number, locations: string[], branches: Branch[], label = ''): Workflow {
	const rows = `const locations = ${JSON.stringify(locations)};
return Array.from({ length: ${count} }, (_, i) => ({ json: { n: String(i + 1).padStart(3, '0'), locationId: locations[i % locations.length] } }));`;
	const trigger = { id: 'trigger', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	const rowsNode = { id: 'rows', name: 'Rows', type: 'n8n-nodes-base.code', typeVersion: 2, position: [220, 0], parameters: { jsCode: rows } };
	const creates = branches.map((branch, i) => ({
		...hlOAuth(branch.node, branch.cred, { ...create, name: `=${branch.node}${label} {{ $json.n }}` }, { onError: 'continueRegularOutput' }),
		id: `create-${i}`,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [440, 200 * i],
	}));
	return {
		name,
		nodes: [trigger, rowsNode, ...creates] as Workflow['nodes'],
		connections: {
			Start: { main: [[{ node: 'Rows', type: 'main', index: 0 }]] },
			Rows: { main: [creates.map((c) => ({ node: c.name, type: 'main' as const, index: 0 }))] },
		},
	};
}
