/**
 * Manual Trigger → AI Agent, whose chat model is n8n's OpenAI Chat Model (its credential's Base URL: the OpenAI stub)
 * and whose one tool is this package's node as a tool (Create), the fields the model fills in written as $fromAI().
 */
import type { WorkflowToImport } from '../../../tools/n8n/importData';
import { STUB_MODEL } from '../../../tools/openai-stub/server';
import type { CredRef } from './workflows';

export const AGENT = 'AI Agent';
/** n8n's name for the group tool, as the model sees it (the node's name with underscores) */
export const TOOL_FUNCTION = 'Create_calendar_group';
export const OPENAI_CRED_TYPE = 'openAiApi';

/** The descriptions of the $fromAI() fields: what the model reads about each argument. */
export const FROM_AI_FIELDS = {
	name: 'The name of the calendar group',
	description: 'What the group is for, one sentence',
	slug: 'The URL slug: lowercase letters, digits and dashes',
};

/**
 * The tool node's Settings → On Error. 'default': left at Stop Workflow, which the editor saves as no `onError` at all
 * (an explicit 'stopWorkflow' behaves otherwise in n8n 2.x: it stops the workflow).
 */
export type ToolOnError = 'default' | 'continueRegularOutput' | 'continueErrorOutput';

const fromAi = (field: keyof typeof FROM_AI_FIELDS) => `={{ $fromAI('${field}', '${FROM_AI_FIELDS[field]}', 'string') }}`;

/** The tool node: its name, and the package node's parameters (Create, with $fromAI fields). */
interface AgentTool {
	name: string;
	parameters: Record<string, unknown>;
}

/** The group Create tool: name, description and slug from the model. */
export const GROUP_TOOL: AgentTool = {
	name: 'Create calendar group',
	parameters: { resource: 'calendarGroup', operation: 'create', name: fromAi('name'), description: fromAi('description'), slug: fromAi('slug') },
};

/** The calendar Create tool: a round robin for `userId` in the group with that slug, name, description and slug from the model. */
export function calendarTool(groupSlug: string, userId: string): AgentTool {
	return {
		name: 'Create calendar',
		parameters: {
			resource: 'calendar',
			operation: 'create',
			name: fromAi('name'),
			calendarType: 'round_robin',
			teamMembers: { member: [{ userId, priority: 1 }] },
			calendarGroup: { __rl: true, mode: 'slug', value: groupSlug },
			calendarFields: { description: fromAi('description'), slug: fromAi('slug') },
		},
	};
}

/** n8n's OpenAI Chat Model on the stub's model, with the OpenAI credential (its Base URL: the stub). */
export function chatModelNode(id: string, name: string, position: [number, number], openAi: CredRef) {
	return {
		id,
		name,
		type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
		typeVersion: 1.2,
		position,
		parameters: { model: { __rl: true, mode: 'id', value: STUB_MODEL }, options: {} },
		credentials: { [OPENAI_CRED_TYPE]: openAi },
	};
}

export function agentWorkflow(
	name: string,
	prompt: string,
	credentials: { highLevel: CredRef; openAi: CredRef },
	onError: ToolOnError,
	tool: AgentTool = GROUP_TOOL,
): WorkflowToImport {
	return {
		name,
		// what the editor gives a new workflow; under the old default (v0) the agent resumes before its tool has run
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: 'trigger', name: 'When clicking Execute', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'agent',
				name: AGENT,
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 3,
				position: [220, 0],
				parameters: { promptType: 'define', text: prompt, options: {} },
			},
			chatModelNode('model', 'OpenAI Chat Model', [220, 200], credentials.openAi),
			{
				id: 'tool',
				name: tool.name,
				type: 'n8n-nodes-highlevel-calendars.highLevelCalendarsTool',
				typeVersion: 1,
				position: [440, 200],
				parameters: { authentication: 'privateIntegrationToken', ...tool.parameters },
				credentials: { highLevelCalendarsApi: credentials.highLevel },
				...(onError === 'default' ? {} : { onError }),
			},
		],
		connections: {
			'When clicking Execute': { main: [[{ node: AGENT, type: 'main', index: 0 }]] },
			'OpenAI Chat Model': { ai_languageModel: [[{ node: AGENT, type: 'ai_languageModel', index: 0 }]] },
			[tool.name]: { ai_tool: [[{ node: AGENT, type: 'ai_tool', index: 0 }]] },
		},
	};
}
