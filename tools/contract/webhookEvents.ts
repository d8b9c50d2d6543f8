/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * HighLevel's documented webhook events (highlevel/webhook-events.json, provenance in highlevel/SOURCE.md): the
 * `type` each is sent with, its first documented example, and its schema as an Ajv validator.
 */
import Ajv, { ValidateFunction } from 'ajv';
import * as fs from 'fs';
import * as path from 'path';

import type { Json } from './specs';

interface DocumentedEvent {
	schema?: Json;
	examples: Json[];
}

const events = JSON.parse(fs.readFileSync(path.join(__dirname, 'highlevel', 'webhook-events.json'), 'utf8')) as Record<string, DocumentedEvent>;

/** Pages whose `type` is not the page's name (see SOURCE.md). */
const SENT_TYPES: Record<string, string> = {
	AppInstall: 'INSTALL',
	AppUninstall: 'UNINSTALL',
	PlanChange: 'PLAN_CHANGE',
	ConversationUnreadWebhook: 'ConversationUnreadUpdate',
	ProviderOutboundMessage: 'SMS',
};

/** Schema types the pages write that JSON Schema does not know (and `required: true` on a property, dropped). */
const STRING_LIKE_TYPES = ['Date', 'Email/SMS'];

export const DOCUMENTED_EVENTS = Object.keys(events);

export function sentType(page: string): string {
	return SENT_TYPES[page] ?? page;
}

/** The page an event is documented on, by its page name or the `type` it is sent with. */
export function documentedPage(nameOrType: string): string | undefined {
	if (nameOrType in events) return nameOrType;
	return DOCUMENTED_EVENTS.find((page) => sentType(page) === nameOrType);
}

/** The page's first example, with the `type` HighLevel sends. */
export function documentedExample(page: string): Json {
	return { ...structuredClone(events[page].examples[0] ?? {}), type: sentType(page) };
}

function readableSchema(schema: unknown): unknown {
	if (Array.isArray(schema)) return schema.map(readableSchema);
	if (!schema || typeof schema !== 'object') return schema;
	const out: Json = {};
	for (const [key, value] of Object.entries(schema as Json)) {
		if (key === 'required' && typeof value === 'boolean') continue;
		out[key] = key === 'type' && typeof value === 'string' && STRING_LIKE_TYPES.includes(value) ? 'string' : readableSchema(value);
	}
	return out;
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, logger: false });
const validators = new Map<string, ValidateFunction>();

/** What in `payload` the page's schema does not allow (empty: valid, or the page documents no schema). */
export function eventIssues(page: string, payload: unknown): string[] {
	const schema = events[page]?.schema;
	if (!schema) return [];
	let validate = validators.get(page);
	if (!validate) {
		validate = ajv.compile(readableSchema(schema) as Json);
		validators.set(page, validate);
	}
	if (validate(payload)) return [];
	return (validate.errors ?? []).map((error) => `${error.instancePath || 'payload'} ${error.message ?? 'is invalid'}`);
}
