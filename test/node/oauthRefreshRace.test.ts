/**
 * The node when n8n's OAuth2 refresh loses a race (as in n8n 1.x, which takes no refresh lock: requests that get 401
 * at once each refresh with the refresh token they loaded, and HighLevel's refresh tokens work once). Modelled here
 * in n8n-core's engine against the sandbox: another process refreshed the credential first, and its stored token
 * becomes readable only after this process's refresh was refused.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { HighLevelCalendarsOAuth2Api } from '../../credentials/HighLevelCalendarsOAuth2Api.credentials';
import { resolveCredentialData } from '../../tools/engine/credentialData';
import { TestCredentialsHelper } from '../../tools/engine/credentialsHelper';
import { runWorkflow } from '../../tools/engine/runWorkflow';
import { NODE_NAME, singleNodeWorkflow, withContinueOnFail } from '../../tools/engine/workflows';
import { connect, refresh } from '../../tools/sandbox/oauth-client';
import { startSandbox, type Sandbox } from '../../tools/sandbox/server';

const TYPE = 'highLevelCalendarsOAuth2Api';
const LIFETIME_SECONDS = 60;

let sandbox: Sandbox;
afterEach(async () => await sandbox?.close());

/** Serves the token this process loaded until the sandbox has refused a reused refresh token, then the winner's. */
class StoreWrittenByTheWinner extends TestCredentialsHelper {
	constructor(
		private readonly loaded: ICredentialDataDecryptedObject,
		private readonly stored: ICredentialDataDecryptedObject,
	) {
		super({ [TYPE]: loaded });
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		return { ...(sandbox.state().oauth.refusedRefreshReuses > 0 ? this.stored : this.loaded) };
	}
}

/** The sub-account credential after the dance, its access token expired, and the same credential as another process refreshed it. */
async function raceLostToAnotherProcess(revokeOnRefreshReuse: boolean) {
	let now = Date.now();
	sandbox = await startSandbox({ port: 0, clock: () => now, oauth: { accessTokenLifetimeSeconds: LIFETIME_SECONDS, revokeOnRefreshReuse } });
	const app = sandbox.app('Location');
	const loadedToken = await connect(sandbox.url, app);
	now += (LIFETIME_SECONDS + 1) * 1000;
	const winner = await refresh(sandbox.url, app, loadedToken.refresh_token as string);
	expect(winner.status).toBe(200);
	const credential = (oauthTokenData: IDataObject) =>
		resolveCredentialData(new HighLevelCalendarsOAuth2Api(), { clientId: app.clientId, clientSecret: app.clientSecret, baseUrl: sandbox.url, oauthTokenData });
	const loaded = await credential(loadedToken);
	return { loaded, helper: new StoreWrittenByTheWinner(loaded, await credential(winner.body as IDataObject)) };
}

const createOne = withContinueOnFail(
	singleNodeWorkflow({ authentication: 'oAuth2', resource: 'calendarGroup', operation: 'create', name: 'Race Team', description: 'After a lost refresh', options: {} }),
);

describe('OAuth2: n8n\'s refresh refused because another refresh used the single-use refresh token first', () => {
	test('single-use refresh tokens: the request is sent once more and goes out with the token the winner stored', async () => {
		const { loaded, helper } = await raceLostToAnotherProcess(false);
		const run = await runWorkflow(createOne, { [TYPE]: loaded }, helper);

		expect(sandbox.state().oauth).toEqual(expect.objectContaining({ refreshes: 1, refusedRefreshReuses: 1 }));
		const [item] = run.output(NODE_NAME) ?? [];
		expect(item.json).toEqual(expect.objectContaining({ name: 'Race Team', slug: 'race-team' }));
		expect(Object.values(sandbox.state().locations).flat().map((g) => g.name)).toEqual(['Race Team']);
	});

	test('revoke-on-reuse: the credential is dead; the item says the token could not be refreshed and to reconnect', async () => {
		const { loaded, helper } = await raceLostToAnotherProcess(true);
		const run = await runWorkflow(createOne, { [TYPE]: loaded }, helper);

		const [item] = run.output(NODE_NAME) ?? [];
		expect(item.json).toEqual({
			error: "The OAuth2 token could not be refreshed (HighLevel's token endpoint: Invalid grant: refresh token is invalid)",
			description: expect.stringMatching(/^HighLevel refresh tokens work once\. .* Reconnect the credential/),
		});
		expect(Object.values(sandbox.state().locations).flat()).toEqual([]);
	});
});
