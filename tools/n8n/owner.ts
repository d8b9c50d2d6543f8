/** The instance owner: set up through the REST API on first use, logged in afterwards; both give the n8n-auth cookie. */
export interface Owner {
	email: string;
	password: string;
	firstName?: string;
	lastName?: string;
}

function authCookie(response: Response): string | undefined {
	return response.headers
		.getSetCookie()
		.map((cookie) => cookie.split(';')[0])
		.find((cookie) => cookie.startsWith('n8n-auth='));
}

async function post(url: string, body: unknown): Promise<Response> {
	return await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

export async function login(base: string, owner: Owner): Promise<string> {
	const response = await post(`${base}/rest/login`, { emailOrLdapLoginId: owner.email, password: owner.password });
	if (response.status !== 200) throw new Error(`login failed: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`);
	const cookie = authCookie(response);
	if (!cookie) throw new Error('login answered 200 without an n8n-auth cookie');
	return cookie;
}

/** settings: the JSON of /rest/settings, which says whether the owner still has to be set up. */
export async function signIn(base: string, settings: unknown, owner: Owner, log?: (message: string) => void): Promise<string> {
	const showSetup = (settings as { data?: { userManagement?: { showSetupOnFirstLoad?: boolean } } })?.data?.userManagement?.showSetupOnFirstLoad;
	if (showSetup === false) return await login(base, owner);
	const response = await post(`${base}/rest/owner/setup`, { firstName: 'Demo', lastName: 'User', ...owner });
	if (response.status !== 200) throw new Error(`owner setup failed: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`);
	log?.(`owner ${owner.email} set up`);
	return authCookie(response) ?? (await login(base, owner));
}
