import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { fakeToken } from '../fakeToken';
import { DEFAULT_TOKENS } from '../sandbox/auth';

export const TEST_TOKEN = fakeToken('test');
export const TEST_LOCATION = 'testLocation00000001';

export function tokenCredentials(baseUrl: string, token = TEST_TOKEN): Record<string, ICredentialDataDecryptedObject> {
	return { highLevelCalendarsApi: { accessToken: token, locationId: TEST_LOCATION, baseUrl } };
}

/** The sandbox's demo token (see tools/sandbox/auth.ts): both scopes, location sandboxLocation0001. */
export const SANDBOX_TOKEN = DEFAULT_TOKENS[0].token;
export const SANDBOX_LOCATION = 'sandboxLocation0001';

export function sandboxCredentials(baseUrl: string, token = SANDBOX_TOKEN): Record<string, ICredentialDataDecryptedObject> {
	return { highLevelCalendarsApi: { accessToken: token, locationId: SANDBOX_LOCATION, baseUrl } };
}
