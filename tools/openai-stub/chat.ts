/** The chat turns of a scripted model, in OpenAI's Chat Completions wire format. */

export interface ChatMessage {
	role: string;
	content?: string | null | Array<{ type: string; text?: string }>;
	tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>;
	tool_call_id?: string;
}

export interface ChatRequest {
	model: string;
	messages: ChatMessage[];
	tools?: Array<{ type: string; function: { name: string; description?: string; parameters?: unknown } }>;
	stream?: boolean;
}

export type Reply = { kind: 'toolCall'; id: string; name: string; arguments: string } | { kind: 'text'; text: string };

/** A conversation scripted turn by turn: its reply to a request, or undefined when the request is not one of its. */
export type Conversation = (request: ChatRequest) => Reply | undefined;

/** What the model does: call a tool with these arguments, then answer from the tool's result. */
export interface AgentScript {
	/** The arguments of the call to the first tool offered. */
	toolArguments: Record<string, unknown>;
	answer(toolResult: string): string;
	/** asked first: conversations of their own (another agent's, with other tools) */
	conversations?: Conversation[];
}

export function textOf(content: ChatMessage['content']): string {
	if (Array.isArray(content)) return content.map((part) => part.text ?? '').join('');
	return content ?? '';
}

/**
 * A conversation of `script.conversations` that answers, else: first turn, the tool call; once the conversation holds
 * the tool's result, the final answer quoting it.
 */
export function scriptedReply(request: ChatRequest, script: AgentScript): Reply {
	for (const conversation of script.conversations ?? []) {
		const reply = conversation(request);
		if (reply) return reply;
	}
	const toolResult = request.messages.find((message) => message.role === 'tool');
	if (toolResult) return { kind: 'text', text: script.answer(textOf(toolResult.content)) };
	const name = request.tools?.[0]?.function.name;
	if (!name) throw new Error('the agent offered the model no tool');
	return { kind: 'toolCall', id: 'call_stub_1', name, arguments: JSON.stringify(script.toolArguments) };
}

const USAGE = { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 };

function message(reply: Reply) {
	return reply.kind === 'text'
		? { role: 'assistant', content: reply.text }
		: {
				role: 'assistant',
				content: null,
				tool_calls: [{ id: reply.id, type: 'function', function: { name: reply.name, arguments: reply.arguments } }],
			};
}

const finishReason = (reply: Reply) => (reply.kind === 'text' ? 'stop' : 'tool_calls');

/** The answer to a Chat Completions request. */
export function completion(reply: Reply, model: string, created: number) {
	return {
		id: `chatcmpl-stub-${created}`,
		object: 'chat.completion',
		created,
		model,
		choices: [{ index: 0, message: message(reply), logprobs: null, finish_reason: finishReason(reply) }],
		usage: USAGE,
	};
}
