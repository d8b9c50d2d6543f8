import type { ICredentialDataDecryptedObject, ICredentialType, IDataObject, IHttpRequestOptions, INode, INodeParameters, INodeType, INodeTypes } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

const CREDENTIAL_NODE: INode = {
	id: 'credential',
	name: 'credential',
	type: 'credential.mock',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** The mock node n8n resolves credential expressions on: it has no parameters of its own. */
const MOCK_NODE_TYPE = { description: { properties: [] } } as unknown as INodeType;
const MOCK_NODE_TYPES: INodeTypes = {
	getByName: () => MOCK_NODE_TYPE,
	getByNameAndVersion: () => MOCK_NODE_TYPE,
	getKnownTypes: () => ({}),
};

async function resolveExpressions<T>(value: T, additionalKeys: IDataObject, self?: INodeParameters): Promise<T> {
	const workflow = new Workflow({ nodes: [CREDENTIAL_NODE], connections: {}, active: false, nodeTypes: MOCK_NODE_TYPES });
	await workflow.expression.acquireIsolate();
	try {
		return workflow.expression.getComplexParameterValue(CREDENTIAL_NODE, value as unknown as INodeParameters, 'internal', additionalKeys, undefined, undefined, self) as T;
	} finally {
		await workflow.expression.releaseIsolate();
	}
}

/**
 * A credential's data as n8n hands it to its OAuth2 client: the type's defaults applied and the expressions
 * resolved with `$self` = the credential's own fields (what n8n's CredentialsHelper.applyDefaultsAndOverwrites does).
 */
export async function resolveCredentialData(type: ICredentialType, data: ICredentialDataDecryptedObject): Promise<ICredentialDataDecryptedObject> {
	const withDefaults = NodeHelpers.getNodeParameters(type.properties, data as INodeParameters, true, false, null, null) as INodeParameters;
	// the fields of the parent type (oAuth2Api: clientId, clientSecret, oauthTokenData …) pass through as given
	return { ...data, ...(await resolveExpressions(withDefaults as ICredentialDataDecryptedObject, {}, withDefaults)) };
}

/** The credential's test request with its `$credentials` expressions resolved, as n8n's routing node does. */
export async function resolveCredentialTestRequest(type: ICredentialType, data: ICredentialDataDecryptedObject): Promise<IHttpRequestOptions> {
	if (!type.test) throw new Error(`${type.name} has no test request`);
	const credentials = await resolveCredentialData(type, data);
	return resolveExpressions(type.test.request as IHttpRequestOptions, { $credentials: credentials });
}
