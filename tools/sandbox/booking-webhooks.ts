/**
 * What a sub-account's changes send: `AppointmentCreate` / `AppointmentUpdate` / `AppointmentDelete` when an
 * appointment changes through the API, `ContactCreate` when a contact is added (the admin route), to every app
 * installed in that location that has a webhook URL.
 */
import type { Json } from '../contract/specs';
import { documentedExample } from '../contract/webhookEvents';
import { AgencyDirectory } from './agency';
import { ContactRecord } from './bookings';
import { ChangeEvent } from './operations';
import { WebhookDelivery, WebhookSender } from './webhooks';

export async function announceChange(directory: AgencyDirectory, sender: WebhookSender, change: Pick<ChangeEvent, 'locationId' | 'fields'> & { event: string }): Promise<WebhookDelivery[]> {
	const deliveries: WebhookDelivery[] = [];
	for (const app of directory.appList()) {
		if (!directory.isInstalled(app.appId, change.locationId) || !sender.urlOf(app.appId)) continue;
		deliveries.push((await sender.emit({ event: change.event, appId: app.appId, fields: change.fields })).delivery);
	}
	return deliveries;
}

/** `ContactCreate`: the contact's fields; none of the documented example's is left (they are set undefined, so not sent). */
export function contactCreated(contact: ContactRecord): { event: string; locationId: string; fields: Json } {
	const { id, locationId, firstName, lastName, name, email, phone, dateAdded } = contact;
	const example = Object.fromEntries(Object.keys(documentedExample('ContactCreate')).filter((key) => key !== 'type').map((key) => [key, undefined]));
	const fields = { ...example, id, locationId, firstName, lastName, name, email, phone, dateAdded, tags: [], customFields: [], attachments: [] };
	return { event: 'ContactCreate', locationId, fields };
}
