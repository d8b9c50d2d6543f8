/**
 * n8n's nodes panel (the node creator) and node panel (NDV), driven as a person does: search the nodes panel, add a
 * node by one of its actions, read the fields the panel shows, choose a credential and an operation, open a From List
 * picker and type in its search box, execute the step and read the output panel; and the node's subtitle on the
 * canvas.
 */
import type { Locator, Page } from 'playwright-core';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The names of the options of the dropdown open now (n8n's element-plus selects), once it shows them. */
async function openDropdownItems(page: Page): Promise<string[]> {
	const selector = '.el-select-dropdown__item:visible';
	await page.locator(selector).first().waitFor();
	const items = await page.locator(selector).allInnerTexts();
	// an option's first line is its name; a second line, its description
	return items.map((text) => text.trim().split('\n')[0].trim()).filter(Boolean);
}

/** Escape closes the dropdown open now; waits until it is gone (a later dropdown's items are read by visibility). */
async function closeDropdown(page: Page): Promise<void> {
	await page.keyboard.press('Escape');
	await page.locator('.el-select-dropdown__item:visible').first().waitFor({ state: 'hidden' });
}

/** What `read` gives once it gives `expected`, or after 5 s what it gives then (the panel redraws a moment after a choice). */
async function readUntil(page: Page, expected: string[], read: () => Promise<string[]>): Promise<string[]> {
	const until = Date.now() + 5000;
	let value = await read();
	while (value.join('\n') !== expected.join('\n') && Date.now() < until) {
		await page.waitForTimeout(100);
		value = await read();
	}
	return value;
}

/** Waits until an input shows the value (Vue sets the property, not the attribute). */
async function waitForValue(input: Locator, value: string, timeoutMs = 10000): Promise<void> {
	const started = Date.now();
	for (let shown = await input.inputValue(); shown !== value; shown = await input.inputValue()) {
		if (Date.now() - started > timeoutMs) throw new Error(`the input shows "${shown}", not "${value}", after ${timeoutMs} ms`);
		await input.page().waitForTimeout(100);
	}
}

async function chooseInDropdown(page: Page, trigger: Locator, name: string): Promise<void> {
	await trigger.click();
	const items = page.locator('.el-select-dropdown__item:visible');
	const exactly = new RegExp(`^${escapeRegExp(name)}$`, 'i');
	// an option with a description holds its name in an element of its own
	await items.filter({ hasText: exactly }).or(items.filter({ has: page.getByText(exactly) })).first().click();
	await page.locator('.el-select-dropdown__item:visible').first().waitFor({ state: 'hidden' });
}

export async function openNewWorkflow(page: Page, editorUrl: string): Promise<void> {
	await page.goto(`${editorUrl}/workflow/new`);
	await page.getByTestId('canvas-add-button').or(page.getByTestId('node-creator-plus-button')).first().waitFor();
}

export interface ListedNode {
	name: string;
	description: string;
}

/** The nodes panel's search: the nodes it lists, by name and description. */
export async function searchNodesPanel(page: Page, text: string): Promise<ListedNode[]> {
	const search = page.getByTestId('node-creator-search-bar');
	if (!(await search.isVisible())) await page.getByTestId('canvas-add-button').or(page.getByTestId('node-creator-plus-button')).first().click();
	await search.fill(text);
	await page.getByTestId('item-iterator-item').filter({ hasText: new RegExp(escapeRegExp(text), 'i') }).first().waitFor();
	return (await page.getByTestId('item-iterator-item').allInnerTexts()).map((item) => {
		const [name, ...rest] = item.split('\n').map((line) => line.trim()).filter(Boolean);
		return { name, description: rest.join(' ') };
	});
}

/** Clicks a listed node (by its name or description), then one of its actions ("Create a calendar group"); the node panel opens. */
export async function addNodeByAction(page: Page, listed: string, action: string): Promise<NodePanel> {
	await page.getByTestId('item-iterator-item').filter({ hasText: listed }).first().click();
	await page.getByTestId('item-iterator-item').filter({ hasText: action }).first().click();
	return await nodePanel(page);
}

export interface FromListPicker {
	/** types into the picker's search box; returns the items listed once every one matches (at least one must) */
	search(text: string): Promise<string[]>;
	pick(item: string): Promise<void>;
}

export interface NodePanel {
	root: Locator;
	/**
	 * the labels of the parameters shown (Parameters tab), in order; the panel redraws its fields a moment after a
	 * resource or operation is chosen, so they are read again until they are `expected` (or 5 s have passed)
	 */
	fieldLabels(expected: string[]): Promise<string[]>;
	/** the credential selector's label ("Credential") */
	credentialLabel(): Promise<string>;
	/** the credentials the selector offers, as "name\ntype" */
	credentialChoices(): Promise<string[]>;
	chooseCredential(name: string): Promise<void>;
	/** Credential → Create new credential: the authentication choices the credential modal offers (then closed) */
	newCredentialChoices(): Promise<string[]>;
	/** the Operation list; like the fields, it follows a newly chosen resource a moment later, so it is read again until it is `expected` (or 5 s have passed) */
	operationChoices(expected: string[]): Promise<string[]>;
	chooseOperation(name: string): Promise<void>;
	chooseResource(name: string): Promise<void>;
	/** the names a dropdown parameter offers */
	choicesOf(parameter: string): Promise<string[]>;
	/** a webhook node's URL of the kind ("Production URL"), from the panel's Webhook URLs */
	webhookUrl(kind: string): Promise<string>;
	/** the names under Options → Add Option */
	optionNames(): Promise<string[]>;
	/** whether the parameter is a resource locator (From List / By ID) */
	isPicker(parameter: string): Promise<boolean>;
	openFromList(parameter: string): Promise<FromListPicker>;
	fill(parameter: string, value: string): Promise<void>;
	/** the fields whose ✨ (let the model define) button shows when hovered */
	fromAiFields(): Promise<string[]>;
	execute(): Promise<void>;
	outputText(): Promise<string>;
	/** switches the output panel to its JSON view */
	outputAsJson(): Promise<void>;
	/** whether the output panel comes to show the text (it renders the items a moment after the run) */
	outputShows(text: string): Promise<boolean>;
	close(): Promise<void>;
}

export async function nodePanel(page: Page): Promise<NodePanel> {
	const root = page.getByTestId('ndv');
	await root.waitFor();
	const parameters = root.getByTestId('node-parameters');
	const items = () => parameters.getByTestId('parameter-item').filter({ visible: true });
	const chooseOption = async (parameter: string, name: string) => {
		const input = root.getByTestId(`parameter-input-${parameter}`);
		if ((await input.locator('input').inputValue()) === name) return;
		await chooseInDropdown(page, input, name);
		await waitForValue(input.locator('input'), name);
	};
		const labelOf = async (item: Locator) => (await item.getByTestId('input-label').first().innerText()).split('\n')[0].trim();

	return {
		root,
		fieldLabels: async (expected) =>
			await readUntil(page, expected, async () => {
				const labels: string[] = [];
				for (const item of await items().all()) {
					if (await item.getByTestId('input-label').count()) labels.push(await labelOf(item));
				}
				return labels;
			}),
		credentialLabel: async () => (await root.getByTestId('credentials-label').innerText()).trim(),
		credentialChoices: async () => {
			await root.getByTestId('node-credentials-select').click();
			const items = page.locator('[data-test-id^="node-credentials-select-item-"]:visible');
			await items.first().waitFor();
			const choices = (await items.allInnerTexts()).map((text) => text.trim());
			await closeDropdown(page);
			return choices.filter((text) => text && !/^Create new credential/.test(text));
		},
		chooseCredential: async (name) => {
			await root.getByTestId('node-credentials-select').click();
			await page.locator('[data-test-id^="node-credentials-select-item-"]:visible').filter({ hasText: name }).click();
			await page.locator('[data-test-id^="node-credentials-select-item-"]:visible').first().waitFor({ state: 'hidden' });
			await waitForValue(root.getByTestId('node-credentials-select').locator('input'), name);
		},
		newCredentialChoices: async () => {
			await root.getByTestId('node-credentials-select').click();
			await page.getByTestId('node-credentials-select-item-new').click();
			const modal = page.getByTestId('editCredential-modal');
			const texts = async () => (await page.locator('[role^="menuitem"]:visible').allInnerTexts()).map((text) => text.trim()).filter(Boolean);
			const before = await texts();
			const trigger = modal.getByTestId('credential-mode-dropdown-trigger');
			const chosen = (await trigger.innerText()).trim();
			await trigger.click();
			await page.locator('[role^="menuitem"]:visible').filter({ hasText: chosen }).first().waitFor();
			// the menu's items are the menu items that were not there before it opened (the modal's own Connection, Sharing, Details)
			const choices = (await texts()).filter((text) => !before.includes(text));
			// the trigger closes the menu; the modal's close asks "Close without connecting?" (Escape would close the node panel too)
			await trigger.click();
			await page.locator('[role^="menuitem"]:visible').filter({ hasText: chosen }).first().waitFor({ state: 'hidden' });
			await modal.locator('.el-dialog__close').first().click();
			await page.getByRole('dialog', { name: 'Close without connecting?' }).getByRole('button', { name: 'Close', exact: true }).click();
			await modal.waitFor({ state: 'hidden' });
			return choices;
		},
		operationChoices: async (expected) =>
			await readUntil(page, expected, async () => {
				await root.getByTestId('parameter-input-operation').click();
				const choices = await openDropdownItems(page);
				await closeDropdown(page);
				return choices;
			}),
		chooseOperation: async (name) => await chooseOption('operation', name),
		chooseResource: async (name) => await chooseOption('resource', name),
		choicesOf: async (parameter) => {
			await root.getByTestId(`parameter-input-${parameter}`).click();
			const choices = await openDropdownItems(page);
			await closeDropdown(page);
			return choices;
		},
		webhookUrl: async (kind) => {
			const url = root.getByText(/^https?:\/\/\S+\/webhook(-test)?\//).first();
			if (!(await url.isVisible())) await root.getByText('Webhook URLs', { exact: true }).click();
			await root.getByText(kind, { exact: true }).first().click();
			return (await url.innerText()).replace(/\s+/g, '');
		},
		optionNames: async () => {
			const options = items().filter({ has: page.getByTestId('input-label').filter({ hasText: /^Options/ }) });
			await options.getByTestId('collection-parameter-add').click();
			const names = await openDropdownItems(page);
			await closeDropdown(page);
			return names;
		},
		isPicker: async (parameter) => await root.getByTestId(`resource-locator-${parameter}`).isVisible(),
		openFromList: async (parameter) => {
			const locator = root.getByTestId(`resource-locator-${parameter}`);
			// a value the field kept from another credential's text field leaves the picker without a mode
			await chooseInDropdown(page, locator.getByTestId('rlc-mode-selector'), 'From List');
			await locator.getByTestId('rlc-input').click();
			const search = page.getByTestId('rlc-search').filter({ visible: true });
			await search.waitFor();
			const listed = async () => (await page.getByTestId('rlc-item').filter({ visible: true }).allInnerTexts()).map((text) => text.trim());
			return {
				search: async (text) => {
					await search.fill(text);
					const typed = new RegExp(escapeRegExp(text), 'i');
					await page.getByTestId('rlc-item').filter({ visible: true }).filter({ hasText: typed }).first().waitFor();
					const others = page.getByTestId('rlc-item').filter({ visible: true }).filter({ hasNotText: typed });
					await others.first().waitFor({ state: 'detached' });
					return await listed();
				},
				pick: async (item) => {
					await page.getByTestId('rlc-item').filter({ visible: true }).filter({ hasText: item }).first().click();
				},
			};
		},
		fill: async (parameter, value) => {
			const input = root.getByTestId(`parameter-input-${parameter}`).locator('input, textarea').first();
			await input.fill(value);
			// leaving the field closes its hint ("Tip: Execute previous nodes ...") over the next one
			await input.blur();
		},
		fromAiFields: async () => {
			const fields: string[] = [];
			for (const item of await items().all()) {
				if (!(await item.getByTestId('input-label').count())) continue;
				await item.hover();
				if (await item.getByTestId('from-ai-override-button').isVisible()) fields.push(await labelOf(item));
			}
			return fields;
		},
		execute: async () => {
			await root.getByTestId('node-execute-button').click();
			await root.getByTestId('node-run-status-success').or(root.getByTestId('node-error-message')).first().waitFor();
		},
		outputText: async () => await root.getByTestId('output-panel').innerText(),
		outputAsJson: async () => await root.getByTestId('output-panel').getByTestId('radio-button-json').click(),
		outputShows: async (text) =>
			await root
				.getByTestId('output-panel')
				.getByText(text)
				.first()
				.waitFor()
				.then(() => true)
				.catch(() => false),
		close: async () => {
			await root.getByTestId('ndv-close-button').click();
			await root.waitFor({ state: 'hidden' });
		},
	};
}

/** A node on the canvas other than the manual trigger the editor starts a workflow with (its name follows n8n's renaming). */
export function canvasNodeBesideTrigger(page: Page): Locator {
	return page.getByTestId('canvas-node').filter({ hasNotText: 'When clicking' });
}

/** The subtitle under a node's name on the canvas: the last line the node shows. */
export async function canvasSubtitle(node: Locator): Promise<string> {
	const lines = (await node.innerText()).split('\n').map((line) => line.trim()).filter(Boolean);
	return lines[lines.length - 1] ?? '';
}
