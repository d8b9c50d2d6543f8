/**
 * The workflows the e2e suite imports into real n8n: built-in nodes (Manual Trigger, Code) feeding the package's
 * node. Every chain is linear: each node's output is the next node's input.
 */
export const NODE_TYPE = 'n8n-nodes-highlevel-calendars.highLevelCalendars';
export const CRED_TYPE = 'highLevelCalendarsApi';

export interface CredRef {
	id: string;
	name: string;
}

interface WfNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, CredRef>;
	onError?: string;
	executeOnce?: boolean;
	webhookId?: string;
}

export interface Workflow {
	id?: string;
	name: string;
	nodes: WfNode[];
	connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }>;
}

const MANUAL_TRIGGER: WfNode = { id: 'trigger', name: 'When clicking Execute', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };

type Step = Omit<WfNode, 'id' | 'position' | 'typeVersion' | 'type'> & { type?: string; typeVersion?: number };

/** A Webhook trigger answering POST /webhook/<path> at once, for a workflow the running editor executes. */
export function webhookTrigger(path: string): WfNode {
	const parameters = { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} };
	return { id: 'trigger', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], parameters, webhookId: path };
}

/** trigger (Manual Trigger unless given) → steps[0] → steps[1] → … */
export function chain(name: string, steps: Step[], trigger: WfNode = MANUAL_TRIGGER): Workflow {
	const nodes: WfNode[] = [
		trigger,
		...steps.map((s, i) => ({
			typeVersion: 1,
			type: NODE_TYPE,
			...s,
			id: `step-${i + 1}`,
			position: [220 * (i + 1), 0] as [number, number],
		})),
	];
	const connections: Workflow['connections'] = {};
	for (let i = 0; i < nodes.length - 1; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { name, nodes, connections };
}

/** A Code node (JavaScript, run once for all items) returning these items. */
export function codeItems(name: string, items: unknown[]): Step {
	return {
		name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: { jsCode: `return ${JSON.stringify(items.map((json) => ({ json })), null, 1)};` },
	};
}

/** The package's node with one credential. */
export function hl(name: string, cred: CredRef, parameters: Record<string, unknown>, extra: Partial<Step> = {}): Step {
	return {
		name,
		parameters: { authentication: 'privateIntegrationToken', resource: 'calendarGroup', options: {}, ...parameters },
		credentials: { [CRED_TYPE]: cred },
		...extra,
	};
}

/** An expression reading a field of the body POSTed to the workflow's Webhook. */
export const webhookBody = (field: string) => `$('Webhook').first().json.body.${field}`;

/** The package's node for one resource, run once (for the first input item) unless `extra` says otherwise. */
export const step =
	(resource: string) =>
	(name: string, cred: CredRef, parameters: Record<string, unknown>, extra: Partial<Step> = { executeOnce: true }) =>
		hl(name, cred, { resource, ...parameters }, extra);

export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
export const bySlug = (value: string) => ({ __rl: true, mode: 'slug', value });

/** What a CRM (or an n8n trigger of a CRM) hands the node: offices and their departments. */
export const CRM_ROWS = [
	{ office: { name: 'Acme Dental', locationId: 'sandboxLocation0001' }, department: 'Hygiene', bookable: true },
	{ office: { name: 'Acme Dental', locationId: 'sandboxLocation0001' }, department: 'Orthodontics', bookable: false },
	{ office: { name: 'Acme Dental', locationId: 'sandboxLocation0001' }, department: 'Front Desk (EU)', bookable: true },
];

export function lifecycleWorkflows(cred: CredRef) {
	const create = chain('e2e 1: create and get', [
		codeItems('CRM departments', CRM_ROWS),
		hl('Create group', cred, {
			operation: 'create',
			locationId: '={{ $json.office.locationId }}',
			name: '={{ $json.office.name }} {{ $json.department }}',
			description: '=Booking calendars of the {{ $json.department.toLowerCase() }} team',
			slug: '',
			isActive: '={{ $json.bookable }}',
		}),
		hl('Get by ID', cred, { operation: 'get', group: byId('={{ $json.id }}') }),
		// reads a node two steps back, through the items' pairing
		hl('Get by slug', cred, { operation: 'get', group: bySlug("={{ $('Create group').item.json.slug }}") }),
	]);

	const modify = chain('e2e 2: update, disable, list, enable, check slugs', [
		hl('Update description', cred, {
			operation: 'update',
			group: bySlug('acme-dental-hygiene'),
			updateFields: { description: 'Hygiene team, updated by the e2e test' },
		}),
		hl('Disable', cred, { operation: 'disable', group: byId('={{ $json.id }}') }),
		hl('Active groups', cred, { operation: 'getAll', returnAll: true, filters: { activeOnly: true } }),
		hl(
			'Name contains ortho',
			cred,
			{ operation: 'getAll', returnAll: false, limit: 10, filters: { activeOnly: false, nameContains: 'ORTHO' } },
			{ executeOnce: true },
		),
		hl('Enable by slug', cred, { operation: 'enable', group: bySlug('={{ $json.slug }}') }),
		hl('First group only', cred, { operation: 'getAll', returnAll: false, limit: 1, filters: {} }),
		codeItems('Slugs to check', [{ slug: 'acme-dental-hygiene' }, { slug: 'brand-new-slug' }]),
		hl('Check slug', cred, { operation: 'checkSlug', slug: '={{ $json.slug }}' }),
	]);

	const remove = chain('e2e 4: delete', [
		hl('Find front desk', cred, {
			operation: 'getAll',
			returnAll: true,
			filters: { activeOnly: false, nameContains: 'front desk' },
		}),
		hl('Delete by ID', cred, { operation: 'delete', group: byId('={{ $json.id }}') }),
		hl('Delete by slug', cred, { operation: 'delete', group: bySlug('acme-dental-orthodontics') }),
		hl('Remaining groups', cred, { operation: 'getAll', returnAll: true, filters: {} }),
	]);
	return { create, modify, remove };
}

/** Good and bad rows mixed, into a Create that continues on fail. */
export const MIXED_ROWS = [
	{ name: 'E2E Good One', slug: 'e2e-good-one' },
	{ name: '', slug: 'e2e-empty-name' },
	{ name: 'E2E Bad Slug', slug: 'Bad Slug!' },
	{ name: 'E2E Taken Slug', slug: 'acme-dental-hygiene' },
	{ name: 'E2E Other Location', slug: 'e2e-other-location', locationId: 'sandboxLocation0002' },
	{ name: 'E2E Good Two', slug: '' },
];

export function continueOnFailWorkflow(cred: CredRef) {
	return chain('e2e 3: continue on fail', [
		codeItems('Mixed rows', MIXED_ROWS),
		hl(
			'Create (continue on fail)',
			cred,
			{
				operation: 'create',
				locationId: "={{ $json.locationId || '' }}",
				name: '={{ $json.name }}',
				description: '=Imported from CRM row {{ $itemIndex }}',
				slug: '={{ $json.slug }}',
			},
			{ onError: 'continueRegularOutput' },
		),
		// Options > If Slug Is Taken, once each (executeOnce: only the first input item)
		hl(
			'Create taken slug (add suffix)',
			cred,
			{
				operation: 'create',
				name: 'Acme Dental Hygiene',
				description: 'A second hygiene group',
				slug: 'acme-dental-hygiene',
				options: { onSlugTaken: 'addSuffix' },
			},
			{ executeOnce: true },
		),
		hl(
			'Create taken slug (return existing)',
			cred,
			{
				operation: 'create',
				name: 'Whatever',
				description: 'Never created',
				slug: 'acme-dental-hygiene',
				options: { onSlugTaken: 'returnExisting' },
			},
			{ executeOnce: true },
		),
	]);
}

/** A wrong token (continue on fail), a refused plain-http Base URL (continue on fail), the wrong token again (stops). */
export function badCredentialsWorkflow(wrongToken: CredRef, plainHttp: CredRef) {
	return chain('e2e 5: bad credentials', [
		hl('Wrong token (continue)', wrongToken, { operation: 'getAll', returnAll: true }, { onError: 'continueRegularOutput' }),
		hl('Plain http (continue)', plainHttp, { operation: 'getAll', returnAll: true }, { onError: 'continueRegularOutput' }),
		hl('Wrong token (stops)', wrongToken, { operation: 'getAll', returnAll: true }),
	]);
}

export const CALENDAR_OWNER = 'e2eOwnerUser00000001';
const calendarStep = (name: string, cred: CredRef, parameters: Record<string, unknown>, extra: Partial<Step> = {}) =>
	hl(name, cred, { resource: 'calendar', ...parameters }, extra);

/** A group filled with two calendars, listed, read, one taken out, the safe delete refusing, then all cleaned up. */
export function calendarsWorkflow(cred: CredRef) {
	return chain('e2e 6: calendars', [
		hl('Create group for calendars', cred, { operation: 'create', name: 'E2E Calendars', description: 'Filled with calendars', slug: '' }),
		calendarStep('Create round robin', cred, {
			operation: 'create',
			name: 'Team Calls',
			calendarType: 'round_robin',
			teamMembers: { member: [{ userId: CALENDAR_OWNER, priority: 1 }] },
			calendarGroup: byId('={{ $json.id }}'),
			calendarFields: { slotDuration: 45, slotDurationUnit: 'mins' },
		}),
		calendarStep('Create event', cred, {
			operation: 'create',
			name: 'Open Day',
			calendarType: 'event',
			calendarGroup: bySlug('e2e-calendars'),
			additionalFields: '{"autoConfirm": false}',
		}),
		calendarStep('Calendars of the group', cred, { operation: 'getAll', returnAll: true, calendarGroup: bySlug('e2e-calendars') }),
		calendarStep('Get by ID', cred, { operation: 'get', calendar: byId('={{ $json.id }}') }),
		calendarStep(
			'Take out of group',
			cred,
			{ operation: 'update', calendar: byId('={{ $json.id }}'), groupChange: 'remove', updateFields: { name: '={{ $json.name }} (ungrouped)' } },
			{ executeOnce: true },
		),
		hl('Delete group (refused)', cred, { operation: 'delete', group: bySlug('e2e-calendars') }, { onError: 'continueRegularOutput' }),
		hl('Delete group and its calendars', cred, {
			operation: 'delete',
			group: bySlug('e2e-calendars'),
			options: { ifHoldsCalendars: 'deleteCalendarsFirst' },
		}),
		calendarStep('Remaining calendars', cred, { operation: 'getAll', returnAll: true }),
		calendarStep('Delete calendar', cred, { operation: 'delete', calendar: byId('={{ $json.id }}') }),
	]);
}
