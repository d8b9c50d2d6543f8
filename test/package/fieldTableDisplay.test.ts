/**
 * The field table (test/browser/fieldTable.ts) against the node's description as n8n-workflow's displayParameter reads
 * it, with the defaults of a new node: the fields each operation shows, in order, without a browser (the browser suite
 * compares the same table with the real editor).
 */
import { NodeHelpers, type INodeParameters, type INodePropertyOptions } from 'n8n-workflow';

import { HighLevelCalendars } from '../../nodes/HighLevelCalendars/HighLevelCalendars.node';
import { OPERATION_ROWS } from '../browser/fieldTable';

const description = new HighLevelCalendars().description;
const resourceField = description.properties.find((p) => p.name === 'resource')!;
const valueOf = (options: unknown, name: string) => (options as INodePropertyOptions[]).find((option) => option.name === name)!.value as string;
const ABOVE_THE_FIELDS = ['authentication', 'resource', 'operation'];

test.each(OPERATION_ROWS.map((row) => [`${row.resource} → ${row.operation}`, row] as const))('%s shows the table\'s fields', (_name, row) => {
	const resource = valueOf(resourceField.options, row.resource);
	const operationField = description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource))!;
	const chosen = { authentication: 'privateIntegrationToken', resource, operation: valueOf(operationField.options, row.operation) } as INodeParameters;
	const values = NodeHelpers.getNodeParameters(description.properties, chosen, true, false, { typeVersion: 1 }, description)!;
	const shown = description.properties
		.filter((p) => !ABOVE_THE_FIELDS.includes(p.name) && NodeHelpers.displayParameter(values, p, { typeVersion: 1 }, description))
		.map((p) => p.displayName);
	expect(shown).toEqual(row.fields.map((field) => field.label));
});
