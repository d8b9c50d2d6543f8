import type { ICredentialDataDecryptedObject, ICredentialType, IDataObject } from 'n8n-workflow';

import { resolveCredentialTestRequest } from './credentialData';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

function pathValue(data: unknown, key: string): unknown {
	return key.split('.').reduce<unknown>((value, part) => (value && typeof value === 'object' ? (value as IDataObject)[part] : undefined), data);
}

/**
 * Runs an OAuth2 credential's test the way n8n's credentials tester does: the resolved request with the stored
 * access token as bearer, then the `responseSuccessBody` rules on the answer (the first that matches fails it).
 */
export async function runOAuth2CredentialTest(type: ICredentialType, data: ICredentialDataDecryptedObject): Promise<CredentialTestResult> {
	const request = await resolveCredentialTestRequest(type, data);
	const headers: Record<string, string> = { ...(request.headers as Record<string, string>) };
	headers.Authorization = `Bearer ${String((data.oauthTokenData as IDataObject | undefined)?.access_token ?? '')}`;
	const isForm = /x-www-form-urlencoded/i.test(headers['Content-Type'] ?? '');
	const body = request.body === undefined ? undefined : isForm ? new URLSearchParams(request.body as Record<string, string>).toString() : JSON.stringify(request.body);
	const query = request.qs ? `?${new URLSearchParams(request.qs as Record<string, string>).toString()}` : '';
	const answer = await fetch(`${request.baseURL ?? ''}${request.url}${query}`, { method: request.method ?? 'GET', headers, body });
	const json = (await answer.json()) as IDataObject;
	for (const rule of type.test?.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && pathValue(json, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
