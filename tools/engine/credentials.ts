import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export const TEST_TOKEN = 'pit-test-4f1c2e9a-7b3d-4e5f-9a1b-2c3d4e5f6a7b';
export const TEST_LOCATION = 'testLocation00000001';

export function tokenCredentials(baseUrl: string, token = TEST_TOKEN): Record<string, ICredentialDataDecryptedObject> {
	return { highLevelCalendarsApi: { accessToken: token, locationId: TEST_LOCATION, baseUrl } };
}

/** The sandbox's demo token (see tools/sandbox/auth.ts): both scopes, location sandboxLocation0001. */
export const SANDBOX_TOKEN = 'pit-sandbox-0000-demo';
export const SANDBOX_LOCATION = 'sandboxLocation0001';

export function sandboxCredentials(baseUrl: string, token = SANDBOX_TOKEN): Record<string, ICredentialDataDecryptedObject> {
	return { highLevelCalendarsApi: { accessToken: token, locationId: SANDBOX_LOCATION, baseUrl } };
}
