/** Every string reachable from a value, errors included (their message, stack, cause and own fields). */
export function reachableStrings(value: unknown, seen = new Set<unknown>()): string[] {
	if (typeof value === 'string') return [value];
	if (value === null || typeof value !== 'object' || seen.has(value)) return [];
	seen.add(value);
	const keys = value instanceof Error ? Object.getOwnPropertyNames(value).concat('cause') : Object.keys(value);
	return keys.flatMap((key) => reachableStrings((value as Record<string, unknown>)[key], seen));
}

/** The secrets that appear anywhere in the value. */
export function leakedSecrets(value: unknown, secrets: string[]): string[] {
	const strings = reachableStrings(value);
	return secrets.filter((secret) => strings.some((text) => text.includes(secret)));
}
