import { agencyCredentialFields } from '../../tools/engine/agency';
import { startSandboxProcess, type SandboxProcess } from '../../tools/sandbox/sandboxProcess';

describe('the sandbox in a process of its own', () => {
	let sandbox: SandboxProcess;
	beforeAll(async () => {
		sandbox = await startSandboxProcess({ latencyMs: 0, rateLimit: { max: 7, intervalMs: 1000, daily: 500 } });
	}, 30_000);
	afterAll(async () => await sandbox.close());

	it('takes its token and flags, and serves its state and request log', async () => {
		const headers = { Authorization: `Bearer ${sandbox.token}`, Version: '2021-04-15', 'Content-Type': 'application/json' };
		const body = JSON.stringify({ locationId: 'sandboxLocation0001', name: 'Out of Process', description: 'test', slug: 'out-of-process', isActive: true });
		const created = await fetch(`${sandbox.url}/calendars/groups`, { method: 'POST', headers, body });
		expect(created.status).toBe(201);
		expect(created.headers.get('x-ratelimit-max')).toBe('7');
		expect((await sandbox.state()).locations.sandboxLocation0001).toEqual([expect.objectContaining({ name: 'Out of Process' })]);
		expect((await sandbox.requests()).map((r) => [r.method, r.path, r.status, r.headers.authorization])).toEqual([['POST', '/calendars/groups', 201, 'Bearer [REDACTED]']]);
	});
});

describe('the sandbox in a process of its own, with an agency seed', () => {
	let sandbox: SandboxProcess;
	beforeAll(async () => {
		sandbox = await startSandboxProcess({
			latencyMs: 0,
			rateLimit: { max: 100, intervalMs: 1000, daily: 500 },
			agency: {
				companies: [{ id: 'seededCompany01', locations: [{ id: 'seededLocation01' }, { id: 'seededLocation02' }] }],
				apps: [{ distribution: 'Company', clientId: 'seeded-client', clientSecret: 'seeded-secret' }],
			},
		});
	}, 30_000);
	afterAll(async () => await sandbox.close());

	it('holds the seeded company and app, whose secret the agency credential connects with', async () => {
		const { agency } = await sandbox.state();
		expect(agency.companies.map((company) => [company.id, company.locations.map((location) => location.id)])).toEqual([['seededCompany01', ['seededLocation01', 'seededLocation02']]]);
		expect(await sandbox.app('Company')).toMatchObject({ clientId: 'seeded-client', clientSecret: 'seeded-secret', distribution: 'Company' });
		const fields = await agencyCredentialFields(sandbox);
		expect(fields.oauthTokenData).toMatchObject({ userType: 'Company', companyId: 'seededCompany01' });
		await expect(sandbox.app('Location')).rejects.toThrow('no Location app with a seeded secret in this sandbox');
	});
});
