/**
 * The tokens HighLevel's OAuth server hands out: authorization codes (single-use, 10 minutes), access tokens with a
 * lifetime, refresh tokens that work once (each refresh returns a new pair), and location tokens minted from a
 * Company token. Every token is random, made at run time.
 */
import { randomBytes } from 'crypto';
import { UserType } from './agency';

export interface Grant {
	appId: string;
	clientId: string;
	userType: UserType;
	companyId: string;
	/** Location grants only */
	locationId?: string;
	userId: string;
	scopes: string[];
}

export interface IssuedToken {
	token: string;
	grant: Grant;
	/** epoch ms */
	expiresAt: number;
}

export interface TokenPair {
	access: IssuedToken;
	refreshToken: string;
}

export interface OAuthTokenOptions {
	/** access-token lifetime in seconds (expires_in); default 86399, as HighLevel answers */
	accessTokenLifetimeSeconds?: number;
	/** a refresh token used a second time also revokes every token issued after it (reuse detection) */
	revokeOnRefreshReuse?: boolean;
}

export interface OAuthCounters {
	codeExchanges: number;
	refreshes: number;
	refusedRefreshReuses: number;
	mints: number;
	mintsByLocation: Record<string, number>;
}

export type RefreshRefusal = 'unknown' | 'reused' | 'revoked' | 'client';

interface Family {
	revoked: boolean;
}

interface Refresh {
	grant: Grant;
	family: Family;
	used: boolean;
}

interface Access extends IssuedToken {
	family?: Family;
}

interface Code {
	grant: Grant;
	redirectUri?: string;
	expiresAt: number;
}

export const DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS = 86399;
const CODE_LIFETIME_MS = 10 * 60 * 1000;

const secret = (prefix: string) => `${prefix}-${randomBytes(24).toString('hex')}`;

function emptyCounters(): OAuthCounters {
	return { codeExchanges: 0, refreshes: 0, refusedRefreshReuses: 0, mints: 0, mintsByLocation: {} };
}

export class OAuthTokens {
	private codes = new Map<string, Code>();
	private accessTokens = new Map<string, Access>();
	private refreshTokens = new Map<string, Refresh>();
	private counters = emptyCounters();

	constructor(
		private readonly options: OAuthTokenOptions = {},
		private readonly now: () => number = Date.now,
	) {}

	get lifetimeSeconds(): number {
		return this.options.accessTokenLifetimeSeconds ?? DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS;
	}

	issueCode(grant: Grant, redirectUri?: string): string {
		const code = secret('code');
		this.codes.set(code, { grant, redirectUri, expiresAt: this.now() + CODE_LIFETIME_MS });
		return code;
	}

	/** A code works once, for the app it was issued to, with the redirect URI it was issued for (when one is sent). */
	exchangeCode(code: string, clientId: string, redirectUri?: string): TokenPair | undefined {
		const issued = this.codes.get(code);
		this.codes.delete(code);
		if (!issued || issued.expiresAt <= this.now() || issued.grant.clientId !== clientId) return undefined;
		if (redirectUri !== undefined && issued.redirectUri !== undefined && redirectUri !== issued.redirectUri) return undefined;
		this.counters.codeExchanges++;
		return this.issuePair(issued.grant, { revoked: false });
	}

	refresh(refreshToken: string, clientId: string): TokenPair | { refused: RefreshRefusal } {
		const refresh = this.refreshTokens.get(refreshToken);
		if (!refresh) return { refused: 'unknown' };
		if (refresh.grant.clientId !== clientId) return { refused: 'client' };
		if (refresh.family.revoked) return { refused: 'revoked' };
		if (refresh.used) {
			this.counters.refusedRefreshReuses++;
			if (this.options.revokeOnRefreshReuse) refresh.family.revoked = true;
			return { refused: 'reused' };
		}
		refresh.used = true;
		this.counters.refreshes++;
		return this.issuePair(refresh.grant, refresh.family);
	}

	/** A location token from a Company grant: the app's scopes, no refresh token unless asked (v3 answers one). */
	mint(company: Grant, locationId: string, withRefresh = false): TokenPair | IssuedToken {
		this.counters.mints++;
		this.counters.mintsByLocation[locationId] = (this.counters.mintsByLocation[locationId] ?? 0) + 1;
		const grant: Grant = { ...company, userType: 'Location', locationId };
		return withRefresh ? this.issuePair(grant, { revoked: false }) : this.issueAccess(grant);
	}

	/** The grant behind a bearer token that is issued, unexpired and not revoked. */
	access(token: string | undefined): IssuedToken | undefined {
		const access = token === undefined ? undefined : this.accessTokens.get(token);
		if (!access || access.expiresAt <= this.now() || access.family?.revoked) return undefined;
		return { token: access.token, grant: access.grant, expiresAt: access.expiresAt };
	}

	/** Every code and token issued so far (what the request log redacts). */
	secrets(): string[] {
		return [...this.codes.keys(), ...this.accessTokens.keys(), ...this.refreshTokens.keys()];
	}

	stats(): OAuthCounters {
		return structuredClone(this.counters);
	}

	clear(): void {
		this.codes.clear();
		this.accessTokens.clear();
		this.refreshTokens.clear();
		this.counters = emptyCounters();
	}

	private issueAccess(grant: Grant, family?: Family): IssuedToken {
		const access: Access = { token: secret('oauth-access'), grant, expiresAt: this.now() + this.lifetimeSeconds * 1000, family };
		this.accessTokens.set(access.token, access);
		return { token: access.token, grant, expiresAt: access.expiresAt };
	}

	private issuePair(grant: Grant, family: Family): TokenPair {
		const refreshToken = secret('oauth-refresh');
		this.refreshTokens.set(refreshToken, { grant, family, used: false });
		return { access: this.issueAccess(grant, family), refreshToken };
	}
}
