/**
 * The node's hand-written checks of room, equipment and notification bodies against the official OpenAPI files: each
 * table is the spec's schema, and for a table of bodies what the node lets through the spec takes, and what the spec
 * refuses the node refuses.
 */
import { notificationBodyRule } from '../../nodes/HighLevelCalendars/api/calendarNotifications/notificationChecks';
import { resourceBodyRule } from '../../nodes/HighLevelCalendars/api/calendarResources/resourceChecks';
import { shapeProblem, type Rule } from '../../nodes/HighLevelCalendars/shared/schemaCheck';
import { ApiVersion, validateRequest } from '../../tools/contract/openapi';
import { componentSchemas, fromRule, jsonRequest, normalize, type Json } from '../../tools/contract/ruleTable';

const VERSIONS: ApiVersion[] = ['2021-04-15', 'v3'];

type Operation = 'create' | 'update';
const RULES: Record<string, { rule: (operation: Operation) => Rule; schema: Record<Operation, string>; path: Record<Operation, string> }> = {
	resource: {
		rule: resourceBodyRule,
		schema: { create: 'CreateCalendarResourceDTO', update: 'UpdateCalendarResourceDTO' },
		path: { create: '/calendars/resources/rooms', update: '/calendars/resources/rooms/r1' },
	},
	notification: {
		rule: notificationBodyRule,
		schema: { create: 'CreateCalendarNotificationDTO', update: 'UpdateCalendarNotificationsDTO' },
		path: { create: '/calendars/cal1/notifications', update: '/calendars/cal1/notifications/n1' },
	},
};

const ROOM = { locationId: 'loc1', name: 'Yoga', description: '', quantity: 1, outOfService: 0, capacity: 10, calendarIds: [] };
const NOTIFICATION = { receiverType: 'contact', channel: 'email', notificationType: 'reminder' };

/** [what, kind, operation, body] */
const CASES: Array<[string, keyof typeof RULES, Operation, Json]> = [
	['a room with every required property', 'resource', 'create', ROOM],
	['a room without capacity', 'resource', 'create', { ...ROOM, capacity: undefined }],
	['a room with capacity as text', 'resource', 'create', { ...ROOM, capacity: '10' }],
	['a room with 101 calendars', 'resource', 'create', { ...ROOM, calendarIds: Array.from({ length: 101 }, (_, i) => `c${i}`) }],
	['a room with 100 calendars', 'resource', 'create', { ...ROOM, calendarIds: Array.from({ length: 100 }, (_, i) => `c${i}`) }],
	['a calendar id as a number', 'resource', 'create', { ...ROOM, calendarIds: [1] }],
	['isActive on create', 'resource', 'create', { ...ROOM, isActive: true }],
	['an undocumented property', 'resource', 'create', { ...ROOM, colour: 'red' }],
	['an update of isActive and capacity', 'resource', 'update', { isActive: false, capacity: 3 }],
	['an empty update', 'resource', 'update', {}],
	['the least notification', 'notification', 'create', NOTIFICATION],
	['a notification without a channel', 'notification', 'create', { ...NOTIFICATION, channel: undefined }],
	['an unknown channel', 'notification', 'create', { ...NOTIFICATION, channel: 'pigeon' }],
	['a reminder an hour before', 'notification', 'create', { ...NOTIFICATION, beforeTime: [{ timeOffset: 1, unit: 'hours' }] }],
	['a schedule with an undocumented property', 'notification', 'create', { ...NOTIFICATION, beforeTime: [{ timeOffset: 1, unit: 'hours', at: 'x' }] }],
	['emails as text', 'notification', 'create', { ...NOTIFICATION, additionalEmailIds: 'a@b.c' }],
	['deleted on create', 'notification', 'create', { ...NOTIFICATION, deleted: true }],
	['deleted on update', 'notification', 'update', { deleted: false }],
	['an unknown receiver in an update', 'notification', 'update', { receiverType: 'everyone' }],
	['every text field', 'notification', 'update', { templateId: 't', body: 'b', subject: 's', fromAddress: 'a', fromName: 'n', fromNumber: '1', selectedUsers: ['sub_account_admin'] }],
];

describe.each(VERSIONS)('the node\'s room, equipment and notification checks, Version %s', (version) => {
	it.each(Object.keys(RULES).flatMap((kind) => (['create', 'update'] as const).map((operation) => [kind, operation] as const)))(
		'describe the %s %s body exactly as the official schema does',
		(kind, operation) => {
			const schemas = componentSchemas(version);
			expect(fromRule(RULES[kind].rule(operation))).toEqual(normalize(schemas[RULES[kind].schema[operation]] as Json, schemas));
		},
	);

	it.each(CASES)('%s: what the node lets through the spec takes, what the spec refuses the node refuses', (_what, kind, operation, body) => {
		const sent = JSON.parse(JSON.stringify(body)) as Json;
		const request = jsonRequest(operation === 'create' ? 'POST' : 'PUT', RULES[kind].path[operation], version, sent);
		if (kind === 'notification' && operation === 'create') request.body = [sent];
		const specErrors = validateRequest(request).errors;
		const nodeProblem = shapeProblem(RULES[kind].rule(operation), sent, '');
		expect({ nodeRefuses: nodeProblem !== undefined, specErrors }).toEqual({ nodeRefuses: specErrors.length > 0, specErrors });
	});
});
