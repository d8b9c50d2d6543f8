/** Credentials stored through n8n's REST API (the editor's own route): n8n encrypts `data` as the credential modal's Save does. */
import type { Editor } from './editor';

export interface CreatedCredential {
	id: string;
	name: string;
}

/** Every REST answer, for the token searches. */
export type Answers = Array<{ what: string; text: string }>;

export async function createCredential(
	editor: Editor,
	credential: { name: string; type: string; data: Record<string, unknown> },
	answers: Answers = [],
): Promise<CreatedCredential> {
	const r = await editor.rest('POST', '/rest/credentials', credential);
	answers.push({ what: `POST /rest/credentials (${credential.name})`, text: r.text });
	if (r.status !== 200) throw new Error(`creating credential "${credential.name}": HTTP ${r.status} ${r.text.slice(0, 300)}`);
	return { id: String(r.json.data.id), name: credential.name };
}
