/**
 * An AI Agent added from the nodes panel, and a node added under it as a tool (the agent's Tool connection, then the
 * nodes panel's search); the tool's node panel opens.
 */
import type { Page } from 'playwright-core';

import { nodePanel, type NodePanel } from './nodePanel';

export async function addAgentWithTool(page: Page, toolSearch: string, toolName: string): Promise<NodePanel> {
	await page.getByTestId('node-creator-plus-button').click();
	await page.getByTestId('node-creator-search-bar').fill('AI Agent');
	await page.getByTestId('item-iterator-item').filter({ hasText: /^AI Agent/ }).first().click();
	const agent = await nodePanel(page);
	await agent.root.getByTestId('add-subnode-ai_tool-0').click();
	await page.getByTestId('node-creator-search-bar').fill(toolSearch);
	await page.getByTestId('item-iterator-item').filter({ hasText: toolName }).first().click();
	return await nodePanel(page);
}
