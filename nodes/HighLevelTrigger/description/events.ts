import type { INodePropertyOptions } from 'n8n-workflow';

export const anyEvent = '*';

/**
 * The `type` values HighLevel sends. LocationCreate reaches agency-level apps; LocationUpdate reaches agency-level
 * apps, for all their sub-accounts or for chosen ones (HighLevel's LocationUpdate page).
 */
export const eventOptions: INodePropertyOptions[] = [
	{ name: 'Any Event', value: anyEvent, action: 'On any event', description: 'Every event the app receives' },
	{ name: 'App Installed (INSTALL)', value: 'INSTALL', action: 'On app installed' },
	{ name: 'App Uninstalled (UNINSTALL)', value: 'UNINSTALL', action: 'On app uninstalled' },
	{ name: 'Appointment Created', value: 'AppointmentCreate', action: 'On appointment created' },
	{ name: 'Appointment Deleted', value: 'AppointmentDelete', action: 'On appointment deleted' },
	{ name: 'Appointment Updated', value: 'AppointmentUpdate', action: 'On appointment updated' },
	{ name: 'Contact Created', value: 'ContactCreate', action: 'On contact created' },
	{ name: 'Contact Deleted', value: 'ContactDelete', action: 'On contact deleted' },
	{ name: 'Contact Updated', value: 'ContactUpdate', action: 'On contact updated' },
	{
		name: 'Sub-Account Created (Agency App)',
		value: 'LocationCreate',
		action: 'On sub-account created',
		description: 'The new sub-account is the event\'s own ID (it has no locationId)',
	},
	{
		name: 'Sub-Account Updated (Agency App)',
		value: 'LocationUpdate',
		action: 'On sub-account updated',
		description: 'For all of the agency app\'s sub-accounts or for the ones chosen in the app',
	},
	{ name: 'User Created', value: 'UserCreate', action: 'On user created' },
];
