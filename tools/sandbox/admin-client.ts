/** The sandbox's admin routes over HTTP, as a test, the demo or a CRM's back office would call them. */
export interface AdminAnswer {
	status: number;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the sandbox's JSON, read by the callers
	body: any;
}

export async function sandboxAdmin(baseUrl: string, path: string, body: unknown): Promise<AdminAnswer> {
	const response = await fetch(`${baseUrl}/__sandbox${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return { status: response.status, body: await response.json() };
}

/** A new contact in a sub-account (the sandbox sends its signed `ContactCreate` first): 201 {contact, deliveries}. */
export async function addSandboxContact(baseUrl: string, locationId: string, contact: Record<string, unknown> = {}): Promise<AdminAnswer> {
	return await sandboxAdmin(baseUrl, '/contacts', { locationId, ...contact });
}

/** `GET /__sandbox/state`: groups, calendars, contacts, appointments, blocked slots, notes, agency, OAuth, webhooks. */
export async function sandboxState(baseUrl: string): Promise<AdminAnswer> {
	const response = await fetch(`${baseUrl}/__sandbox/state`);
	return { status: response.status, body: await response.json() };
}
