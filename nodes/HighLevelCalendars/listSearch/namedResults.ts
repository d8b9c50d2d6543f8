import type { INodeListSearchResult } from 'n8n-workflow';

/** Records as "From List" shows them: by name, filtered by the text typed (case-insensitive). */
export function namedResults(records: Array<{ id: string; name: string }>, filter?: string): INodeListSearchResult {
	const needle = (filter ?? '').trim().toLowerCase();
	return { results: records.filter((record) => !needle || record.name.toLowerCase().includes(needle)).map((record) => ({ name: record.name, value: record.id })) };
}
