import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { HighLevelCalendarsAgencyOAuth2Api } from '../../credentials/HighLevelCalendarsAgencyOAuth2Api.credentials';
import { validateRequest } from '../../tools/contract/openapi';
import { resolveCredentialData } from '../../tools/engine/credentialData';
import { runWorkflow } from '../../tools/engine/runWorkflow';
import { NODE_NAME, singleNodeWorkflow, withContinueOnFail } from '../../tools/engine/workflows';
import { connect } from '../../tools/sandbox/oauth-client';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../tools/sandbox/server';

const COMPANY = 'sandboxCompany0001';
const agencyType = new HighLevelCalendarsAgencyOAuth2Api();

let sandbox: Sandbox;
afterEach(async () => await sandbox?.close());

/** The agency credential as n8n holds it after the OAuth2 dance against the sandbox. */
async function agencyCredentials(picks: Record<string, string> = {}): Promise<Record<string, ICredentialDataDecryptedObject>> {
	const app = sandbox.app('Company');
	const oauthTokenData = await connect(sandbox.url, app, picks);
	const data = await resolveCredentialData(agencyType, {
		clientId: app.clientId,
		clientSecret: app.clientSecret,
		baseUrl: sandbox.url,
		oauthTokenData,
	});
	return { highLevelCalendarsAgencyOAuth2Api: data };
}

function agencyWorkflow(parameters: INodeParameters, items: object[]) {
	return withContinueOnFail(
		singleNodeWorkflow(
			{
				authentication: 'agencyOAuth2',
				locationId: { __rl: true, mode: 'id', value: '={{ $json.locationId }}' },
				...parameters,
			},
			items,
		),
	);
}

const createGroup = { operation: 'create', name: '={{ $json.name }}', description: 'Booked by the agency' };

async function withSandbox(options: SandboxOptions = {}) {
	sandbox = await startSandbox({ port: 0, ...options });
}

describe('Agency (OAuth2): one connection for every sub-account', () => {
	test('fan-out: items for many sub-accounts create groups where the app is installed, one mint per location, one error item per other item', async () => {
		const installed = Array.from({ length: 8 }, (_, i) => `agencyLoc${String(i).padStart(3, '0')}`);
		const without = ['agencyLoc900', 'agencyLoc901'];
		await withSandbox({
			agency: {
				companies: [{ id: COMPANY, locations: [...installed, ...without].map((id) => ({ id })) }],
				apps: [{ distribution: 'Company' }],
			},
		});
		const credentials = await agencyCredentials({ sandbox_locations: installed.join(','), sandbox_future: 'false' });
		const items = [...installed, ...without, ...installed, ...without].map((locationId, i) => ({ locationId, name: `Team ${i}` }));
		const sentBefore = sandbox.requests().length;
		const run = await runWorkflow(agencyWorkflow(createGroup, items), credentials);
		const output = run.output(NODE_NAME) ?? [];
		expect(output.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		const state = sandbox.state();
		const mintRequests = sandbox.requests().filter((request) => request.path === '/oauth/locationToken');
		const mintsOf = (locationId: string) => mintRequests.filter((request) => (request.body as { locationId?: string }).locationId === locationId).length;
		for (const locationId of installed) {
			expect(state.locations[locationId]).toHaveLength(2);
			expect(mintsOf(locationId)).toBe(1);
		}
		const errorItems = output.filter((item) => item.json.error !== undefined);
		expect(errorItems.map((item) => items[(item.pairedItem as { item: number }).item].locationId)).toEqual([...without, ...without]);
		for (const item of errorItems) {
			const { locationId } = items[(item.pairedItem as { item: number }).item];
			expect(item.json.error).toMatch(new RegExp(`^The app is not installed in sub-account "${locationId}"`));
			expect(item.json.description).toMatch(/future sub-accounts/);
		}
		for (const locationId of without) expect(mintsOf(locationId)).toBe(1);
		expect(mintRequests).toHaveLength(installed.length + without.length);
		for (const request of sandbox.requests().slice(sentBefore)) {
			expect(validateRequest(request).errors).toEqual([]);
		}
	});

	test('a new sub-account gets its groups at once when the app goes to future sub-accounts, and a clear error when not', async () => {
		await withSandbox();
		const credentials = await agencyCredentials({ sandbox_future: 'true' });
		const fresh = sandbox.addLocation({ companyId: COMPANY, name: 'New Clinic' });
		const run = await runWorkflow(agencyWorkflow(createGroup, [{ locationId: fresh.id, name: 'Front Desk' }]), credentials);
		expect(run.output(NODE_NAME)?.[0].json).toMatchObject({ locationId: fresh.id, name: 'Front Desk', slug: 'front-desk' });

		const uncovered = sandbox.addLocation({ companyId: COMPANY, name: 'Outside', withApp: false });
		const refused = await runWorkflow(agencyWorkflow(createGroup, [{ locationId: uncovered.id, name: 'Front Desk' }]), credentials);
		expect(refused.output(NODE_NAME)?.[0].json.error).toMatch(new RegExp(`^The app is not installed in sub-account "${uncovered.id}"`));
	});

	test('a location token is reused by the next execution', async () => {
		await withSandbox();
		const credentials = await agencyCredentials();
		const getMany = { operation: 'getAll', returnAll: true };
		const items = [{ locationId: 'sandboxLocation0001' }];
		await runWorkflow(agencyWorkflow(getMany, items), credentials);
		await runWorkflow(agencyWorkflow(getMany, items), credentials);
		expect(sandbox.state().oauth.mintsByLocation.sandboxLocation0001).toBe(1);
	});

	test('a sub-account token in the agency credential is refused before any request, naming the fix', async () => {
		await withSandbox();
		const app = sandbox.app('Location');
		const oauthTokenData = await connect(sandbox.url, app);
		const credentials = {
			highLevelCalendarsAgencyOAuth2Api: await resolveCredentialData(agencyType, { clientId: app.clientId, clientSecret: app.clientSecret, baseUrl: sandbox.url, oauthTokenData }),
		};
		const before = sandbox.requests().length;
		const run = await runWorkflow(agencyWorkflow({ operation: 'getAll', returnAll: true }, [{ locationId: 'sandboxLocation0001' }]), credentials);
		expect(run.output(NODE_NAME)?.[0].json).toMatchObject({
			error: 'The agency credential holds no agency (Company) token',
			description: expect.stringMatching(/Distribution: Agency/),
		});
		expect(sandbox.requests().length).toBe(before);
	});

	test('a sub-account outside the agency is named in the error', async () => {
		await withSandbox();
		const credentials = await agencyCredentials();
		const run = await runWorkflow(agencyWorkflow({ operation: 'getAll', returnAll: true }, [{ locationId: 'someoneElsesLocation' }]), credentials);
		expect(run.output(NODE_NAME)?.[0].json).toMatchObject({
			error: expect.stringMatching(/^Sub-account "someoneElsesLocation" is not reachable with this agency credential/),
			description: expect.stringMatching(/only its own agency's sub-accounts/),
		});
	});

	test('an empty Location ID names the item', async () => {
		await withSandbox();
		const credentials = await agencyCredentials();
		const run = await runWorkflow(agencyWorkflow({ operation: 'getAll', returnAll: true }, [{ locationId: '' }]), credentials);
		expect(run.output(NODE_NAME)?.[0].json).toMatchObject({ error: 'Location ID is empty in item 0' });
	});
});
