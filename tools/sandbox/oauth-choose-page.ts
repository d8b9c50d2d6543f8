/**
 * The authorize page as an admin sees it, when the sandbox is set to ask (`install.ask`): the sub-accounts to install a
 * sub-account app in, or, for an agency app, all sub-accounts or one, and whether future sub-accounts get it too. The
 * form sends the same authorize request back with the choice as the `sandbox_*` parameters and `sandbox_approve`.
 */
import { AppRecord, LocationRecord } from './agency';
import { Answer } from './responses';

export const APPROVE_PARAM = 'sandbox_approve';
/** The value of `sandbox_locations` that means every sub-account of the company. */
export const ALL_LOCATIONS = 'all';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const hidden = (name: string, value: string) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`;
const radio = (name: string, value: string, label: string, checked: boolean) =>
	`<label><input type="radio" name="${name}" value="${escape(value)}"${checked ? ' checked' : ''}> ${escape(label)}</label>`;

function choices(app: AppRecord, locations: LocationRecord[]): string {
	const each = (name: string) => locations.map((l, i) => radio(name, l.id, `${l.name} (${l.id})`, name === 'sandbox_location' && i === 0));
	if (app.distribution === 'Location') return `<fieldset><legend>Sub-account</legend>${each('sandbox_location').join('<br>')}</fieldset>`;
	return [
		`<fieldset><legend>Sub-accounts</legend>${[radio('sandbox_locations', ALL_LOCATIONS, 'All sub-accounts', true), ...each('sandbox_locations')].join('<br>')}</fieldset>`,
		hidden('sandbox_future', 'false'),
		'<label><input type="checkbox" name="sandbox_future" value="true"> Future sub-accounts too</label>',
	].join('\n');
}

export function choosePage(path: string, app: AppRecord, locations: LocationRecord[], query: Record<string, string>): Answer {
	const kept = Object.entries(query).filter(([name]) => !name.startsWith('sandbox_'));
	const html = `<!doctype html>
<html><head><meta charset="utf-8"><title>Sandbox: install ${escape(app.appId)}</title></head>
<body><h1>Install ${escape(app.appId)}</h1>
<p>Scopes: ${escape(query.scope ?? app.scopes.join(' '))}</p>
<form method="get" action="${escape(path)}">
${kept.map(([name, value]) => hidden(name, value)).join('\n')}
${hidden(APPROVE_PARAM, '1')}
${choices(app, locations)}
<p><button type="submit">Install</button></p>
</form></body></html>`;
	return { status: 200, body: html, headers: { 'Content-Type': 'text/html; charset=utf-8' } };
}
