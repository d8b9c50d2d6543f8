/**
 * What a new sub-account sends: `LocationCreate` to each agency (Company) app installed in its company, and `INSTALL`
 * to those whose install reaches future sub-accounts (it now covers the new one; without `userId`, as HighLevel's
 * AppInstall page shows for such installs). Only apps with a webhook URL get anything.
 */
import { AgencyDirectory, LocationRecord } from './agency';
import { WebhookDelivery, WebhookSender } from './webhooks';

export async function announceLocation(directory: AgencyDirectory, sender: WebhookSender, location: LocationRecord): Promise<WebhookDelivery[]> {
	const deliveries: WebhookDelivery[] = [];
	for (const app of directory.appList()) {
		const install = directory.agencyInstall(app.appId, location.companyId);
		if (app.distribution !== 'Company' || !install || !sender.urlOf(app.appId)) continue;
		const created = { id: location.id, companyId: location.companyId, name: location.name, email: location.email };
		deliveries.push((await sender.emit({ event: 'LocationCreate', appId: app.appId, fields: created })).delivery);
		if (install.locationIds.includes(location.id)) {
			const installed = { appId: app.appId, companyId: location.companyId, locationId: location.id, userId: undefined };
			deliveries.push((await sender.emit({ event: 'INSTALL', appId: app.appId, fields: installed })).delivery);
		}
	}
	return deliveries;
}
