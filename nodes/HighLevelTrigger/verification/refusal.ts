/** Why a delivery was turned away: answered 401 with this reason, and no execution starts. */
export class Refusal {
	constructor(readonly reason: string) {}
}

export function isRefusal(value: unknown): value is Refusal {
	return value instanceof Refusal;
}
