/** Request validation through the contract, answered the way HighLevel does: 400 for missing / wrong fields, 422 for undocumented ones. */
import { RecordedRequest, RequestIssue, RequestIssueKind, checkRequest } from '../contract/openapi';
import { Answer, MESSAGES, badRequest, unprocessable } from './responses';

/** Issues `authenticate` already answered. */
const HANDLED_BY_AUTH: RequestIssueKind[] = ['route', 'auth', 'version'];

function unknownPropertyMessage(issue: RequestIssue): string {
	return `property ${issue.field ?? '?'} should not exist`;
}

function badRequestMessage(issue: RequestIssue): string {
	switch (issue.kind) {
		case 'body-missing':
			return MESSAGES.bodyRequired;
		case 'body-not-allowed':
			return MESSAGES.bodyNotAllowed;
		case 'content-type':
			return `Content-Type must be ${issue.field}`;
		case 'body-conflict':
			return issue.message;
		case 'query-missing':
		case 'body-missing-property':
			return `${issue.field} is required`;
		default: {
			const problem = issue.message.replace(/^[^:]*: /, '');
			return `${issue.field ?? 'body'} ${problem}`;
		}
	}
}

/**
 * undefined when the request is valid. A 400 issue wins over 422 ones (the first 400 issue is reported).
 * `invalidJson`: the body could not be parsed (it is then passed on as the raw text).
 */
export function validationAnswer(req: RecordedRequest, invalidJson = false): Answer | undefined {
	if (invalidJson) return badRequest(MESSAGES.invalidJson);
	const issues = checkRequest(req).issues.filter((i) => !HANDLED_BY_AUTH.includes(i.kind));
	const unknown = issues.filter((i) => i.kind === 'query-unknown' || i.kind === 'body-unknown-property');
	const bad = issues.filter((i) => !unknown.includes(i));
	if (bad.length > 0) return badRequest(badRequestMessage(bad[0]));
	if (unknown.length > 0) return unprocessable(unknown.map(unknownPropertyMessage));
	return undefined;
}
