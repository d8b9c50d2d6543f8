/**
 * A second AI Agent, after the first in its workflow (so it adds no n8n run): asked to book the first free slot
 * tomorrow, with two tools of this package's node, Get Free Slots and Book, the dates the model fills in written as
 * $fromAI(). Its scripted model (a conversation of the OpenAI stub) calls Get Free Slots for tomorrow, then Book with
 * the first slot listed, then replies with the time.
 */
import type { Conversation } from '../../../tools/openai-stub/chat';
import { textOf } from '../../../tools/openai-stub/chat';
import type { WorkflowToImport } from '../../../tools/n8n/importData';
import { AGENT, chatModelNode } from './agentWorkflow';
import { BOOKING_ZONE } from './bookingWorkflows';
import { byId, type CredRef } from './workflows';

export const BOOKING_AGENT = 'Booking Agent';
export const BOOKING_PROMPT = 'Book the first free slot tomorrow for our new patient.';
export const FREE_SLOTS_TOOL = 'Get_free_slots';
export const BOOK_TOOL = 'Book_appointment';
export const bookedReply = (start: string) => `Booked the first free slot tomorrow: ${start.slice(11, 16)} (${start})`;

/** Tomorrow's date in the tools' zone. */
export const tomorrow = () => new Intl.DateTimeFormat('en-CA', { timeZone: BOOKING_ZONE }).format(Date.now() + 24 * 3600_000);

const fromAi = (field: string, description: string) => `={{ $fromAI('${field}', '${description}', 'string') }}`;

/** The model's side: which tool it calls at each turn, from the results it holds. */
export const bookingConversation: Conversation = (request) => {
	const names = (request.tools ?? []).map((tool) => tool.function.name);
	if (!names.includes(BOOK_TOOL)) return undefined;
	const results = request.messages.filter((message) => message.role === 'tool').map((message) => textOf(message.content));
	if (results.length === 0) {
		const day = tomorrow();
		return { kind: 'toolCall', id: 'call_slots', name: FREE_SLOTS_TOOL, arguments: JSON.stringify({ start: `${day}T00:00:00`, end: `${day}T23:59:00` }) };
	}
	const [first] = JSON.parse(results[0]) as Array<{ start: string }>;
	if (results.length === 1) return { kind: 'toolCall', id: 'call_book', name: BOOK_TOOL, arguments: JSON.stringify({ startTime: first.start }) };
	return { kind: 'text', text: bookedReply(first.start) };
};

/** The workflow with the booking agent after its agent: its own chat model node, its two tools. */
export function withBookingAgent(workflow: WorkflowToImport, credentials: { highLevel: CredRef; openAi: CredRef }, calendarId: string, contactId: string): WorkflowToImport {
	const tool = (id: string, name: string, parameters: Record<string, unknown>) => ({
		id,
		name,
		type: 'n8n-nodes-highlevel-calendars.highLevelCalendarsTool',
		typeVersion: 1,
		position: [660, 200],
		parameters: { authentication: 'privateIntegrationToken', calendar: byId(calendarId), ...parameters },
		credentials: { highLevelCalendarsApi: credentials.highLevel },
	});
	const nodes = [
		{ id: 'bookingAgent', name: BOOKING_AGENT, type: '@n8n/n8n-nodes-langchain.agent', typeVersion: 3, position: [660, 0], parameters: { promptType: 'define', text: BOOKING_PROMPT, options: {} } },
		chatModelNode('bookingModel', 'Booking Chat Model', [660, 400], credentials.openAi),
		tool('freeSlotsTool', 'Get free slots', {
			resource: 'calendar',
			operation: 'getFreeSlots',
			start: fromAi('start', 'The first moment to look at, YYYY-MM-DDTHH:mm:ss'),
			end: fromAi('end', 'The last moment to look at, YYYY-MM-DDTHH:mm:ss'),
			timeZone: BOOKING_ZONE,
			output: 'slots',
			options: {},
		}),
		tool('bookTool', 'Book appointment', {
			resource: 'appointment',
			operation: 'book',
			contactId,
			startTime: fromAi('startTime', 'The start of the free slot to book, as Get free slots listed it'),
			options: { timeZone: BOOKING_ZONE },
		}),
	];
	const toAgent = (type: string) => ({ [type]: [[{ node: BOOKING_AGENT, type, index: 0 }]] });
	return {
		...workflow,
		nodes: [...workflow.nodes, ...nodes],
		connections: {
			...workflow.connections,
			[AGENT]: { main: [[{ node: BOOKING_AGENT, type: 'main', index: 0 }]] },
			'Booking Chat Model': toAgent('ai_languageModel'),
			'Get free slots': toAgent('ai_tool'),
			'Book appointment': toAgent('ai_tool'),
		},
	};
}
