/**
 * n8n's credential modal, driven as a person does: a new credential of a type (Overview → Create credential), its
 * fields filled in, renamed, saved (n8n tests the credential on save; Retry tests it again), and OAuth2's Connect
 * button with the provider's page in a popup.
 */
import type { Locator, Page } from 'playwright-core';

export interface CredentialModal {
	root: Locator;
	fill(fields: Record<string, string>): Promise<void>;
	rename(name: string): Promise<void>;
	/** Save, then the credential test n8n runs after it; returns the banner's text */
	save(): Promise<string>;
	/** Retry: the credential test again; returns the banner's text */
	retest(): Promise<string>;
	/** the test's banner: "Connection tested successfully", or "Couldn't connect ..." with the message under More details */
	banner(): Promise<string>;
	/** Connect: `approve` acts on the provider's page in the popup; resolves once the popup has closed */
	connect(approve: (popup: Page) => Promise<void>): Promise<void>;
	close(): Promise<void>;
}

const BANNERS = ['credentials-config-container-test-success', 'oauth-connect-success-banner'];

export async function newCredential(page: Page, editorUrl: string, typeName: string): Promise<CredentialModal> {
	await page.goto(`${editorUrl}/home/credentials/create`);
	await page.getByTestId('new-credential-type-select').click();
	await page.keyboard.type(typeName);
	await page.getByTestId('new-credential-type-select-option').filter({ hasText: new RegExp(`^${typeName}$`) }).click();
	await page.getByTestId('new-credential-type-button').click();
	const root = page.getByTestId('editCredential-modal');
	await root.waitFor();

	const banner = async () => {
		const failed = root.getByText('Couldn’t connect with these settings');
		const success = root.locator(BANNERS.map((id) => `[data-test-id="${id}"]`).join(', ')).filter({ visible: true });
		await failed.or(success).first().waitFor();
		if (await failed.isVisible()) {
			const details = root.getByText('More details');
			if (await details.isVisible()) await details.click();
		}
		return await root.locator('[data-test-id="node-credentials-config-container"]').innerText();
	};
	/** n8n tests the credential after a save and on Retry: the test's answer, then its banner */
	const tested = async (action: () => Promise<void>) => {
		const answer = page.waitForResponse((response) => new URL(response.url()).pathname === '/rest/credentials/test');
		await action();
		await answer;
		return await banner();
	};

	return {
		root,
		fill: async (fields) => {
			for (const [name, value] of Object.entries(fields)) await root.getByTestId(`parameter-input-${name}`).locator('input').fill(value);
		},
		rename: async (name) => {
			await root.getByTestId('credential-name').click();
			await root.getByTestId('credential-name').getByTestId('inline-edit-input').fill(name);
			await root.getByTestId('credential-name').getByTestId('inline-edit-input').press('Enter');
		},
		save: async () => await tested(async () => await root.getByTestId('credential-save-button').click()),
		retest: async () => await tested(async () => await root.getByRole('button', { name: 'Retry' }).click()),
		banner,
		connect: async (approve) => {
			const popupOpened = page.context().waitForEvent('page');
			await root.getByTestId('quick-connect-button').click();
			const popup = await popupOpened;
			await popup.waitForURL((url) => url.protocol.startsWith('http'));
			const closed = popup.waitForEvent('close');
			await approve(popup);
			await closed;
			await root.getByTestId('oauth-connect-success-banner').waitFor();
		},
		close: async () => {
			await page.keyboard.press('Escape');
			await root.waitFor({ state: 'hidden' });
		},
	};
}
