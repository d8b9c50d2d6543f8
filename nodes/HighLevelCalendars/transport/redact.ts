/** What HighLevel's tokens look like, should an answer echo one the node does not know: bearer values, PITs, JWTs. */
const TOKEN_PATTERNS = [/\bBearer\s+[^\s"',;]+/gi, /\bpit-[\w-]+/gi, /\beyJ[\w-]*\.[\w-]+\.[\w-]*/g];

const REDACTED = '[redacted]';

/** The text without the tokens the node knows of, nor anything shaped like one. */
export function redactTokens(text: string, knownTokens: string[]): string {
	let redacted = text;
	for (const token of knownTokens) {
		if (token) redacted = redacted.split(token).join(REDACTED);
	}
	for (const pattern of TOKEN_PATTERNS) redacted = redacted.replace(pattern, REDACTED);
	return redacted;
}
