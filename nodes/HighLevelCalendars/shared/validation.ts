import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Lower case, a-z 0-9 and single dashes: "Sales Team (EU)" becomes "sales-team-eu". */
export function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

export function requireText(node: INode, value: unknown, field: string, itemIndex: number): string {
	const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
	if (text === '') refuseEmpty(node, field, itemIndex);
	return text;
}

/** The error of a required field left empty (text, a list, a date). */
export function refuseEmpty(node: INode, field: string, itemIndex: number): never {
	throw new NodeOperationError(node, `${field} is empty in item ${itemIndex}`, {
		itemIndex,
		description: `Set ${field}, or check that the expression mapped to it gives a value for this item`,
	});
}

/** A slug as HighLevel takes it; `field` names it in the error (Slug, Widget Slug). */
export function requireSlug(node: INode, value: unknown, itemIndex: number, field = 'Slug'): string {
	const slug = requireText(node, value, field, itemIndex);
	if (!SLUG_PATTERN.test(slug)) {
		const suggestion = slugify(slug);
		throw new NodeOperationError(node, `${field} "${slug}" in item ${itemIndex} has characters HighLevel slugs do not use`, {
			itemIndex,
			description: suggestion
				? `Use lower-case letters, digits and dashes only, e.g. "${suggestion}"`
				: 'Use lower-case letters, digits and dashes only',
		});
	}
	return slug;
}

/** A list field: comma-separated text, or a list mapped from an expression; empty entries dropped. */
export function readTextList(node: INode, value: unknown, field: string, itemIndex: number): string[] {
	const entries = Array.isArray(value) ? value : String(value ?? '').split(',');
	if (entries.some((entry) => typeof entry !== 'string' && typeof entry !== 'number')) {
		throw new NodeOperationError(node, `${field} in item ${itemIndex} must be a list of text`, {
			itemIndex,
			description: `Give ${field} comma-separated, or map a list of text`,
		});
	}
	return entries.map((entry) => String(entry).trim()).filter((entry) => entry !== '');
}
