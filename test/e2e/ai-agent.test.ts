/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * An AI Agent in REAL n8n (both lines) uses this package's node as a tool: the chat model is n8n's OpenAI Chat Model
 * whose credential's Base URL is a scripted OpenAI-compatible server on 127.0.0.1 (tools/openai-stub). The model calls
 * the tool with the arguments it chose ($fromAI fields), then answers quoting the tool's result. What the model gets
 * when the tool fails (a taken slug) depends on the tool's Settings → On Error, shown here for each choice. Neither the
 * HighLevel token nor the OpenAI API key appears in what n8n prints of an execution.
 *
 *   npm run test:e2e                          both lines (with the rest of the e2e suite)
 *   E2E_LINES=2 npx jest -c jest.e2e.config.js test/e2e/ai-agent.test.ts
 */
import { randomBytes } from 'crypto';
import { join } from 'path';

import { executeWorkflow, itemsOf, type Execution } from '../../tools/n8n/execute';
import { importIntoN8n } from '../../tools/n8n/importData';
import { ensureN8n, stderrLog, type N8nInstall } from '../../tools/n8n/install';
import { prepareUserFolder } from '../../tools/n8n/userFolder';
import type { ChatRequest } from '../../tools/openai-stub/chat';
import { startOpenAiStub, type OpenAiStub } from '../../tools/openai-stub/server';
import { DEFAULT_CONTACTS } from '../../tools/sandbox/bookings';
import { bookableCalendar } from '../../tools/sandbox/harness';
import { DEFAULT_TOKENS, startSandbox, type Sandbox } from '../../tools/sandbox/server';
import { BOOK_TOOL, BOOKING_AGENT, bookedReply, bookingConversation, FREE_SLOTS_TOOL, tomorrow, withBookingAgent } from './support/bookingAgent';
import { AGENT, agentWorkflow, calendarTool, FROM_AI_FIELDS, OPENAI_CRED_TYPE, TOOL_FUNCTION, type ToolOnError } from './support/agentWorkflow';import { BOOKING_ZONE } from './support/bookingWorkflows';
import { e2eRun, LINES, MINUTE } from './support/run';
import { CRED_TYPE } from './support/workflows';

const [{ token: SANDBOX_TOKEN, locationId: LOCATION }] = DEFAULT_TOKENS;
const GROUP = { name: 'Agents Team', description: 'Bookings the agent set up', slug: 'agents-team' };
const PROMPT = 'Create a calendar group called Agents Team with the slug agents-team.';
const CALENDAR_PROMPT = 'Create a round robin calendar called Agents Team with the slug agents-team in the group agents-team.';
const OWNER_USER = 'agentOwnerUser000001';
const CONTACT = DEFAULT_CONTACTS[0].id as string;
const TAKEN = `Slug "${GROUP.slug}" is taken by calendar group "${GROUP.name}"`;
const TAKEN_FIX = 'Choose another slug, or set Options > If Slug Is Taken';
/** The scripted model's final answer: what the stub replies once it holds the tool's result. */
const MODEL_ANSWER = (toolResult: string) => `Done. The calendar tool answered: ${toolResult}`;

const run = e2eRun('e2e agent');

describe.each(LINES)('an AI Agent uses the node as its tool, real n8n line %s', (line) => {
	const log = stderrLog(`e2e agent line ${line}`);
	const apiKey = `sk-stub-${randomBytes(16).toString('hex')}`;
	let inst: N8nInstall;
	let userFolder: string;
	let sandbox: Sandbox;
	let stub: OpenAiStub;
	let workflowIds: Record<ToolOnError, string>;
	let calendarWorkflowId: string;
	/** the calendar the booking agent books in (open every day), made before the workflows are imported */
	let bookingCalendarId: string;
	/** the run of the calendar workflow, whose second agent books: read again by the booking test */
	let calendarRun: { execution: Execution; chats: ChatRequest[] } | undefined;

	beforeAll(async () => {
		inst = await ensureN8n(line, { cacheDir: process.env.E2E_N8N_CACHE_DIR, log });
		userFolder = join(run.dir, `line-${line}`);
		await prepareUserFolder(inst, userFolder, run.tarball(), log);
		sandbox = await startSandbox({ port: 0 });
		stub = await startOpenAiStub({ toolArguments: GROUP, answer: MODEL_ANSWER, conversations: [bookingConversation] }, apiKey);
		bookingCalendarId = (await bookableCalendar(sandbox, { name: 'Booking Desk' })).id;
		const highLevel = { id: 'agentHighLevel01', name: 'HighLevel sandbox' };
		const openAi = { id: 'agentOpenAiStub1', name: 'OpenAI stub' };
		const settings: ToolOnError[] = ['continueRegularOutput', 'default', 'continueErrorOutput'];
		const imported = await importIntoN8n(inst, userFolder, {
			credentials: [
				{ ...highLevel, type: CRED_TYPE, data: { accessToken: SANDBOX_TOKEN, locationId: LOCATION, baseUrl: sandbox.url } },
				{ ...openAi, type: OPENAI_CRED_TYPE, data: { apiKey, url: stub.url } },
			],
			workflows: [
				...settings.map((onError) => agentWorkflow(`Agent, tool on error: ${onError}`, PROMPT, { highLevel, openAi }, onError)),
				withBookingAgent(
					agentWorkflow('Agent creates a calendar, then a second agent books', CALENDAR_PROMPT, { highLevel, openAi }, 'continueRegularOutput', calendarTool(GROUP.slug, OWNER_USER)),
					{ highLevel, openAi },
					bookingCalendarId,
					CONTACT,
				),
			],
		});
		workflowIds = Object.fromEntries(settings.map((onError, index) => [onError, imported.workflowIds[index]])) as Record<ToolOnError, string>;
		calendarWorkflowId = imported.workflowIds[settings.length];
	}, 15 * MINUTE);

	afterAll(async () => {
		await stub?.close();
		await sandbox?.close();
	});

	/** Runs the agent workflow; resolves with the execution and the model's chat requests during it. */
	async function runAgent(onError: ToolOnError, workflowId = workflowIds[onError]): Promise<{ execution: Execution; chats: ChatRequest[] }> {
		const before = stub.chats().length;
		const execution = await executeWorkflow(inst, userFolder, workflowId, 3 * MINUTE);
		log(`agent run (${workflowId}, tool on error: ${onError}): ${execution.status ?? 'no status'} in ${(execution.durationMs / 1000).toFixed(1)} s`);
		// the execution as n8n prints it (run data, the agent's answer, the tool's error): no token, no API key
		for (const secret of [SANDBOX_TOKEN, apiKey]) expect(execution.stdout + execution.stderr).not.toContain(secret);
		return { execution, chats: stub.chats().slice(before) };
	}

	/** What the model received as the tool's result (the tool message of its second request), parsed. */
	function toolResultSeen(chats: ChatRequest[]): unknown {
		const message = chats[1]?.messages.find((m) => m.role === 'tool');
		if (!message) throw new Error(`the model never received a tool result; requests: ${JSON.stringify(chats).slice(0, 2000)}`);
		return JSON.parse(String(message.content));
	}

	const answerOf = (execution: Execution) => String(itemsOf(execution, AGENT)[0]?.output);
	/**
	 * The stub is scripted to quote the tool's result, so the answer's words prove nothing about a model; what can fail is
	 * n8n's part: the agent's output is the reply the model gave to the tool result it was sent.
	 */
	const expectOutputIsModelReply = (execution: Execution, chats: ChatRequest[]) => {
		const toolMessage = chats[1]?.messages.find((m) => m.role === 'tool');
		expect(answerOf(execution)).toBe(MODEL_ANSWER(String(toolMessage?.content)));
	};

	test('the model is offered the tool with the $fromAI fields, calls it, the group is created, and the output is its reply', async () => {
		const { execution, chats } = await runAgent('continueRegularOutput');
		expect(execution.error?.message).toBeUndefined();
		expect(execution.ok).toBe(true);

		const offered = chats[0].tools?.map((tool) => tool.function);
		expect(offered).toEqual([
			expect.objectContaining({
				name: TOOL_FUNCTION,
				parameters: expect.objectContaining({
					properties: {
						name: { type: 'string', description: FROM_AI_FIELDS.name },
						description: { type: 'string', description: FROM_AI_FIELDS.description },
						slug: { type: 'string', description: FROM_AI_FIELDS.slug },
					},
				}),
			}),
		]);

		const groups = sandbox.state().locations[LOCATION];
		expect(groups).toEqual([expect.objectContaining({ ...GROUP, locationId: LOCATION, isActive: true })]);
		expect(toolResultSeen(chats)).toEqual([groups[0]]);
		expectOutputIsModelReply(execution, chats);
	});

	test('the calendar tool: the model\'s call creates a round robin calendar in the group it made, and the answer carries it', async () => {
		calendarRun = await runAgent('continueRegularOutput', calendarWorkflowId);
		const { execution, chats } = calendarRun;
		expect(execution.ok).toBe(true);
		const [group] = sandbox.state().locations[LOCATION];
		const calendars = sandbox.state().calendars[LOCATION].filter((calendar) => calendar.id !== bookingCalendarId);
		expect(calendars).toEqual([
			expect.objectContaining({
				...GROUP,
				groupId: group.id,
				calendarType: 'round_robin',
				teamMembers: [{ userId: OWNER_USER, priority: 1 }],
				widgetSlug: GROUP.slug,
			}),
		]);
		expect(toolResultSeen(chats)).toEqual(calendars);
		expectOutputIsModelReply(execution, chats);
		expect(answerOf(execution)).toContain(calendars[0].id);
	});

	test('the booking agent (same run): asked to book the first free slot tomorrow, it calls Get Free Slots, then Book, and replies with the time', async () => {
		if (!calendarRun) throw new Error('the calendar workflow did not run');
		const { execution, chats } = calendarRun;
		const booking = chats.filter((chat) => chat.tools?.some((tool) => tool.function.name === BOOK_TOOL));
		expect(booking).toHaveLength(3);
		expect(booking[0].tools?.map((tool) => tool.function.name).sort()).toEqual([BOOK_TOOL, FREE_SLOTS_TOOL]);
		const calls = booking[2].messages.flatMap((message) => message.tool_calls ?? []).map((call) => [call.function.name, JSON.parse(call.function.arguments)]);
		const day = tomorrow();
		const slots = JSON.parse(String(booking[1].messages.find((message) => message.role === 'tool')?.content)) as Array<{ start: string; timeZone: string }>;
		// the calendar is open 9:00 to 17:00 every day in 30-minute slots: tomorrow's first is 9:00
		expect(slots).toHaveLength(16);
		expect(slots[0]).toEqual(expect.objectContaining({ start: expect.stringMatching(new RegExp(`^${day}T09:00:00[-+]`)), timeZone: BOOKING_ZONE }));
		// the calls as n8n hands them back to the model (it adds the call's id to the arguments)
		expect(calls).toEqual([
			[FREE_SLOTS_TOOL, expect.objectContaining({ start: `${day}T00:00:00`, end: `${day}T23:59:00` })],
			[BOOK_TOOL, expect.objectContaining({ startTime: slots[0].start })],
		]);
		const stored = (sandbox.state().appointments[LOCATION] ?? []).filter((appointment) => appointment.calendarId === bookingCalendarId);
		expect(stored).toEqual([expect.objectContaining({ contactId: CONTACT, startMs: Date.parse(slots[0].start) })]);
		const booked = JSON.parse(String(booking[2].messages.filter((message) => message.role === 'tool')[1]?.content)) as Array<{ id: string }>;
		expect(booked).toEqual([expect.objectContaining({ id: stored[0].id, calendarId: bookingCalendarId, contactId: CONTACT })]);
		expect(itemsOf(execution, BOOKING_AGENT)).toEqual([{ output: bookedReply(slots[0].start) }]);
		expect(String(itemsOf(execution, BOOKING_AGENT)[0].output)).toContain(`tomorrow: 09:00`);
	});

	test('a taken slug, tool set to On Error → Continue: the model gets the error and how to fix it, and the output is its reply', async () => {
		const { execution, chats } = await runAgent('continueRegularOutput');
		expect(execution.ok).toBe(true);
		const [result] = toolResultSeen(chats) as Array<{ error: string; description: string }>;
		expect(result.error).toContain(TAKEN);
		expect(result.description).toBe(TAKEN_FIX);
		expectOutputIsModelReply(execution, chats);
		expect(sandbox.state().locations[LOCATION]).toHaveLength(1);
	});

	test('a taken slug, tool left at On Error → Stop Workflow (the default): n8n 1.x stops the workflow, n8n 2.x gives the model the message only', async () => {
		const { execution, chats } = await runAgent('default');
		if (line === '1') {
			expect(execution.ok).toBe(false);
			expect(execution.error?.message).toContain(TAKEN);
			expect(chats).toHaveLength(1);
		} else {
			expect(execution.ok).toBe(true);
			const [result] = toolResultSeen(chats) as Array<Record<string, unknown>>;
			expect(Object.keys(result)).toEqual(['error']);
			expect(result.error).toContain(TAKEN);
			expectOutputIsModelReply(execution, chats);
		}
	});

	test('a taken slug, tool set to On Error → Continue (using error output): the model gets an empty result', async () => {
		const { execution, chats } = await runAgent('continueErrorOutput');
		expect(execution.ok).toBe(true);
		expect(toolResultSeen(chats)).toBe('');
	});
});
