/**
 * The n8n editor's sign-in page, filled in as a person does. n8n marks its elements with `data-test-id`, which
 * playwright's getByTestId reads once told so.
 */
import { selectors, type Page } from 'playwright-core';

import type { Owner } from '../n8n/owner';

export function useN8nTestIds(): void {
	selectors.setTestIdAttribute('data-test-id');
}

export async function signInThroughUi(page: Page, editorUrl: string, owner: Owner): Promise<void> {
	useN8nTestIds();
	await page.goto(`${editorUrl}/signin`);
	await page.getByTestId('emailOrLdapLoginId').locator('input').fill(owner.email);
	await page.getByTestId('password').locator('input').fill(owner.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}
