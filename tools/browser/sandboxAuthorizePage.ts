/**
 * The sandbox's authorize page (sandbox/oauth-choose-page.ts, `install.ask`) in the OAuth2 popup, chosen as an admin
 * would: one sub-account for a sub-account app; for an agency app all sub-accounts, or one, and future ones or not.
 */
import type { Page } from 'playwright-core';

export interface AgencyChoice {
	/** a sub-account's label as the page shows it, e.g. "Sandbox Fitness (sandboxLocation0002)"; undefined: all */
	only?: string;
	future: boolean;
}

export async function installForSubAccount(popup: Page, subAccount: string): Promise<void> {
	await popup.getByLabel(subAccount).check();
	await popup.getByRole('button', { name: 'Install' }).click();
}

export async function installForAgency(popup: Page, choice: AgencyChoice): Promise<void> {
	await popup.getByLabel(choice.only ?? 'All sub-accounts').check();
	await popup.getByLabel('Future sub-accounts too').setChecked(choice.future);
	await popup.getByRole('button', { name: 'Install' }).click();
}
