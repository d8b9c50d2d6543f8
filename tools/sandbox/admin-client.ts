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
