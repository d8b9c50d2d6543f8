/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * End-to-end: the packed package installed into REAL n8n (both lines, see tools/README.md), driven through n8n's own
 * CLI (`import:*`, `execute`, `export:credentials`) and editor REST API, against the local HighLevel sandbox. One
 * editor per line runs the workflows (Execute Workflow's REST route, or their Webhook); `n8n execute` (a cold n8n
 * process each) runs the one case about what the CLI reports.
 *
 *   npm run test:e2e                  both lines
 *   E2E_LINES=2 npm run test:e2e      one line
 *   E2E_KEEP=1 npm run test:e2e       keep the user folders under .cache/e2e/ for inspection
 */
import { randomBytes } from 'crypto';
import { mkdir, readFile, rm } from 'fs/promises';
import { join } from 'path';

import type { SavedExecution } from '../../tools/n8n/activeWorkflows';
import { startScriptedServer, type ScriptedServer } from '../../tools/engine/scriptedServer';
import { fakeToken } from '../../tools/fakeToken';
import { runN8n } from '../../tools/n8n/command';
import { startEditor, type Editor, type RestAnswer } from '../../tools/n8n/editor';
import { executeWorkflow, itemsOf, rawItemsOf, type Execution } from '../../tools/n8n/execute';
import { importIntoN8n } from '../../tools/n8n/importData';
import { runManually } from '../../tools/n8n/manualRun';
import { createWorkflow } from '../../tools/n8n/restWorkflows';
import { ensureN8n, stderrLog, type N8nInstall } from '../../tools/n8n/install';
import type { Owner } from '../../tools/n8n/owner';
import { prepareUserFolder } from '../../tools/n8n/userFolder';
import { bookableCalendar } from '../../tools/sandbox/harness';
import { DEFAULT_CONTACTS } from '../../tools/sandbox/bookings';
import { DEFAULT_TOKENS, startSandbox, type GroupRecord, type Sandbox } from '../../tools/sandbox/server';
import { scanFiles } from '../../tools/scanFiles';
import {
	CRED_TYPE,
	CredRef,
	NODE_TYPE,
	badCredentialsWorkflow,
	CALENDAR_OWNER,
	calendarsWorkflow,
	continueOnFailWorkflow,
	lifecycleWorkflows,
} from './support/workflows';
import { BOOKING_ZONE, bookingWorkflow, notesAndBlockedSlotsWorkflow, type BookingRequest, type NotesRequest } from './support/bookingWorkflows';
import { describeExamples } from './support/exampleTests';
import { describeResources } from './support/resourceTests';
import { describeSchedules } from './support/scheduleTests';
import { describeServices } from './support/serviceTests';
import { e2eRun, KEEP, LINES, MINUTE } from './support/run';
import { webhookCases, type EditorContext } from './support/webhookCases';

const [SANDBOX_TOKEN, READONLY_TOKEN, OTHER_TOKEN] = DEFAULT_TOKENS.map((t) => t.token);
const LOCATION = 'sandboxLocation0001';
const OTHER_LOCATION = 'sandboxLocation0002';
const OWNER: Owner = { email: 'e2e-owner@example.com', password: `E2e-${randomBytes(9).toString('hex')}-Pw1`, firstName: 'E2E', lastName: 'Owner' };

const T0 = Date.now();
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

type Group = GroupRecord;

/** The node sends up to Max Requests In Flight items at once, so the order groups are created in may vary. */
const bySlugOrder = (groups: Group[]) => [...groups].sort((a, b) => a.slug.localeCompare(b.slug));

const run = e2eRun('e2e', { removeStale: true });

afterAll(() => {
	process.stderr.write(`[e2e] done in ${secs(Date.now() - T0)}\n`);
});

describe.each(LINES)('real n8n, line %s', (line) => {
	const say = (msg: string) => process.stderr.write(`[e2e line ${line}] ${msg}\n`);
	// A token nobody issued, distinctive enough to grep for: it must never appear anywhere n8n writes.
	const canary = fakeToken('e2e-canary');
	const restCanary = fakeToken('e2e-restcanary');
	const tokens = [SANDBOX_TOKEN, READONLY_TOKEN, OTHER_TOKEN, canary, restCanary];
	/** the tokens above, and every secret the sandbox issued (the agency credential's tokens, minted ones, client secrets) */
	const secrets = () => [...tokens, ...sandbox.issuedSecrets()];

	let inst: N8nInstall;
	let userFolder: string;
	let sandbox: Sandbox;
	let recorder: ScriptedServer;
	/** the recorder's address named 0.0.0.0, which the node must refuse */
	let recorderUrl: string;
	let editor: Editor | undefined;
	let good: CredRef;
	let wrongToken: CredRef;
	let plainHttp: CredRef;
	let wf: Record<'create' | 'modify' | 'cof' | 'remove' | 'bad' | 'calendars', string>;
	const executions: Array<{ name: string; exec: Execution }> = [];
	const editorExecutions: SavedExecution[] = [];
	const processOutputs: Array<{ what: string; text: string }> = [];
	const restAnswers: Array<{ what: string; text: string }> = [];
	let lineStart = Date.now();

	/** `n8n execute`: a cold n8n process, and what it prints and exits with */
	async function execute(key: keyof typeof wf, label: string): Promise<Execution> {
		say(`execute "${label}" …`);
		const exec = await executeWorkflow(inst, userFolder, wf[key], 3 * MINUTE);
		executions.push({ name: label, exec });
		processOutputs.push({ what: `n8n execute (${label})`, text: exec.stdout + exec.stderr });
		say(`execute "${label}": ${exec.status ?? 'no status'} in ${secs(exec.durationMs)}`);
		return exec;
	}

	/** An execution the running editor ran (kept for the token searches); it must have succeeded. */
	function ranInEditor(label: string, started: number, exec: SavedExecution): SavedExecution {
		editorExecutions.push(exec);
		say(`editor ran "${label}": ${exec.status} in ${secs(Date.now() - started)}`);
		if (exec.status !== 'success') throw new Error(`"${label}" ended ${exec.status}: ${JSON.stringify(exec.runData).slice(-3000)}`);
		return exec;
	}

	/** What the cases run by their Webhook in this line's editor get from the suite. */
	const inEditor = (): EditorContext => ({ inst, editor: editor!, sandbox, cred: good, answers: restAnswers, ran: ranInEditor });

	/** The workflow run in the running editor as its Execute Workflow button runs it. */
	async function runInEditor(key: keyof typeof wf, label: string): Promise<SavedExecution> {
		const started = Date.now();
		return ranInEditor(label, started, await runManually(editor!, inst, wf[key], 'When clicking Execute', 3 * MINUTE));
	}

	async function state(): Promise<Record<string, Group[]>> {
		return sandbox.state().locations;
	}

	async function rest(method: string, path: string, body?: unknown): Promise<RestAnswer> {
		if (!editor) throw new Error('the editor is not running');
		return await editor.rest(method, path, body);
	}

	beforeAll(async () => {
		lineStart = Date.now();
		let t = Date.now();
		inst = await ensureN8n(line, { cacheDir: process.env.E2E_N8N_CACHE_DIR, log: stderrLog(`e2e line ${line}`) });
		say(`n8n ${inst.version} on Node ${inst.nodeVersion} (ensureN8n ${secs(Date.now() - t)})`);

		userFolder = join(run.dir, `line-${line}`);
		t = Date.now();
		const prepared = await prepareUserFolder(inst, userFolder, run.tarball(), say);
		expect(prepared.package.nodeTypes).toContain(NODE_TYPE);
		expect(prepared.package.credentialTypes).toEqual(expect.arrayContaining([CRED_TYPE, 'highLevelCalendarsOAuth2Api']));
		say(`${prepared.package.name}@${prepared.package.version} installed in ${secs(Date.now() - t)}`);

		sandbox = await startSandbox({ port: 0 });
		recorder = await startScriptedServer(() => ({ status: 200, body: { groups: [] } }));
		// Linux delivers a connection to 0.0.0.0 to this machine's own listeners, so a request the node wrongly sent
		// to this plain-http, not-loopback-named address would be recorded here and never leave the machine.
		recorderUrl = recorder.url.replace('127.0.0.1', '0.0.0.0');
		say(`sandbox ${sandbox.url}; recording server ${recorderUrl}`);

		good = { id: 'e2eGoodCred00001', name: 'HighLevel sandbox' };
		wrongToken = { id: 'e2eWrongToken001', name: 'HighLevel wrong token' };
		plainHttp = { id: 'e2ePlainHttp0001', name: 'HighLevel over plain http' };
		const lifecycle = lifecycleWorkflows(good);
		t = Date.now();
		const imported = await importIntoN8n(inst, userFolder, {
			credentials: [
				{ ...good, type: CRED_TYPE, data: { accessToken: SANDBOX_TOKEN, locationId: LOCATION, baseUrl: sandbox.url } },
				{ ...wrongToken, type: CRED_TYPE, data: { accessToken: canary, locationId: LOCATION, baseUrl: sandbox.url } },
				{
					...plainHttp,
					type: CRED_TYPE,
					data: { accessToken: canary, locationId: LOCATION, baseUrl: recorderUrl },
				},
			],
		});
		for (const o of imported.outputs) processOutputs.push({ what: `n8n ${o.command}`, text: o.text });
		say(`3 credentials imported in ${secs(Date.now() - t)}`);

		t = Date.now();
		editor = await startEditor(inst, userFolder, { owner: OWNER, log: say });
		say(`editor up at ${editor!.url} in ${secs(Date.now() - t)}`);
		// stored through the editor's REST API (ai-agent.test.ts covers `n8n import:workflow`): no n8n process of their own
		const workflows = [
			lifecycle.create,
			lifecycle.modify,
			continueOnFailWorkflow(good),
			lifecycle.remove,
			badCredentialsWorkflow(wrongToken, plainHttp),
			calendarsWorkflow(good),
		];
		const ids: string[] = [];
		for (const workflow of workflows) ids.push(await createWorkflow(editor!, workflow));
		const [create, modify, cof, remove, bad, calendars] = ids;
		wf = { create, modify, cof, remove, bad, calendars };
	}, 20 * MINUTE);

	afterAll(async () => {
		await editor?.stop();
		editor = undefined;
		await sandbox?.close();
		await recorder?.close();
		if (userFolder && !KEEP) await rm(userFolder, { recursive: true, force: true });
		say(`line ${line} finished in ${secs(Date.now() - lineStart)} (ensureN8n and package install included)`);
	}, 2 * MINUTE);

	// ---------------------------------------------------------------------------------------------------------
	test('Create maps a preceding node\'s data through expressions; Get finds the groups by ID and by slug', async () => {
		const exec = await runInEditor('create', 'create and get');

		const created = itemsOf(exec, 'Create group') as unknown as Group[];
		expect(created.map((g) => ({ ...g, id: undefined }))).toEqual([
			{
				locationId: LOCATION,
				name: 'Acme Dental Hygiene',
				description: 'Booking calendars of the hygiene team',
				slug: 'acme-dental-hygiene',
				isActive: true,
			},
			{
				locationId: LOCATION,
				name: 'Acme Dental Orthodontics',
				description: 'Booking calendars of the orthodontics team',
				slug: 'acme-dental-orthodontics',
				isActive: false,
			},
			{
				locationId: LOCATION,
				name: 'Acme Dental Front Desk (EU)',
				description: 'Booking calendars of the front desk (eu) team',
				slug: 'acme-dental-front-desk-eu',
				isActive: true,
			},
		]);
		for (const g of created) expect(g.id).toMatch(/^[A-Za-z0-9]{20}$/);
		expect(new Set(created.map((g) => g.id)).size).toBe(3);

		expect(itemsOf(exec, 'Get by ID')).toEqual(created);
		expect(itemsOf(exec, 'Get by slug')).toEqual(created);
		expect(rawItemsOf(exec, 'Get by slug').map((i) => i.pairedItem)).toEqual([0, 1, 2].map((item) => expect.objectContaining({ item })));

		const s = await state();
		expect(bySlugOrder(s[LOCATION])).toEqual(bySlugOrder(created));
		expect(s[OTHER_LOCATION] ?? []).toEqual([]);
	}, 3 * MINUTE);

	// ---------------------------------------------------------------------------------------------------------
	test('Update changes only the given field; Disable, Get Many (filters, limit), Enable and Check Slug', async () => {
		const before = (await state())[LOCATION];
		const find = (slug: string) => before.find((g) => g.slug === slug)!;
		const [hygiene, ortho, frontDesk] = ['acme-dental-hygiene', 'acme-dental-orthodontics', 'acme-dental-front-desk-eu'].map(find);
		const exec = await runInEditor('modify', 'update, disable, list, enable, check slug');

		const updatedHygiene = { ...hygiene, description: 'Hygiene team, updated by the e2e test' };
		expect(itemsOf(exec, 'Update description')).toEqual([updatedHygiene]);
		expect(itemsOf(exec, 'Disable')).toEqual([{ ...updatedHygiene, isActive: false }]);
		expect(itemsOf(exec, 'Active groups')).toEqual([frontDesk]);
		expect(itemsOf(exec, 'Name contains ortho')).toEqual([ortho]);
		expect(itemsOf(exec, 'Enable by slug')).toEqual([{ ...ortho, isActive: true }]);
		const after = (await state())[LOCATION];
		expect(itemsOf(exec, 'First group only')).toEqual([after[0]]);
		expect(itemsOf(exec, 'Check slug')).toEqual([
			{ slug: 'acme-dental-hygiene', available: false },
			{ slug: 'brand-new-slug', available: true },
		]);

		expect(bySlugOrder(after)).toEqual(bySlugOrder([{ ...updatedHygiene, isActive: false }, { ...ortho, isActive: true }, frontDesk]));
	}, 3 * MINUTE);

	// ---------------------------------------------------------------------------------------------------------
	test('Continue On Fail: good and bad items give one output each, paired with its input, errors readable', async () => {
		const before = (await state())[LOCATION];
		const hygiene = before.find((g) => g.slug === 'acme-dental-hygiene')!;
		const exec = await runInEditor('cof', 'continue on fail');

		const raw = rawItemsOf(exec, 'Create (continue on fail)');
		expect(raw).toHaveLength(6);
		expect(raw.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3, 4, 5].map((item) => expect.objectContaining({ item })));
		const out = raw.map((i) => i.json);

		expect(out[0]).toEqual(
			expect.objectContaining({ name: 'E2E Good One', slug: 'e2e-good-one', description: 'Imported from CRM row 0', isActive: true }),
		);
		expect(out[1]).toEqual({ error: 'Name is empty in item 1', description: expect.stringContaining('Set Name') });
		expect(out[2]).toEqual({
			error: 'Slug "Bad Slug!" in item 2 has characters HighLevel slugs do not use',
			description: expect.stringContaining('"bad-slug"'),
		});
		expect(out[3]).toEqual({
			error: `Slug "acme-dental-hygiene" is taken by calendar group "Acme Dental Hygiene" (${hygiene.id}) in location "${LOCATION}" (item 3)`,
			description: expect.stringContaining('If Slug Is Taken'),
		});
		// HighLevel's own answer (403 from the sandbox), with what to do about it
		expect(out[4]).toEqual({
			error: 'The token does not have access to this location',
			description: expect.stringContaining(`"${OTHER_LOCATION}"`),
		});
		expect(out[5]).toEqual(expect.objectContaining({ name: 'E2E Good Two', slug: 'e2e-good-two' }));

		const [suffixed] = itemsOf(exec, 'Create taken slug (add suffix)') as unknown as Group[];
		expect(suffixed).toEqual(
			expect.objectContaining({ name: 'Acme Dental Hygiene', slug: 'acme-dental-hygiene-2', description: 'A second hygiene group' }),
		);
		expect(suffixed.id).not.toBe(hygiene.id);
		expect(itemsOf(exec, 'Create taken slug (return existing)')).toEqual([hygiene]);

		const after = await state();
		expect(bySlugOrder(after[LOCATION])).toEqual(bySlugOrder([...before, out[0], out[5], suffixed] as Group[]));
		expect(after[OTHER_LOCATION] ?? []).toEqual([]);
	}, 3 * MINUTE);

	// ---------------------------------------------------------------------------------------------------------
	test('Delete by ID and by slug', async () => {
		const before = (await state())[LOCATION];
		const ortho = before.find((g) => g.slug === 'acme-dental-orthodontics')!;
		const frontDesk = before.find((g) => g.slug === 'acme-dental-front-desk-eu')!;
		const exec = await runInEditor('remove', 'delete');

		expect(itemsOf(exec, 'Find front desk')).toEqual([frontDesk]);
		expect(itemsOf(exec, 'Delete by ID')).toEqual([{ deleted: true, id: frontDesk.id }]);
		expect(itemsOf(exec, 'Delete by slug')).toEqual([{ deleted: true, id: ortho.id }]);
		const remaining = before.filter((g) => g.id !== ortho.id && g.id !== frontDesk.id);
		expect(remaining.map((g) => g.slug).sort()).toEqual(['acme-dental-hygiene', 'acme-dental-hygiene-2', 'e2e-good-one', 'e2e-good-two']);
		expect(itemsOf(exec, 'Remaining groups')).toEqual(remaining);
		expect((await state())[LOCATION]).toEqual(remaining);
	}, 3 * MINUTE);

	// ---------------------------------------------------------------------------------------------------------
	test('Calendars: created in a group (round robin, event), listed, read, taken out; the group\'s Delete refuses, then deletes its calendars first', async () => {
		const before = await state();
		const exec = await runInEditor('calendars', 'calendars');

		const [group] = itemsOf(exec, 'Create group for calendars') as unknown as Group[];
		const [roundRobin] = itemsOf(exec, 'Create round robin');
		expect(roundRobin).toEqual(
			expect.objectContaining({
				name: 'Team Calls',
				slug: 'team-calls',
				widgetSlug: 'team-calls',
				calendarType: 'round_robin',
				groupId: group.id,
				locationId: LOCATION,
				slotDuration: 45,
				teamMembers: [{ userId: CALENDAR_OWNER, priority: 1 }],
			}),
		);
		const [event] = itemsOf(exec, 'Create event');
		expect(event).toEqual(expect.objectContaining({ name: 'Open Day', slug: 'open-day', calendarType: 'event', groupId: group.id, autoConfirm: false }));
		expect(itemsOf(exec, 'Calendars of the group')).toEqual([roundRobin, event]);
		expect(itemsOf(exec, 'Get by ID')).toEqual([roundRobin, event]);
		const [ungrouped] = itemsOf(exec, 'Take out of group');
		expect(ungrouped).toEqual(expect.objectContaining({ id: roundRobin.id, name: 'Team Calls (ungrouped)' }));
		expect(ungrouped.groupId).toBeUndefined();
		expect(itemsOf(exec, 'Delete group (refused)')).toEqual([
			{
				error: `Calendar group ${group.id} holds 1 calendar: "Open Day" (${String(event.id)}) (item 0)`,
				description: expect.stringContaining('Delete Its Calendars First'),
			},
		]);
		expect(itemsOf(exec, 'Delete group and its calendars')).toEqual([
			{ deleted: true, id: group.id, deletedCalendars: [{ id: event.id, name: 'Open Day' }] },
		]);
		expect(itemsOf(exec, 'Remaining calendars')).toEqual([ungrouped]);
		expect(itemsOf(exec, 'Delete calendar')).toEqual([{ deleted: true, id: roundRobin.id }]);
		expect(await state()).toEqual(before);
		expect(sandbox.state().calendars).toEqual({});
	}, 3 * MINUTE);

	// ---------------------------------------------------------------------------------------------------------
	test('A wrong token fails with HighLevel\'s message; a plain-http Base URL is refused before anything is sent', async () => {
		const before = await state();
		const exec = await execute('bad', 'bad credentials');

		expect(exec.ok).toBe(false);
		expect(exec.status).toBe('error');
		expect(exec.lastNodeExecuted).toBe('Wrong token (stops)');
		expect(exec.error?.message).toBe('Invalid token: access token is invalid');

		expect(itemsOf(exec, 'Wrong token (continue)')).toEqual([
			{ error: 'Invalid token: access token is invalid', description: expect.stringContaining('The token is invalid, expired or revoked') },
		]);
		const refused = itemsOf(exec, 'Plain http (continue)');
		expect(refused).toHaveLength(1);
		expect(refused[0].error).toMatch(/^The Base URL "http:\/\/[^"]+" is refused: the token is only sent over https/);
		expect(recorder.requests).toEqual([]);
		expect(await state()).toEqual(before);
	}, 3 * MINUTE);

	// ---------------------------------------------------------------------------------------------------------
	describe('the credential test, through n8n\'s REST API (POST /rest/credentials/test)', () => {
		const created: Record<string, { id: string; name: string; type: string; data: Record<string, string> }> = {};

		beforeAll(async () => {
			const make = async (key: string, data: Record<string, string>) => {
				const body = { name: `REST ${key}`, type: CRED_TYPE, data };
				const r = await rest('POST', '/rest/credentials', body);
				restAnswers.push({ what: `POST /rest/credentials (${key})`, text: r.text });
				if (r.status !== 200) throw new Error(`creating credential ${key}: HTTP ${r.status} ${r.text.slice(0, 500)}`);
				created[key] = { id: r.json.data.id, name: body.name, type: CRED_TYPE, data };
			};
			await make('good', { accessToken: SANDBOX_TOKEN, locationId: LOCATION, baseUrl: sandbox.url });
			await make('wrong', { accessToken: restCanary, locationId: LOCATION, baseUrl: sandbox.url });
			await make('readonly', { accessToken: READONLY_TOKEN, locationId: LOCATION, baseUrl: sandbox.url });
			await make('otherLocation', { accessToken: OTHER_TOKEN, locationId: LOCATION, baseUrl: sandbox.url });
			await make('plainHttp', { accessToken: restCanary, locationId: LOCATION, baseUrl: recorderUrl });
		}, 5 * MINUTE);

		async function testCredential(key: string): Promise<{ status: string; message: string }> {
			const r = await rest('POST', '/rest/credentials/test', { credentials: created[key] });
			restAnswers.push({ what: `POST /rest/credentials/test (${key})`, text: r.text });
			say(`credential test "${key}": HTTP ${r.status} ${r.text.slice(0, 200)}`);
			expect(r.status).toBe(200);
			return r.json.data;
		}

		test('the sandbox token passes', async () => {
			expect(await testCredential('good')).toEqual(expect.objectContaining({ status: 'OK' }));
		});

		test('a wrong token fails', async () => {
			const result = await testCredential('wrong');
			expect(result.status).toBe('Error');
			// the credential's test rules name the cause (n8n alone would say "Unauthorized")
			expect(result.message).toMatch(/^HighLevel refused the token \(401 Invalid token or missing scope\)/);
		});

		test('a read-only token passes (the test only lists groups, which needs the read scope only)', async () => {
			expect(await testCredential('readonly')).toEqual(expect.objectContaining({ status: 'OK' }));
		});

		test('a token of another location fails (HighLevel answers 403)', async () => {
			const result = await testCredential('otherLocation');
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/^HighLevel refused the location \(403\)/);
		});

		test('a plain-http Base URL to a non-loopback host is refused with a readable message, and nothing is sent', async () => {
			const result = await testCredential('plainHttp');
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/^The Base URL "http:\/\/[^"]+" is refused: the token is only sent over https/);
			expect(recorder.requests).toEqual([]);
		});
	});

	// ---------------------------------------------------------------------------------------------------------
	describe('booking: workflows the running editor executes (Webhook trigger), each operation asserted', () => {
		const contacts = DEFAULT_CONTACTS.map((c) => c.id as string) as BookingRequest['contacts'];
		/** the day after tomorrow in New York: every slot of it lies ahead */
		const day = new Intl.DateTimeFormat('en-CA', { timeZone: BOOKING_ZONE }).format(Date.now() + 2 * 24 * 3600_000);
		const time = (iso: unknown) => String(iso).slice(11, 16);
		const sameInstant = (a: unknown, b: unknown) => expect(Date.parse(String(a))).toBe(Date.parse(String(b)));
		let calendarId: string;
		let slots: Array<Record<string, unknown>>;
		let nextFreeId: string;

		const { run } = webhookCases(inEditor, {
			booking: (path) => bookingWorkflow(good, path),
			'notes and blocked slots': (path) => notesAndBlockedSlotsWorkflow(good, path),
		});

		beforeAll(async () => {
			calendarId = (await bookableCalendar(sandbox)).id;
		}, 2 * MINUTE);

		test('Free slots, Book, the slot gone from Free slots, If Slot Is Taken (Fail; Book the Next Free Slot), a batch with a bad item, Get, Get Many, Update, Cancel, Delete', async () => {
			const exec = await run('booking', { calendarId, day, contacts } satisfies BookingRequest);

			slots = itemsOf(exec, 'Free slots');
			// the seeded calendar: open 9:00 to 17:00 every day, 30-minute slots
			expect(slots.map((s) => time(s.start))).toEqual(Array.from({ length: 16 }, (_, i) => `${String(9 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`));
			expect(slots[0]).toEqual({ start: expect.stringMatching(new RegExp(`^${day}T09:00:00[-+]\\d\\d:\\d\\d$`)), end: expect.any(String), date: day, timeZone: BOOKING_ZONE });

			const [booked] = itemsOf(exec, 'Book');
			expect(booked).toEqual(expect.objectContaining({ calendarId, contactId: contacts[0], locationId: LOCATION }));
			sameInstant(booked.startTime, slots[0].start);
			sameInstant(booked.endTime, slots[0].end);

			expect(itemsOf(exec, 'Free slots after booking').map((s) => s.start)).toEqual(slots.slice(1).map((s) => s.start));

			const [failed] = itemsOf(exec, 'Book taken slot (fail)');
			expect(failed).toEqual({
				error: `${day} 09:00 (${BOOKING_ZONE}) in calendar "Consultation" (${calendarId}) is not free for contact "${contacts[1]}" (item 0)`,
				description: expect.stringContaining('If Slot Is Taken to Book the Next Free Slot'),
			});

			const [nextFree] = itemsOf(exec, 'Book taken slot (next free)');
			expect(nextFree).toEqual(expect.objectContaining({ contactId: contacts[1], bookedNextFreeSlot: true, requestedStartTime: slots[0].start }));
			sameInstant(nextFree.startTime, slots[1].start);
			nextFreeId = String(nextFree.id);

			const batch = rawItemsOf(exec, 'Book batch (continue on fail)');
			expect(batch.map((i) => i.pairedItem)).toEqual([0, 1, 2].map((item) => expect.objectContaining({ item })));
			expect(batch[0].json).toEqual(expect.objectContaining({ contactId: contacts[2] }));
			sameInstant(batch[0].json.startTime, slots[3].start);
			expect(batch[1].json).toEqual({ error: expect.stringMatching(/^Start Time .*"next tuesday".* item 1/), description: expect.any(String) });
			sameInstant(batch[2].json.startTime, slots[4].start);

			expect(itemsOf(exec, 'Get')).toEqual([expect.objectContaining({ id: booked.id, calendarId, contactId: contacts[0] })]);
			const listed = itemsOf(exec, 'Get Many');
			expect(listed.map((a) => a.id).sort()).toEqual([booked.id, nextFree.id, batch[0].json.id, batch[2].json.id].sort());

			const [moved] = itemsOf(exec, 'Update');
			expect(moved).toEqual(expect.objectContaining({ id: booked.id, title: 'Cleaning (moved)' }));
			sameInstant(moved.startTime, slots[6].start);
			expect(Date.parse(String(moved.endTime)) - Date.parse(String(moved.startTime))).toBe(30 * 60_000);
			expect(itemsOf(exec, 'Cancel')).toEqual([expect.objectContaining({ id: nextFree.id, appointmentStatus: 'cancelled' })]);
			expect(itemsOf(exec, 'Delete')).toEqual([{ deleted: true, id: booked.id }]);

			const stored = sandbox.state().appointments[LOCATION];
			expect(stored.map((a) => [a.id, a.contactId, a.appointmentStatus]).sort()).toEqual(
				[
					[nextFree.id, contacts[1], 'cancelled'],
					[batch[0].json.id, contacts[2], 'confirmed'],
					[batch[2].json.id, contacts[2], 'confirmed'],
				].sort(),
			);
		}, 4 * MINUTE);

		test('Appointment Note: Create, Update, Get Many, Delete; Blocked Slot: Create, Update (its time leaves the free slots), Get Many, Delete', async () => {
			const exec = await run('notes and blocked slots', { calendarId, day, appointmentId: nextFreeId } satisfies NotesRequest);

			const [note] = itemsOf(exec, 'Create note');
			expect(note).toEqual(expect.objectContaining({ body: 'Asked for a morning slot' }));
			expect(itemsOf(exec, 'Update note')).toEqual([expect.objectContaining({ id: note.id, body: 'Morning slot confirmed' })]);
			expect(itemsOf(exec, 'Notes of the appointment')).toEqual([expect.objectContaining({ id: note.id, body: 'Morning slot confirmed' })]);
			expect(itemsOf(exec, 'Delete note')).toEqual([{ deleted: true, id: note.id }]);

			const [lunch] = itemsOf(exec, 'Block lunch');
			expect(lunch).toEqual(expect.objectContaining({ calendarId, title: 'Lunch' }));
			expect(time(lunch.startTime)).toBe('12:00');
			const [moved] = itemsOf(exec, 'Move lunch');
			expect(moved).toEqual(expect.objectContaining({ id: lunch.id, calendarId, title: 'Team lunch' }));
			expect([time(moved.startTime), time(moved.endTime)]).toEqual(['13:00', '14:00']);
			// the appointment moved to 12:00 was deleted: 12:00 is free again, 13:00 to 14:00 is not
			expect(itemsOf(exec, 'Free slots around lunch').map((s) => time(s.start))).toEqual(['12:00', '12:30', '14:00']);
			expect(itemsOf(exec, 'Blocked slots of the calendar')).toEqual([expect.objectContaining({ id: lunch.id, title: 'Team lunch' })]);
			expect(itemsOf(exec, 'Delete blocked slot')).toEqual([{ deleted: true, id: lunch.id }]);

			expect(sandbox.state().blockedSlots[LOCATION] ?? []).toEqual([]);
			expect(Object.values(sandbox.state().notes).flat()).toEqual([]);
		}, 4 * MINUTE);
	});

	// ---------------------------------------------------------------------------------------------------------
	describeResources(inEditor);
	describeSchedules(inEditor);
	describeServices(inEditor);

	// ---------------------------------------------------------------------------------------------------------
	describe('the tokens never leak', () => {
		test('not in the node outputs of any execution', () => {
			expect(executions.map((e) => e.name)).toHaveLength(1);
			// 5 run as Execute Workflow runs them; started by their Webhook: 2 booking, 2 rooms-and-notifications, 1 schedule, 1 services run
			expect(editorExecutions).toHaveLength(11);
			const runs = [...executions.map(({ name, exec }) => ({ name, data: [exec.runData ?? {}, exec.error ?? {}] })), ...editorExecutions.map((e) => ({ name: `editor ${e.id}`, data: e.runData }))];
			for (const { name, data } of runs) {
				const text = JSON.stringify(data);
				for (const s of secrets()) expect({ execution: name, leaked: text.includes(s) ? s : null }).toEqual({ execution: name, leaked: null });
			}
		});

		test('not in the stdout/stderr of any n8n process, nor in the REST answers', () => {
			// the editor still runs (the saved executions are read through it below): its output so far
			if (editor) processOutputs.push({ what: 'n8n start (editor)', text: editor.output() });
			// the credentials' import, the `n8n execute` run, the editor
			expect(processOutputs.length).toBeGreaterThanOrEqual(3);
			// the control: `n8n execute` prints the run, with the error the wrong token got, so a leaked token would show
			expect(processOutputs.filter((o) => o.text.includes('Invalid token: access token is invalid')).length).toBeGreaterThanOrEqual(1);
			for (const { what, text } of [...processOutputs, ...restAnswers]) {
				expect(text.length).toBeGreaterThan(0);
				for (const s of secrets()) expect({ what, leaked: text.includes(s) ? s : null }).toEqual({ what, leaked: null });
			}
		});

		test("not in the saved executions (as n8n's REST API serves them), and credentials are stored encrypted", async () => {
			const list = await rest('GET', '/rest/executions?limit=100');
			expect(list.status).toBe(200);
			const ids = (list.json.data.results as Array<{ id: string }>).map((e) => e.id);
			// every execution was saved (the positive control for the search below)
			expect(ids).toHaveLength(executions.length + editorExecutions.length);
			const saved = await Promise.all(ids.map(async (id) => ({ id, answer: await rest('GET', `/rest/executions/${id}`) })));
			expect(saved.map(({ answer }) => answer.status)).toEqual(ids.map(() => 200));
			expect(saved.some(({ answer }) => answer.text.includes('acme-dental-hygiene'))).toBe(true);
			expect(saved.some(({ answer }) => answer.text.includes('Invalid token: access token is invalid'))).toBe(true);
			for (const { id, answer } of saved) {
				for (const s of secrets()) expect({ execution: id, leaked: answer.text.includes(s) ? s : null }).toEqual({ execution: id, leaked: null });
			}

			// the credentials as stored (n8n's export without --decrypted gives the encrypted data)
			const file = join(userFolder, '.export', 'credentials.json');
			await mkdir(join(userFolder, '.export'), { recursive: true });
			const exported = await runN8n(inst, userFolder, ['export:credentials', '--all', `--output=${file}`]);
			processOutputs.push({ what: 'n8n export:credentials', text: exported.stdout + exported.stderr });
			const creds = (JSON.parse(await readFile(file, 'utf8')) as Array<{ type: string; data: unknown }>).filter((c) => c.type === CRED_TYPE);
			await rm(file, { force: true });
			expect(creds).toHaveLength(8); // 3 imported + 5 made through the REST API (the agency one is of its own type)
			for (const c of creds) {
				expect(typeof c.data).toBe('string');
				expect(c.data).not.toMatch(/accessToken|pit-/);
				for (const s of secrets()) expect(String(c.data).includes(s)).toBe(false);
			}
		});

		test('not in any file n8n wrote (database, WAL, event logs, config)', async () => {
			const CONTROL = 'Booking calendars of the orthodontics team';
			const scan = await scanFiles(join(userFolder, '.n8n'), [...secrets(), CONTROL], ['nodes']);
			say(`scanned ${scan.files.length} files (${Math.round(scan.bytes / 1024)} KiB) under .n8n/: ${scan.files.join(', ')}`);
			expect(scan.files).toContain('database.sqlite');
			// the control: what the executions saved is found in clear text, so a token would be too
			expect(scan.hits.filter((h) => h.needle === CONTROL).map((h) => h.file)).toEqual(
				expect.arrayContaining([expect.stringMatching(/^database\.sqlite/)]),
			);
			expect(scan.hits.filter((h) => h.needle !== CONTROL)).toEqual([]);
		});
	});

	// ---------------------------------------------------------------------------------------------------------
	// after the token searches above, in the same editor: examples/ imported, run and (the trigger's) activated
	describeExamples(() => ({ line, inst, editor: editor!, sandbox }));
});
