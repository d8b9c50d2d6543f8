/** Every string reachable from a value, errors included (their message, stack, cause and own fields), into `found`. */
export function reachableStrings(value: unknown, seen = new Set<unknown>(), found: string[] = []): string[] {
	if (typeof value === 'string') found.push(value);
	else if (value !== null && typeof value === 'object' && !seen.has(value)) {
		seen.add(value);
		const keys = value instanceof Error ? Object.getOwnPropertyNames(value).concat('cause') : Object.keys(value);
		for (const key of keys) reachableStrings((value as Record<string, unknown>)[key], seen, found);
	}
	return found;
}

/** The secrets that appear anywhere in the value. */
export function leakedSecrets(value: unknown, secrets: string[]): string[] {
	const strings = reachableStrings(value);
	return secrets.filter((secret) => strings.some((text) => text.includes(secret)));
}
