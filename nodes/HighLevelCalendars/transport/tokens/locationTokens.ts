import type { IDataObject, INode, NodeApiError } from 'n8n-workflow';

import type { HighLevelCall } from '../call';
import { mintError } from './mintError';
import type { RequestSettings } from '../requestSettings';

export interface LocationToken {
	token: string;
	/** When to stop using it: shortly before it expires. */
	renewAt: number;
}

/** A token is used until a tenth of its life, at most five minutes, is left. */
function renewalMarginMs(lifetimeMs: number): number {
	return Math.min(5 * 60_000, lifetimeMs / 10);
}

function readLocationToken(body: unknown): LocationToken | undefined {
	const answer = (typeof body === 'object' && body !== null ? body : {}) as IDataObject;
	if (typeof answer.access_token !== 'string' || answer.access_token === '') return undefined;
	const lifetimeMs = (Number(answer.expires_in) > 0 ? Number(answer.expires_in) : 86_399) * 1000;
	return { token: answer.access_token, renewAt: Date.now() + lifetimeMs - renewalMarginMs(lifetimeMs) };
}

interface CachedToken {
	minting?: Promise<LocationToken>;
	minted?: LocationToken;
}

/** Location tokens minted in this n8n process, by agency credential and location. */
const cache = new Map<string, CachedToken>();

export type MintCall = (settings: RequestSettings, call: HighLevelCall<LocationToken>) => Promise<LocationToken>;

/**
 * The location tokens of one agency connection in one execution: minted with the agency's token
 * (`POST /oauth/locationToken`), kept in this process until shortly before they expire, minted
 * once however many items of a location ask at once, and minted again after HighLevel refuses one.
 * A location whose mint failed fails the execution's other items of that location the same way.
 */
export class LocationTokens {
	private readonly failedMints = new Map<string, NodeApiError>();

	constructor(
		private readonly node: INode,
		private readonly credentialKey: string,
		private readonly companyId: string,
		private readonly mint: MintCall,
	) {}

	async tokenFor(settings: RequestSettings): Promise<string> {
		const key = `${this.credentialKey} ${settings.locationId}`;
		const failed = this.failedMints.get(key);
		if (failed) throw mintError(this.node, failed, settings.locationId);
		const cached = cache.get(key);
		if (cached?.minted && cached.minted.renewAt > Date.now()) return cached.minted.token;
		try {
			return (await (cached?.minting ?? this.startMint(key, settings))).token;
		} catch (error) {
			this.failedMints.set(key, error as NodeApiError);
			throw mintError(this.node, error as NodeApiError, settings.locationId);
		}
	}

	/** HighLevel refused the token: the next request of the location mints a new one. */
	refused(settings: RequestSettings, token: string): void {
		const key = `${this.credentialKey} ${settings.locationId}`;
		if (cache.get(key)?.minted?.token === token) cache.delete(key);
	}

	private startMint(key: string, settings: RequestSettings): Promise<LocationToken> {
		const minting = this.mintFor(settings);
		cache.set(key, { minting });
		minting.then(
			(minted) => cache.get(key)?.minting === minting && cache.set(key, { minted }),
			() => cache.get(key)?.minting === minting && cache.delete(key),
		);
		return minting;
	}

	private async mintFor(settings: RequestSettings): Promise<LocationToken> {
		return await this.mint(settings, {
			method: 'POST',
			path: '/oauth/locationToken',
			version: '2021-07-28',
			scope: 'oauth.write',
			form: { companyId: this.companyId, locationId: settings.locationId },
			limitOwner: this.companyId,
			read: readLocationToken,
			expects: 'a location token',
		});
	}
}
