import type { IDataObject } from 'n8n-workflow';

import { notForAccount, notListed, namesNoAccount, type Account } from '../../nodes/HighLevelTrigger/senders/account';
import { agencyHas, agencyRefreshMs } from '../../nodes/HighLevelTrigger/senders/agencyLocations';
import { appIdOf } from '../../nodes/HighLevelTrigger/senders/credentialAccount';

const subAccount: Account = { locationId: 'myLocation0001' };
const subAccountApp: Account = { locationId: 'myLocation0001', companyId: 'myCompany0001', appId: 'myApp0001' };
const agency: Account = { companyId: 'myCompany0001', appId: 'myApp0001', agencyHas: async (id) => (id.startsWith('my') ? true : `sub-account ${id} is not one of the agency's`) };

describe('My Sub-Accounts: whose signed events are let in', () => {
	test.each<[string, Account, IDataObject, string | undefined]>([
		['a sub-account credential: its own sub-account', subAccount, { type: 'ContactCreate', locationId: 'myLocation0001' }, undefined],
		['a sub-account credential: another sub-account', subAccount, { type: 'ContactCreate', locationId: 'theirLocation01' }, "sub-account theirLocation01 is not the credential's"],
		['a sub-account credential: an agency-only event', subAccountApp, { type: 'LocationCreate', id: 'myLocation0002', companyId: 'myCompany0001' }, "sub-account myLocation0002 is not the credential's"],
		['an OAuth2 app: its INSTALL', subAccountApp, { type: 'INSTALL', appId: 'myApp0001', locationId: 'myLocation0001', companyId: 'myCompany0001' }, undefined],
		['an OAuth2 app: another app installed in the same sub-account', subAccountApp, { type: 'INSTALL', appId: 'theirApp0001', locationId: 'myLocation0001', companyId: 'myCompany0001' }, "appId theirApp0001 is not the credential's app"],
		['an OAuth2 app: another app\'s UNINSTALL', subAccountApp, { type: 'UNINSTALL', appId: 'theirApp0001', locationId: 'myLocation0001' }, "appId theirApp0001 is not the credential's app"],
		['an OAuth2 app: another app\'s PLAN_CHANGE', agency, { type: 'PLAN_CHANGE', appId: 'theirApp0001', locationId: 'myLocation0001', companyId: 'myCompany0001' }, "appId theirApp0001 is not the credential's app"],
		['an OAuth2 app: another company', subAccountApp, { type: 'UserCreate', locationId: 'myLocation0001', companyId: 'theirCompany01' }, "companyId theirCompany01 is not the credential's agency"],
		['a Private Integration Token: app events are not checked for an app', subAccount, { type: 'INSTALL', appId: 'anyApp', locationId: 'myLocation0001', companyId: 'anyCompany' }, undefined],
		['an agency: one of its sub-accounts', agency, { type: 'AppointmentCreate', locationId: 'myLocation0002' }, undefined],
		['an agency: another agency\'s sub-account', agency, { type: 'AppointmentCreate', locationId: 'theirLocation01' }, "sub-account theirLocation01 is not one of the agency's"],
		['an agency: its new sub-account (LocationCreate names it in id)', agency, { type: 'LocationCreate', id: 'myLocation0009', companyId: 'myCompany0001' }, undefined],
		['an agency: another agency\'s LocationCreate', agency, { type: 'LocationCreate', id: 'theirLocation01', companyId: 'theirCompany01' }, "companyId theirCompany01 is not the credential's agency"],
		['an agency: an event that names only the agency', agency, { type: 'SomethingNew', companyId: 'myCompany0001' }, undefined],
		['an event that names neither', agency, { type: 'SomethingNew' }, namesNoAccount],
	])('%s', async (_case, account, event, reason) => {
		expect(await notForAccount(event, account)).toBe(reason);
	});

	test("an app credential whose Client ID names no app lets no app event in", async () => {
		const reason = await notForAccount({ type: 'INSTALL', appId: 'x', locationId: 'myLocation0001' }, { ...subAccountApp, appId: '' });
		expect(reason).toMatch(/Client ID does not name its app/);
	});

	test("HighLevel's Client ID is the app's id, a hyphen and a suffix", () => {
		expect(appIdOf('65f1a2b3c4d5e6f7a8b9c0d1-lu5ab1cd')).toBe('65f1a2b3c4d5e6f7a8b9c0d1');
		expect(appIdOf('no-app-here')).toBe('');
		expect(appIdOf(undefined)).toBe('');
	});
});

describe('These IDs', () => {
	const ids = new Set(['myLocation0001', 'myCompany0001']);
	test.each<[string, IDataObject, string | undefined]>([
		['a listed sub-account', { type: 'ContactCreate', locationId: 'myLocation0001' }, undefined],
		['a listed agency', { type: 'INSTALL', locationId: 'otherLocation1', companyId: 'myCompany0001' }, undefined],
		['a listed sub-account as a LocationUpdate id', { type: 'LocationUpdate', id: 'myLocation0001', companyId: 'x' }, undefined],
		['neither listed', { type: 'ContactCreate', locationId: 'theirLocation01' }, 'neither sub-account theirLocation01 nor agency (none) is in These IDs'],
		['neither named', { type: 'SomethingNew' }, namesNoAccount],
	])('%s', (_case, event, reason) => {
		expect(notListed(event, ids)).toBe(reason);
	});
});

describe("the agency's sub-accounts, read from HighLevel", () => {
	const agencyOf = { companyId: 'myCompany0001', appId: 'myApp0001' };

	test('read once, again at most once a minute for an unknown id, and once for deliveries arriving together', async () => {
		let reads = 0;
		let listed = ['loc1'];
		const read = async () => {
			reads += 1;
			return listed;
		};
		const key = `refresh-${Math.random()}`;
		expect(await agencyHas(key, agencyOf, 'loc1', read, 0)).toBe(true);
		expect(await agencyHas(key, agencyOf, 'loc1', read, 1)).toBe(true);
		expect(reads).toBe(1);
		listed = ['loc1', 'loc2'];
		expect(await agencyHas(key, agencyOf, 'loc2', read, agencyRefreshMs - 1)).toBe("sub-account loc2 is not one of the agency's");
		expect(reads).toBe(1);
		const together = await Promise.all([1, 2, 3].map(() => agencyHas(key, agencyOf, 'loc2', read, agencyRefreshMs)));
		expect(together).toEqual([true, true, true]);
		expect(reads).toBe(2);
	});

	test('a failed read says why, and is not retried before a minute has passed', async () => {
		let reads = 0;
		const read = async () => {
			reads += 1;
			throw new Error('HTTP 401 Unauthorized');
		};
		const key = `fail-${Math.random()}`;
		expect(await agencyHas(key, agencyOf, 'loc1', read, 0)).toBe("the agency's sub-accounts could not be read: HTTP 401 Unauthorized");
		expect(await agencyHas(key, agencyOf, 'loc1', read, 1000)).toBe("the agency's sub-accounts could not be read: HTTP 401 Unauthorized");
		expect(reads).toBe(1);
	});

	test('another agency or app in the credential starts a new list', async () => {
		const key = `switch-${Math.random()}`;
		expect(await agencyHas(key, agencyOf, 'loc1', async () => ['loc1'], 0)).toBe(true);
		expect(await agencyHas(key, { ...agencyOf, appId: 'otherApp' }, 'loc1', async () => [], 1)).toBe("sub-account loc1 is not one of the agency's");
	});
});
