/** A property of HighLevel's JSON answer, or undefined when the answer is no object. */
export function answerField(body: unknown, name: string): unknown {
	return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

/** The object under `name` when it has a string id (a group, a calendar). */
export function answerRecord<T extends { id: string }>(body: unknown, name: string): T | undefined {
	const record = answerField(body, name) as T | undefined;
	return typeof record?.id === 'string' ? record : undefined;
}

/** The list under `name`, or an empty one. */
export function answerList<T>(body: unknown, name: string): T[] {
	const list = answerField(body, name);
	return Array.isArray(list) ? (list as T[]) : [];
}

/** After an ambiguous failure of a create: the record `matches` finds in a list, if it was made. */
export function createdWhere<T>(list: () => Promise<T[]>, matches: (record: T) => boolean): () => Promise<T | undefined> {
	return async () => (await list()).find(matches);
}

/** After an ambiguous failure of a create: the record with its slug in the location's list, if it was made. */
export function createdWithSlug<T extends { slug?: string }>(list: () => Promise<T[]>, slug: string): () => Promise<T | undefined> {
	return createdWhere(list, (record) => record.slug === slug);
}
