/** The HighLevel Trigger workflows of the trigger e2e suite: one trigger node each, on its own webhookId. */
import { randomUUID } from 'crypto';

import type { WorkflowToImport } from '../../../tools/n8n/importData';

export const TRIGGER_TYPE = 'n8n-nodes-highlevel-calendars.highLevelTrigger';
export const KEY_CRED_TYPE = 'highLevelCalendarsWebhookKeyApi';
export const SECRET_CRED_TYPE = 'highLevelCalendarsWebhookSecretApi';
export const AGENCY_CRED_TYPE = 'highLevelCalendarsAgencyOAuth2Api';
/** the path the node's webhook description gives; n8n serves /webhook/<webhookId>/<path> */
export const TRIGGER_PATH = 'highlevel';

export interface TriggerWorkflow {
	workflow: WorkflowToImport;
	webhookId: string;
}

export function triggerWorkflow(name: string, parameters: Record<string, unknown>, credentials: Record<string, { id: string; name: string }>): TriggerWorkflow {
	const webhookId = randomUUID();
	const node = { id: randomUUID(), name: 'HighLevel Trigger', type: TRIGGER_TYPE, typeVersion: 2, position: [0, 0], webhookId, parameters, credentials };
	return { webhookId, workflow: { name, nodes: [node], connections: {}, settings: { executionOrder: 'v1' } } };
}

/**
 * The booking recipe's first half: the trigger on AppointmentCreate (signed with the key credential's key, for the
 * agency credential's sub-accounts) → this
 * package's node, which writes a note on the appointment the event names.
 */
export function bookingNoteWorkflow(triggerCredentials: Record<string, { id: string; name: string }>, highLevel: { id: string; name: string }, note: string): TriggerWorkflow {
	const made = triggerWorkflow('trigger: booked → note', { events: ['AppointmentCreate'], verificationKey: 'credential' }, triggerCredentials);
	const noteNode = {
		id: randomUUID(),
		name: 'Note the booking',
		type: 'n8n-nodes-highlevel-calendars.highLevelCalendars',
		typeVersion: 1,
		position: [220, 0],
		parameters: { authentication: 'privateIntegrationToken', resource: 'appointmentNote', operation: 'create', appointmentId: '={{ $json.appointment.id }}', noteBody: note, options: {} },
		credentials: { highLevelCalendarsApi: highLevel },
	};
	const workflow = { ...made.workflow, nodes: [...made.workflow.nodes, noteNode], connections: { 'HighLevel Trigger': { main: [[{ node: noteNode.name, type: 'main', index: 0 }]] } } };
	return { ...made, workflow };
}
