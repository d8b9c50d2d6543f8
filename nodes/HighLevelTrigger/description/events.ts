import type { INodePropertyOptions } from 'n8n-workflow';

export const anyEvent = '*';

/** The `type` values HighLevel sends; LocationCreate and LocationUpdate reach agency-level apps only. */
export const eventOptions: INodePropertyOptions[] = [
	{ name: 'Any Event', value: anyEvent, description: 'Every event the app receives' },
	{ name: 'App Installed (INSTALL)', value: 'INSTALL' },
	{ name: 'App Uninstalled (UNINSTALL)', value: 'UNINSTALL' },
	{ name: 'Appointment Created', value: 'AppointmentCreate' },
	{ name: 'Appointment Deleted', value: 'AppointmentDelete' },
	{ name: 'Appointment Updated', value: 'AppointmentUpdate' },
	{ name: 'Contact Created', value: 'ContactCreate' },
	{ name: 'Contact Deleted', value: 'ContactDelete' },
	{ name: 'Contact Updated', value: 'ContactUpdate' },
	{
		name: 'Sub-Account Created (Agency App)',
		value: 'LocationCreate',
		description: 'The new sub-account is in the field ID',
	},
	{ name: 'Sub-Account Updated (Agency App)', value: 'LocationUpdate' },
	{ name: 'User Created', value: 'UserCreate' },
];
