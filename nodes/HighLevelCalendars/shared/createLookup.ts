import type { RequestSettings } from '../transport/requestSettings';

/** A record of a kind that has no unique field to find a create by (a room, a notification). */
export interface Listed {
	id?: string;
	_id?: string;
	/** a v3 service booking's id */
	bookingId?: string;
}

const idOf = (record: Listed): string | undefined => record.id ?? record._id ?? record.bookingId;

/** Whether a listed record holds every property that was sent, with the same value (lists in any order). */
export function holdsSent(record: Record<string, unknown>, sent: Record<string, unknown>): boolean {
	const same = (a: unknown, b: unknown) =>
		Array.isArray(a) && Array.isArray(b) ? JSON.stringify([...a].sort()) === JSON.stringify([...b].sort()) : JSON.stringify(a) === JSON.stringify(b);
	return Object.entries(sent).every(([key, value]) => value === undefined || same(record[key], value));
}

/**
 * The look-up of a create after an ambiguous failure, for records without a unique field: the ids listed under a
 * key (a location's rooms, a calendar's notifications) before this execution's first create there, and the ids
 * this execution created or found since. After an ambiguous failure, a listed record that matches what was sent,
 * was not there before and no other create of the execution has taken is the one the create made.
 */
export class CreateLookup {
	private readonly before = new Map<string, Promise<Set<string>>>();

	private readonly taken = new Set<string>();

	/** Lists the key's records once per execution, before its first create is sent. */
	async prepare(settings: RequestSettings, key: string, list: () => Promise<Listed[]>): Promise<void> {
		const scoped = `${settings.locationId} ${key}`;
		let listing = this.before.get(scoped);
		if (!listing) {
			listing = list().then((records) => new Set(records.map(idOf).filter((id): id is string => id !== undefined)));
			this.before.set(scoped, listing);
			listing.catch(() => this.before.delete(scoped));
		}
		await listing;
	}

	/** Marks records the execution created, so that no other create's look-up takes them. */
	take(records: Listed[]): void {
		for (const record of records) {
			const id = idOf(record);
			if (id !== undefined) this.taken.add(id);
		}
	}

	/**
	 * The findEffect of a create of `sent` (one record or several sent at once): every one found new, or undefined
	 * when any is missing (it was not made, and is sent again).
	 */
	finder<T extends Listed & Record<string, unknown>>(
		settings: RequestSettings,
		key: string,
		list: () => Promise<T[]>,
		sent: Array<Record<string, unknown>>,
	): () => Promise<T[] | undefined> {
		return async () => {
			const known = (await this.before.get(`${settings.locationId} ${key}`)) ?? new Set<string>();
			const fresh = (await list()).filter((record) => {
				const id = idOf(record);
				return id !== undefined && !known.has(id) && !this.taken.has(id);
			});
			const found: T[] = [];
			for (const wanted of sent) {
				const match = fresh.find((record) => !found.includes(record) && holdsSent(record, wanted));
				if (!match) return undefined;
				found.push(match);
			}
			this.take(found);
			return found;
		};
	}
}
