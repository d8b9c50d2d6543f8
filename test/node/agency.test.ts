import type { INodeParameters } from 'n8n-workflow';

import { validateRequest } from '../../tools/contract/openapi';
import { AGENCY_PER_ITEM, agencyCredentials as connectAgency } from '../../tools/engine/agency';
import { runWorkflow } from '../../tools/engine/runWorkflow';
import { leakedSecrets } from '../../tools/engine/secrets';
import { NODE_NAME, singleNodeWorkflow, withContinueOnFail } from '../../tools/engine/workflows';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../tools/sandbox/server';

const COMPANY = 'sandboxCompany0001';

let sandbox: Sandbox;
afterEach(async () => await sandbox?.close());

/** The agency credential as n8n holds it after the OAuth2 dance against the sandbox. */
const agencyCredentials = async (picks: Record<string, string> = {}) => await connectAgency(sandbox, picks);

function agencyWorkflow(parameters: INodeParameters, items: object[]) {
	return withContinueOnFail(singleNodeWorkflow({ ...AGENCY_PER_ITEM, ...parameters }, items));
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

	describe('a location token HighLevel refuses', () => {
		const LOCATION = 'sandboxLocation0001';
		const getMany = { operation: 'getAll', returnAll: true };
		const groupRequests = () => sandbox.requests().filter((request) => request.path === '/calendars/groups');

		test('is minted again once after a 401 on a group route, and the item succeeds', async () => {
			await withSandbox();
			const credentials = await agencyCredentials();
			await runWorkflow(agencyWorkflow(getMany, [{ locationId: LOCATION }]), credentials);
			expect(sandbox.revokeTokens({ locationId: LOCATION })).toBe(1);
			const before = groupRequests().length;
			const run = await runWorkflow(agencyWorkflow(createGroup, [{ locationId: LOCATION, name: 'After Revoke' }]), credentials);
			expect(run.output(NODE_NAME)?.[0].json).toMatchObject({ locationId: LOCATION, name: 'After Revoke' });
			expect(sandbox.state().oauth.mintsByLocation[LOCATION]).toBe(2);
			expect(groupRequests().slice(before).map((request) => request.status)).toEqual([401, 200, 201]);
		});

		test('refused for many items of its location at once, is minted again once for all of them', async () => {
			await withSandbox();
			const credentials = await agencyCredentials();
			await runWorkflow(agencyWorkflow(getMany, [{ locationId: LOCATION }]), credentials);
			sandbox.revokeTokens({ locationId: LOCATION });
			const items = Array.from({ length: 30 }, (_, i) => ({ locationId: LOCATION, slug: `chair-${i}` }));
			const before = sandbox.requests().length;
			const run = await runWorkflow(agencyWorkflow({ operation: 'checkSlug', slug: '={{ $json.slug }}' }, items), credentials);
			expect((run.output(NODE_NAME) ?? []).map((item) => item.json)).toEqual(items.map(({ slug }) => ({ slug, available: true })));
			const refusals = sandbox.requests().slice(before).filter((request) => request.status === 401);
			expect(refusals.length).toBeGreaterThan(1);
			expect(sandbox.state().oauth.mintsByLocation[LOCATION]).toBe(2);
		});

		test('refused again right after the new mint, fails the item with a clear message instead of looping', async () => {
			await withSandbox();
			const credentials = await agencyCredentials();
			sandbox.revokeTokens({ locationId: LOCATION, alsoLater: true });
			const items = [{ locationId: LOCATION, name: 'Refused' }, { locationId: 'sandboxLocation0002', name: 'Elsewhere' }];
			const run = await runWorkflow(agencyWorkflow(createGroup, items), credentials);
			const [refused, other] = run.output(NODE_NAME) ?? [];
			expect(refused.json).toEqual({
				error: `HighLevel refused the token of sub-account "${LOCATION}", also the one minted again right after (HighLevel: Invalid token: access token is invalid)`,
				description: `Check in HighLevel that the agency app is still installed in sub-account "${LOCATION}" (HighLevel Marketplace > the app), then reconnect the agency credential and run the item again.`,
			});
			expect(other.json).toMatchObject({ locationId: 'sandboxLocation0002', name: 'Elsewhere' });
			expect(sandbox.state().oauth.mintsByLocation[LOCATION]).toBe(2);
			expect(sandbox.state().locations[LOCATION]).toEqual([]);
			expect(groupRequests().filter((request) => request.query.locationId === LOCATION).map((request) => request.status)).toEqual([401, 401]);
			expect(leakedSecrets(run.output(NODE_NAME), sandbox.issuedSecrets())).toEqual([]);

			const stopped = await runWorkflow(singleNodeWorkflow({ ...AGENCY_PER_ITEM, ...createGroup }, [items[0]]), credentials);
			expect(stopped.error(NODE_NAME)?.message).toBe(refused.json.error);
			expect(leakedSecrets(stopped.error(NODE_NAME), sandbox.issuedSecrets())).toEqual([]);
		});
	});

	test('many items of one location at once share one mint', async () => {
		await withSandbox();
		const credentials = await agencyCredentials();
		const items = Array.from({ length: 40 }, (_, i) => ({ locationId: 'sandboxLocation0002', name: `Desk ${i}` }));
		const run = await runWorkflow(agencyWorkflow(createGroup, items), credentials);
		expect((run.output(NODE_NAME) ?? []).filter((item) => item.json.error !== undefined)).toEqual([]);
		expect(sandbox.state().oauth).toMatchObject({ mints: 1, mintsByLocation: { sandboxLocation0002: 1 } });
		expect(sandbox.state().locations.sandboxLocation0002).toHaveLength(40);
	});

	test("minting is paced to the company's limit, group calls to each location's: no 429 surfaced while the sandbox counts them apart", async () => {
		const limit = { max: 5, intervalMs: 1000 };
		const locations = Array.from({ length: 11 }, (_, i) => `pacedLoc${String(i).padStart(3, '0')}`);
		await withSandbox({
			rateLimit: limit,
			agency: { companies: [{ id: COMPANY, locations: locations.map((id) => ({ id })) }], apps: [{ distribution: 'Company' }] },
		});
		const credentials = await agencyCredentials();
		const [first, ...others] = locations;
		// the first execution's mint teaches the node the company's limit (its X-RateLimit-* headers)
		await runWorkflow(agencyWorkflow(createGroup, [{ locationId: first, name: 'First' }]), credentials);
		const items = others.flatMap((locationId) => [1, 2, 3].map((n) => ({ locationId, name: `Desk ${n}` })));
		const before = sandbox.requests().length;
		const run = await runWorkflow(agencyWorkflow(createGroup, items), credentials);

		expect((run.output(NODE_NAME) ?? []).filter((item) => item.json.error !== undefined)).toEqual([]);
		const sent = sandbox.requests().slice(before);
		// a burst of 10 mints against a company limit of 5 may meet a few 429s (retried) before the pacing has learnt the window
		expect(sent.filter((request) => request.status === 429).length).toBeLessThanOrEqual(Math.ceil(sent.length * 0.1));
		const mints = sent.filter((request) => request.path === '/oauth/locationToken' && request.status === 200);
		expect(mints).toHaveLength(others.length);
		// 10 mints cannot fit in one company window of 5: the later ones waited for the next window
		expect(mints[mints.length - 1].receivedAt - mints[0].receivedAt).toBeGreaterThanOrEqual(limit.intervalMs - 100);
		// the group calls were not held to the company's limit: at their peak, more than twice that limit of them reached
		// HighLevel within one of its windows (about 20 do; held to the company's key, 10). No upper bound on time: on a
		// loaded machine it still needs only 11 local requests within a second.
		const groupTimes = sent.filter((request) => request.path === '/calendars/groups').map((request) => request.receivedAt);
		const peak = Math.max(...groupTimes.map((at) => groupTimes.filter((t) => t >= at && t < at + limit.intervalMs).length));
		expect(peak).toBeGreaterThan(2 * limit.max);
		for (const locationId of others) expect(sandbox.state().locations[locationId]).toHaveLength(3);
	});

	test('a sub-account token in the agency credential is refused before any request, naming the fix', async () => {
		await withSandbox();
		const credentials = await connectAgency(sandbox, {}, sandbox.app('Location'));
		const before = sandbox.requests().length;
		const run = await runWorkflow(agencyWorkflow({ operation: 'getAll', returnAll: true }, [{ locationId: 'sandboxLocation0001' }]), credentials);
		expect(run.output(NODE_NAME)?.[0].json).toMatchObject({
			error: 'The agency credential holds no agency (Company) token',
			description: expect.stringMatching(/Target User "Sub-account" that the agency installs/),
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

describe('Agency (OAuth2) and calendars', () => {
	test('the minted tokens carry the calendar scopes: a calendar is created in the group of each sub-account', async () => {
		await withSandbox();
		const credentials = await agencyCredentials();
		const sentBefore = sandbox.requests().length;
		const items = ['sandboxLocation0001', 'sandboxLocation0002'].map((locationId) => ({ locationId, name: 'Onboarding' }));
		const groups = await runWorkflow(agencyWorkflow(createGroup, items), credentials);
		const calendars = await runWorkflow(
			agencyWorkflow(
				{ resource: 'calendar', operation: 'create', name: 'Open Day', calendarType: 'event', calendarGroup: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, locationId: { __rl: true, mode: 'id', value: '={{ $json.locationId }}' } },
				(groups.output(NODE_NAME) ?? []).map((item) => item.json),
			),
			credentials,
		);
		const made = calendars.output(NODE_NAME)?.map((item) => item.json);
		expect(made).toEqual(items.map(({ locationId }) => expect.objectContaining({ locationId, name: 'Open Day', groupId: expect.any(String) })));
		for (const calendar of made ?? []) {
			expect(sandbox.state().locations[String(calendar.locationId)].map((g) => g.id)).toEqual([calendar.groupId]);
		}
		for (const request of sandbox.requests().slice(sentBefore)) expect(validateRequest(request).errors).toEqual([]);
	});

	test('an agency app without the calendar scopes: the error names the scope and says to add it to the app', async () => {
		await withSandbox({ agency: { apps: [{ distribution: 'Company', scopes: ['calendars/groups.readonly', 'calendars/groups.write', 'oauth.readonly', 'oauth.write', 'locations.readonly'] }] } });
		const run = await runWorkflow(
			agencyWorkflow({ resource: 'calendar', operation: 'create', name: 'Open Day', calendarType: 'event' }, [{ locationId: 'sandboxLocation0001' }]),
			await agencyCredentials(),
		);
		expect(run.output(NODE_NAME)?.[0].json).toEqual({
			error: 'HighLevel refused the token of sub-account "sandboxLocation0001", also the one minted again right after (HighLevel: The token is not authorized for this scope.)',
			description: expect.stringMatching(/^The sub-account's token does not have the scope "calendars.readonly"\. Add it to the agency app/),
		});
	});
});
