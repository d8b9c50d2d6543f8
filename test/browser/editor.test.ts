/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * The editor as a user sees it: real n8n 2.x with the packed package and the sandbox, driven in Debian's Chromium
 * through the UI only (the owner is set up through REST). Credentials pasted and connected, the node found in the
 * nodes panel, its fields per credential and operation compared with one table (fieldTable.ts), From List pickers
 * searched, a step executed, the node as an AI Agent's tool. Takes the README's pictures (secrets checked).
 *
 *   npm run test:browser           E2E_KEEP=1 keeps .cache/browser/run-* (and its pictures/); a failed step's evidence is kept anyway
 *   npm run pictures               the same, writing the pictures to docs/images/
 */
import { randomBytes } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';

import { HighLevelTrigger } from '../../nodes/HighLevelTrigger/HighLevelTrigger.node.js';
import { addAgentWithTool } from '../../tools/browser/aiAgent';
import { ensureChromium } from '../../tools/browser/chromium';
import { newCredential } from '../../tools/browser/credentialModal';
import { signInThroughUi } from '../../tools/browser/editorSignIn';
import { addNodeByAction, canvasNodeBesideTrigger, canvasSubtitle, nodePanel, openNewWorkflow, searchNodesPanel, type NodePanel } from '../../tools/browser/nodePanel';
import { picturesDir, savePicture, shownSecrets } from '../../tools/browser/pictures';
import { installForAgency, installForSubAccount } from '../../tools/browser/sandboxAuthorizePage';
import { openSession, type BrowserSession } from '../../tools/browser/session';
import { startEditor, type Editor } from '../../tools/n8n/editor';
import { ensureN8n, stderrLog } from '../../tools/n8n/install';
import type { Owner } from '../../tools/n8n/owner';
import { prepareUserFolder } from '../../tools/n8n/userFolder';
import { fakeToken } from '../../tools/fakeToken';
import { REPO_ROOT } from '../../tools/paths';
import { DEFAULT_CONTACTS } from '../../tools/sandbox/bookings';
import { bookableCalendar } from '../../tools/sandbox/harness';
import { DEFAULT_TOKENS, startSandbox, type Sandbox } from '../../tools/sandbox/server';
import { e2eRun, MINUTE } from '../e2e/support/run';
import { AUTHENTICATIONS, OPERATION_ROWS, TRIGGER_EVENTS } from './fieldTable';

const OWNER: Owner = { email: 'browser@example.com', password: `Browser-${randomBytes(9).toString('hex')}-Pw1`, firstName: 'Browser', lastName: 'Suite' };
/** the README's text with its line breaks as spaces */
const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');
const TOKEN = DEFAULT_TOKENS[0].token;
const [DENTAL, FITNESS] = ['Sandbox Dental (sandboxLocation0001)', 'Sandbox Fitness (sandboxLocation0002)'];
const NODE = 'HighLevel Calendars';
const TRIGGER_DESCRIPTION = new HighLevelTrigger().description.description;
/** the names the suite gives the credentials, one per Authentication */
const CREDENTIALS: Record<(typeof AUTHENTICATIONS)[number]['name'], string> = {
	'Private Integration Token': 'Sandbox token',
	OAuth2: 'Sandbox sub-account',
	'Agency (OAuth2)': 'Sandbox agency',
};
/** the credential test's message for a refused token (credentialTest.ts), which the README quotes */
const WRONG_TOKEN_MESSAGE =
	'HighLevel refused the token (401 Invalid token or missing scope): use a current token with the scopes calendars/groups.readonly and calendars/groups.write';
/** the calendar the booking pictures use (open 9:00 to 17:00 every day, 30-minute slots), and the day they show */
const BOOKING_CALENDAR = 'Cleaning Chair';
const BOOKING_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(Date.now() + 2 * 24 * 3600_000);
/** n8n's own entry in the Operation list of nodes whose credentials HTTP Request can use */
const N8N_CUSTOM_API_CALL = 'Custom API Call';

let session: BrowserSession | undefined;
const run = e2eRun('browser', { folder: 'browser', removeStale: true, keepIf: () => session?.failed() ?? true });
const say = stderrLog('browser');

describe('the editor in Chromium, n8n 2.x', () => {
	let sandbox: Sandbox;
	let editor: Editor;
	let checks = 0;
	const step = (name: string, action: () => Promise<void>) => it(name, async () => await session!.step(name, action), 3 * MINUTE);
	const secrets = () => [TOKEN, ...sandbox.issuedSecrets()];
	const picture = async (name: string) => {
		const path = await savePicture(session!.page, picturesDir(run.dir), name, secrets());
		say(`picture ${path}`);
	};
	const check = <T>(value: T) => {
		checks += 1;
		return expect(value);
	};

	beforeAll(async () => {
		const inst = await ensureN8n('2', { log: say });
		const userFolder = join(run.dir, 'n8n');
		await prepareUserFolder(inst, userFolder, run.tarball(), say);
		sandbox = await startSandbox({ port: 0, oauth: { install: { ask: true } } });
		await seedGroups(sandbox, ['Sales Team', 'sales-team'], ['Support Desk', 'support-desk']);
		await bookableCalendar(sandbox, { name: BOOKING_CALENDAR, slug: 'cleaning-chair' });
		editor = await startEditor(inst, userFolder, { owner: OWNER, log: say });
		session = await openSession(await ensureChromium(say), run.dir);
	}, 10 * MINUTE);

	afterAll(async () => {
		say(`${checks} checks`);
		await session?.stop();
		await editor?.stop();
		await sandbox?.close();
	}, 2 * MINUTE);

	step('signs in on the sign-in page', async () => {
		await signInThroughUi(session!.page, editor.url, OWNER);
	});

	step('a pasted Private Integration Token: a wrong one shows the README\'s message, the right one passes Test', async () => {
		const modal = await newCredential(session!.page, editor.url, 'HighLevel Calendars API');
		await modal.rename(CREDENTIALS['Private Integration Token']);
		await modal.fill({ accessToken: fakeToken('wrong'), locationId: 'sandboxLocation0001', baseUrl: sandbox.url });
		check(README).toContain(WRONG_TOKEN_MESSAGE);
		check(await modal.save()).toContain(WRONG_TOKEN_MESSAGE);
		await modal.fill({ accessToken: TOKEN });
		check(await modal.save()).toContain('Connection tested successfully');
		check(await modal.retest()).toContain('Connection tested successfully');
		check(await shownSecrets(session!.page, [TOKEN])).toEqual({ inText: [], inInputs: [], masked: 1 });
		await modal.close();
	});

	step('connects the sub-account OAuth2 credential: the sandbox\'s page in the popup, one sub-account chosen', async () => {
		const app = sandbox.app('Location');
		const modal = await newCredential(session!.page, editor.url, 'HighLevel Calendars OAuth2 API');
		await modal.rename(CREDENTIALS.OAuth2);
		await modal.fill({ clientId: app.clientId, clientSecret: app.clientSecret, baseUrl: sandbox.url });
		let page = '';
		await modal.connect(async (popup) => {
			check(popup.url()).toMatch(new RegExp(`^${sandbox.url}/oauth/chooselocation\\?`));
			page = await popup.locator('body').innerText();
			await installForSubAccount(popup, FITNESS);
		});
		check(page).toContain(DENTAL);
		check(page).toContain(FITNESS);
		check(await modal.banner()).toContain('Account connected');
		check(sandbox.state().agency.installs).toContainEqual(expect.objectContaining({ userType: 'Location', locationIds: ['sandboxLocation0002'] }));
		await modal.close();
	});

	step('connects the agency OAuth2 credential for all sub-accounts and future ones', async () => {
		const app = sandbox.app('Company');
		const modal = await newCredential(session!.page, editor.url, 'HighLevel Calendars Agency OAuth2 API');
		await modal.rename(CREDENTIALS['Agency (OAuth2)']);
		await modal.fill({ clientId: app.clientId, clientSecret: app.clientSecret, baseUrl: sandbox.url });
		await modal.connect(async (popup) => await installForAgency(popup, { future: true }));
		check(await modal.banner()).toContain('Account connected');
		check(sandbox.state().agency.installs).toContainEqual(
			expect.objectContaining({ userType: 'Company', approveAllLocations: true, installToFutureLocations: true }),
		);
		await picture('credential-connected');
		await modal.close();
	});

	let panel: NodePanel;

	/** Types in a From List picker's search box (it must then list `listed`), picks the first, executes the step, checks the output. */
	const pickAndExecute = async (
		pick: { parameter: string; typed: string; listed: string[]; whileOpen?: () => Promise<void> },
		shown: string[],
		count: string,
	) => {
		const picker = await panel.openFromList(pick.parameter);
		check(await picker.search(pick.typed)).toEqual(pick.listed);
		await pick.whileOpen?.();
		await picker.pick(pick.listed[0]);
		await panel.execute();
		for (const text of shown) check(await panel.outputShows(text)).toBe(true);
		check(await panel.outputText()).toContain(count);
	};

	step('finds the node in the nodes panel by "HighLevel" and adds it by its Create action', async () => {
		const page = session!.page;
		await openNewWorkflow(page, editor.url);
		check((await searchNodesPanel(page, 'HighLevel')).map((node) => node.name)).toContain(NODE);
		panel = await addNodeByAction(page, NODE, 'Create a calendar group');
		check(await panel.credentialLabel()).toBe('Credential');
		check(await panel.credentialChoices()).toEqual(
			expect.arrayContaining(AUTHENTICATIONS.map((auth) => `${CREDENTIALS[auth.name]}\n${auth.credential}`)),
		);
		// n8n 2.x shows no Authentication field in the node panel: the credential modal asks for it, as the README says
		check(README).toContain('open *Credential → Create new credential* and choose the type there');
		check(await panel.newCredentialChoices()).toEqual(AUTHENTICATIONS.map((auth) => auth.name));
	});

	describe.each(AUTHENTICATIONS.map((auth) => [auth.name, auth] as const))('with the credential of Authentication %s', (_, auth) => {
		step('each resource\'s Operation list is the table\'s, and n8n\'s Custom API Call', async () => {
			await panel.chooseCredential(CREDENTIALS[auth.name]);
			for (const resource of new Set(OPERATION_ROWS.map((row) => row.resource))) {
				await panel.chooseResource(resource);
				const operations = [...OPERATION_ROWS.filter((row) => row.resource === resource).map((row) => row.operation)].sort().concat(N8N_CUSTOM_API_CALL);
				check(await panel.operationChoices(operations)).toEqual(operations);
			}
		});

		for (const row of OPERATION_ROWS) {
			step(`${row.resource} → ${row.operation} shows the table's fields and options`, async () => {
				await panel.chooseResource(row.resource);
				await panel.chooseOperation(row.operation);
				// n8n 2.x shows no Authentication field: the credential chosen decides it
				const labels = ['Resource', 'Operation', ...row.fields.map((field) => field.label)];
				check(await panel.fieldLabels(labels)).toEqual(labels);
				check(await panel.isPicker('locationId')).toBe(auth.location !== 'text');
				check((await panel.optionNames()).sort()).toEqual([...row.options].sort());
			});
		}
	});

	step('a Calendar Create\'s and a Calendar Group Create\'s node panel (pictures)', async () => {
		await panel.chooseCredential(CREDENTIALS['Private Integration Token']);
		await panel.chooseResource('Calendar');
		await panel.chooseOperation('Create');
		await panel.fill('name', 'Hygiene Chair 1');
		await picture('calendar-create');
		await panel.chooseResource('Calendar Group');
		await panel.chooseOperation('Create');
		await panel.fill('name', 'Hygiene');
		await panel.fill('description', 'Booking calendars of the Hygiene team');
		await picture('node-create');
	});

	step('Get: picks a group From List by typing in its search box, executes the step, finds the group in the output panel', async () => {
		await panel.chooseOperation('Get');
		await pickAndExecute({ parameter: 'group', typed: 'sup', listed: ['Support Desk (support-desk)'] }, ['Support Desk', 'support-desk'], '1 item');
		await panel.outputAsJson();
		check(await panel.outputShows('"support-desk"')).toBe(true);
		await picture('output');
	});

	step('the canvas subtitle is resource and operation, as the README says', async () => {
		await panel.close();
		check(README).toContain("the node's subtitle names resource and operation");
		check(await canvasSubtitle(canvasNodeBesideTrigger(session!.page))).toBe('Calendar Group: Get');
	});

	step('agency: picks the sub-account From List by typing in its search box (picture), lists its groups', async () => {
		await canvasNodeBesideTrigger(session!.page).dblclick();
		panel = await nodePanel(session!.page);
		await panel.chooseCredential(CREDENTIALS['Agency (OAuth2)']);
		await panel.chooseOperation('Get Many');
		const whileOpen = async () => await picture('agency-location-picker');
		await pickAndExecute({ parameter: 'locationId', typed: 'dent', listed: [DENTAL], whileOpen }, ['Sales Team', 'Support Desk'], '2 items');
		await panel.close();
	});

	step('as an AI Agent\'s tool, the fields the model may define show their ✨ button', async () => {
		const tool = await addAgentWithTool(session!.page, 'HighLevel', `${NODE} Tool`);
		await tool.chooseCredential(CREDENTIALS['Private Integration Token']);
		await tool.chooseOperation('Create');
		const toolLabels = ['Tool Description', 'Resource', 'Operation', 'Location ID', 'Name', 'Description', 'Slug', 'Active', 'Options'];
		check(await tool.fieldLabels(toolLabels)).toEqual(toolLabels);
		// n8n keeps the parameter name "description" for the tool's own description: no ✨ there
		check(await tool.fromAiFields()).toEqual(['Location ID', 'Name', 'Slug', 'Active']);
		check(README).toContain("no ✨ on *Description*");
		await picture('ai-tool');
	});

	step('the HighLevel Trigger shows its Production URL and the README\'s events (picture)', async () => {
		const page = session!.page;
		await openNewWorkflow(page, editor.url);
		// the nodes panel drops " Trigger" from a trigger's name: it lists "HighLevel", told apart by its description
		check(await searchNodesPanel(page, 'HighLevel')).toContainEqual({ name: 'HighLevel', description: TRIGGER_DESCRIPTION });
		// n8n lists a trigger's events as its actions, by each event's action text
		const trigger = await addNodeByAction(page, TRIGGER_DESCRIPTION, 'On sub-account created');
		check(await trigger.root.getByTestId('parameter-input-events').innerText()).toContain('Sub-Account Created (Agency App)');
		check(await trigger.choicesOf('events')).toEqual(TRIGGER_EVENTS.map((event) => event.name));
		const url = await trigger.webhookUrl('Production URL');
		check(url).toMatch(new RegExp(`^${editor.url}/webhook/[0-9a-f-]{36}/highlevel$`));
		check(README).toContain('**Production URL** (`https://<your n8n>/webhook/<id>/highlevel`)');
		await picture('trigger');
		await trigger.close();
	});

	step('Appointment → Book\'s node panel, and Get Free Slots executed: one item per slot (pictures)', async () => {
		const page = session!.page;
		await openNewWorkflow(page, editor.url);
		await searchNodesPanel(page, 'HighLevel');
		panel = await addNodeByAction(page, NODE, 'Book an appointment');
		await panel.chooseCredential(CREDENTIALS['Private Integration Token']);
		const listed = [`${BOOKING_CALENDAR} (cleaning-chair)`];
		const bookIn = await panel.openFromList('calendar');
		check(await bookIn.search('clean')).toEqual(listed);
		await bookIn.pick(listed[0]);
		await panel.fill('contactId', String(DEFAULT_CONTACTS[0].id));
		await panel.fill('startTime', `${BOOKING_DAY} 09:00:00`);
		await picture('book');

		await panel.chooseResource('Calendar');
		await panel.chooseOperation('Get Free Slots');
		await panel.fill('start', `${BOOKING_DAY} 09:00:00`);
		await panel.fill('end', `${BOOKING_DAY} 11:00:00`);
		await panel.fill('timeZone', 'America/New_York');
		await pickAndExecute({ parameter: 'calendar', typed: 'clean', listed }, [`${BOOKING_DAY}T09:00:00`, `${BOOKING_DAY}T10:30:00`], 'items');
		await panel.outputAsJson();
		check(await panel.outputShows(`"${BOOKING_DAY}T09:30:00`)).toBe(true);
		await picture('free-slots-output');
		await panel.close();
	});

	step('no page logged a token', async () => {
		const logged = session!.consoleLines().join('\n');
		for (const secret of secrets()) check(logged.includes(secret)).toBe(false);
	});
});

/** Groups in the sub-account the token belongs to, made through the sandbox's API as HighLevel would hold them. */
async function seedGroups(sandbox: Sandbox, ...groups: Array<[string, string]>): Promise<void> {
	for (const [name, slug] of groups) {
		const response = await fetch(`${sandbox.url}/calendars/groups`, {
			method: 'POST',
			headers: { authorization: `Bearer ${TOKEN}`, version: '2021-04-15', 'content-type': 'application/json' },
			body: JSON.stringify({ locationId: 'sandboxLocation0001', name, description: 'Seeded by the browser suite', slug }),
		});
		if (response.status !== 201) throw new Error(`seeding group ${name}: HTTP ${response.status} ${await response.text()}`);
	}
}
