/**
 * The Calendar Resource (rooms, equipment) and Calendar Notification workflows of the e2e suite: started by a Webhook
 * in the running editor (no n8n start of their own), the POST body naming the calendars. Each chain runs Create → Get
 * → Get Many → Update → Delete once, as a user would; the agency chain does it per item, one item per sub-account.
 */
import { AGENCY_CRED_TYPE } from './oauthWorkflows';
import { byId, chain, hl, step, webhookBody, webhookTrigger, type CredRef } from './workflows';

/** What the test POSTs to the sub-account workflow. */
export interface ResourcesRequest {
	/** a service calendar of the credential's sub-account */
	calendarId: string;
}

/** What the test POSTs to the agency workflow: one sub-account per entry. */
export interface AgencyResourcesRequest {
	subAccounts: Array<{ locationId: string; calendarId: string }>;
}

const body = webhookBody;

/**
 * Rooms and equipment: a room and a piece of equipment for the calendar, each read back, listed, updated and deleted;
 * then the calendar's notifications: a reminder made from fields, read, listed, switched off and to SMS, deleted,
 * and found again only among the deleted ones.
 */
export function resourcesWorkflow(cred: CredRef, path: string) {
	const resource = step('calendarResource');
	const notification = step('calendarNotification');
	const calendarId = `={{ ${body('calendarId')} }}`;
	const calendar = byId(calendarId);
	const room = byId(`={{ $('Create room').first().json.id }}`);
	const equipment = byId(`={{ $('Create equipment').first().json.id }}`);
	const reminder = byId(`={{ $('Create reminder').first().json._id }}`);
	const rooms = { resourceType: 'rooms' };
	const equipments = { resourceType: 'equipments' };
	return chain(
		'e2e 9: rooms, equipment and notifications',
		[
			resource('Create room', cred, { ...rooms, operation: 'create', name: 'Yoga Room', description: 'Second floor', capacity: 12, calendarIds: calendarId }),
			resource('Create equipment', cred, { ...equipments, operation: 'create', name: 'Massage Table', quantity: 3, outOfService: 1, calendarIds: calendarId }),
			resource('Get room', cred, { ...rooms, operation: 'get', calendarResource: room }),
			resource('Get equipment', cred, { ...equipments, operation: 'get', calendarResource: equipment }),
			resource('Rooms', cred, { ...rooms, operation: 'getAll', returnAll: true }),
			resource('Equipment', cred, { ...equipments, operation: 'getAll', returnAll: true }),
			resource('Update room', cred, { ...rooms, operation: 'update', calendarResource: room, updateFields: { name: 'Yoga Studio', capacity: 20, isActive: false } }),
			resource('Update equipment', cred, { ...equipments, operation: 'update', calendarResource: equipment, updateFields: { outOfService: 0, calendarIds: '' } }),
			resource('Delete room', cred, { ...rooms, operation: 'delete', calendarResource: room }),
			resource('Delete equipment', cred, { ...equipments, operation: 'delete', calendarResource: equipment }),
			notification('Create reminder', cred, {
				operation: 'create',
				calendar,
				receiverType: 'contact',
				channel: 'email',
				notificationType: 'reminder',
				notificationFields: { subject: 'See you soon', beforeTime: { time: [{ timeOffset: 2, unit: 'hours' }] }, additionalEmailIds: 'front@acme.example, desk@acme.example' },
			}),
			notification('Get reminder', cred, { operation: 'get', calendar, notification: reminder }),
			notification('Notifications', cred, { operation: 'getAll', calendar, returnAll: true }),
			notification('Update reminder', cred, { operation: 'update', calendar, notification: reminder, updateFields: { isActive: false, channel: 'sms' } }),
			notification('Delete reminder', cred, { operation: 'delete', calendar, notification: reminder }),
			notification('Deleted notifications', cred, { operation: 'getAll', calendar, returnAll: true, filters: { deleted: true } }),
		],
		webhookTrigger(path),
	);
}

/**
 * The agency credential, one item per sub-account (Location ID and calendar read from the item's row): a room and a
 * confirmation per sub-account, each read, listed, updated and deleted.
 */
export function agencyResourcesWorkflow(cred: CredRef, path: string) {
	const row = (field: string) => `={{ $('Sub-accounts').item.json.${field} }}`;
	const agency = (resource: string) => (name: string, parameters: Record<string, unknown>) =>
		hl(name, cred, { authentication: 'agencyOAuth2', locationId: byId(row('locationId')), resource, ...parameters }, { credentials: { [AGENCY_CRED_TYPE]: cred } });
	const resource = agency('calendarResource');
	const notification = agency('calendarNotification');
	const calendar = byId(row('calendarId'));
	const room = byId(`={{ $('Create room').item.json.id }}`);
	const confirmation = byId(`={{ $('Create confirmation').item.json._id }}`);
	const rooms = { resourceType: 'rooms' };
	return chain(
		'e2e 10: rooms and notifications in two sub-accounts (agency credential)',
		[
			{
				name: 'Sub-accounts',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				parameters: { jsCode: `return ${body('subAccounts')}.map((json) => ({ json }));` },
			},
			resource('Create room', { ...rooms, operation: 'create', name: `={{ 'Room of ' + $json.locationId }}`, capacity: 4, calendarIds: row('calendarId') }),
			resource('Get room', { ...rooms, operation: 'get', calendarResource: room }),
			resource('Rooms', { ...rooms, operation: 'getAll', returnAll: true }),
			resource('Update room', { ...rooms, operation: 'update', calendarResource: room, updateFields: { capacity: 6 } }),
			resource('Delete room', { ...rooms, operation: 'delete', calendarResource: room }),
			notification('Create confirmation', { operation: 'create', calendar, receiverType: 'contact', channel: 'email', notificationType: 'confirmation' }),
			notification('Get confirmation', { operation: 'get', calendar, notification: confirmation }),
			notification('Notifications', { operation: 'getAll', calendar, returnAll: true }),
			notification('Update confirmation', { operation: 'update', calendar, notification: confirmation, updateFields: { subject: 'Booked' } }),
			notification('Delete confirmation', { operation: 'delete', calendar, notification: confirmation }),
		],
		webhookTrigger(path),
	);
}
