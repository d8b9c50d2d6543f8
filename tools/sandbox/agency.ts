/**
 * The agency side of HighLevel: companies (agencies), their locations (sub-accounts), marketplace apps, and which
 * locations each app is installed in. A sub-account install covers one location; an agency install covers all or
 * some of the company's locations and may cover the ones created later ("future sub-accounts").
 */
import { randomBytes } from 'crypto';
import { CALENDAR_SCOPES } from '../../credentials/highLevelOAuth2Fields';
import { IANAZone } from 'luxon';
import { highLevelId } from './store';

export type UserType = 'Company' | 'Location';

export interface LocationRecord {
	id: string;
	companyId: string;
	name: string;
	address: string;
	email: string;
	/** IANA time zone (the locations spec's `timezone`): the calendars' open hours are read in it */
	timezone: string;
}

export interface CompanyRecord {
	id: string;
	name: string;
}

export interface AppRecord {
	appId: string;
	/** whose developer account made the app: the user's (undefined) or another agency's */
	developer?: typeof OTHER_AGENCY.developer;
	clientId: string;
	/** secret: never in the state, the log or an answer */
	clientSecret: string;
	/** who installs it: a sub-account (Location) or an agency (Company) */
	distribution: UserType;
	scopes: string[];
}

export interface InstallRecord {
	appId: string;
	companyId: string;
	userType: UserType;
	/** the user who installed it (appears in token answers as userId) */
	userId: string;
	/** the locations it is installed in now */
	locationIds: string[];
	approveAllLocations: boolean;
	installToFutureLocations: boolean;
}

export interface AgencySeed {
	companies?: Array<{ id: string; name?: string; locations: Array<{ id: string; name?: string; timezone?: string }> }>;
	apps?: Array<{ distribution: UserType; scopes?: string[]; clientId?: string; clientSecret?: string; developer?: typeof OTHER_AGENCY.developer }>;
}

export interface NewLocation {
	companyId?: string;
	id?: string;
	name?: string;
	/** IANA time zone; default DEFAULT_TIME_ZONE */
	timezone?: string;
	/** install the company's agency apps here; default: only where they were installed "to future sub-accounts" */
	withApp?: boolean;
}

export const DEFAULT_COMPANY = 'sandboxCompany0001';
/**
 * Another agency on HighLevel, with its own developer app: HighLevel signs that app's webhooks with the same key as
 * everyone's, so its genuine deliveries are what a trigger must tell apart from the user's own.
 */
export const OTHER_AGENCY = { developer: 'other agency', companyId: 'otherCompany0001', locationId: 'otherLocation0001' } as const;
export const DEFAULT_TIME_ZONE = 'America/New_York';
export const READ_SCOPES = ['calendars/groups.readonly', 'calendars.readonly', 'calendars/events.readonly', 'calendars/resources.readonly'];
/** A sub-account app's scopes: the node's (as the OAuth2 credentials ask for them). */
export const LOCATION_SCOPES = [...CALENDAR_SCOPES];
export const AGENCY_SCOPES = [...LOCATION_SCOPES, 'oauth.readonly', 'oauth.write', 'locations.readonly'];

const DEFAULT_SEED: Required<AgencySeed> = {
	companies: [
		{
			id: DEFAULT_COMPANY,
			name: 'Sandbox Agency',
			locations: [
				{ id: 'sandboxLocation0001', name: 'Sandbox Dental' },
				{ id: 'sandboxLocation0002', name: 'Sandbox Fitness' },
				{ id: 'sandboxLocation0003', name: 'Sandbox Salon' },
			],
		},
		{ id: OTHER_AGENCY.companyId, name: 'Other Agency', locations: [{ id: OTHER_AGENCY.locationId, name: 'Other Agency Clinic' }] },
	],
	apps: [{ distribution: 'Location' }, { distribution: 'Company' }, { distribution: 'Company', developer: OTHER_AGENCY.developer }],
};

const randomText = (bytes: number) => randomBytes(bytes).toString('hex');

export class AgencyDirectory {
	private companies: CompanyRecord[] = [];
	private locations: LocationRecord[] = [];
	private apps: AppRecord[] = [];
	private installs: InstallRecord[] = [];

	constructor(private readonly seed: AgencySeed = {}) {
		this.apps = (seed.apps ?? DEFAULT_SEED.apps).map((app) => {
			const appId = randomText(12);
			return {
				appId,
				...(app.developer ? { developer: app.developer } : {}),
				// HighLevel's Client IDs are the app's id, a hyphen and a suffix
				clientId: app.clientId ?? `${appId}-${randomText(4)}`,
				clientSecret: app.clientSecret ?? randomText(16),
				distribution: app.distribution,
				scopes: app.scopes ?? (app.distribution === 'Company' ? AGENCY_SCOPES : LOCATION_SCOPES),
			};
		});
		this.clear();
	}

	/** Back to the seeded companies and locations, no installs; the apps keep their credentials. */
	clear(): void {
		const companies = this.seed.companies ?? DEFAULT_SEED.companies;
		this.companies = companies.map((c) => ({ id: c.id, name: c.name ?? c.id }));
		this.locations = companies.flatMap((c) => c.locations.map((l) => this.locationRecord(c.id, l.id, l.name, l.timezone)));
		this.installs = [];
	}

	appList(): AppRecord[] {
		return this.apps.map((a) => ({ ...a, scopes: [...a.scopes] }));
	}

	appByClientId(clientId: string): AppRecord | undefined {
		return this.apps.find((a) => a.clientId === clientId);
	}

	company(id: string): CompanyRecord | undefined {
		return this.companies.find((c) => c.id === id);
	}

	location(id: string): LocationRecord | undefined {
		return this.locations.find((l) => l.id === id);
	}

	locationsOf(companyId: string): LocationRecord[] {
		return this.locations.filter((l) => l.companyId === companyId).map((l) => ({ ...l }));
	}

	/** The "new sub-account" event; the company's agency installs cover it if they take future sub-accounts. */
	addLocation(input: NewLocation = {}): LocationRecord {
		const companyId = input.companyId ?? this.companies[0]?.id ?? DEFAULT_COMPANY;
		if (!this.company(companyId)) throw new Error(`unknown company "${companyId}"`);
		const id = input.id ?? highLevelId();
		if (this.location(id)) throw new Error(`location "${id}" exists already`);
		const location = this.locationRecord(companyId, id, input.name, input.timezone);
		this.locations.push(location);
		for (const install of this.installs) {
			if (install.companyId !== companyId || install.userType !== 'Company') continue;
			if (input.withApp ?? install.installToFutureLocations) install.locationIds.push(id);
		}
		return { ...location };
	}

	/**
	 * Records an install (replacing the app's earlier one in that company). An agency install covers `locationIds`,
	 * or every location when they are left out.
	 */
	install(app: AppRecord, choice: InstallChoice): InstallRecord {
		const companyId = choice.userType === 'Location' ? this.location(choice.locationId)?.companyId : choice.companyId;
		if (!companyId || !this.company(companyId)) throw new Error('the install names an unknown company or location');
		const all = choice.userType === 'Company' && choice.locationIds === undefined;
		const locationIds = choice.userType === 'Location' ? [choice.locationId] : (choice.locationIds ?? this.locationsOf(companyId).map((l) => l.id));
		const unknown = locationIds.filter((id) => this.location(id)?.companyId !== companyId);
		if (unknown.length > 0) throw new Error(`not locations of company ${companyId}: ${unknown.join(', ')}`);
		const install: InstallRecord = {
			appId: app.appId,
			companyId,
			userType: choice.userType,
			userId: highLevelId(),
			locationIds: [...locationIds],
			approveAllLocations: all,
			installToFutureLocations: choice.userType === 'Company' && (choice.installToFutureLocations ?? true),
		};
		this.installs = this.installs.filter((i) => !(i.appId === app.appId && i.companyId === companyId && i.userType === choice.userType));
		this.installs.push(install);
		return { ...install, locationIds: [...install.locationIds] };
	}

	/** The app's agency install in that company, if any. */
	agencyInstall(appId: string, companyId: string): InstallRecord | undefined {
		const install = this.installs.find((i) => i.appId === appId && i.companyId === companyId && i.userType === 'Company');
		return install && { ...install, locationIds: [...install.locationIds] };
	}

	isInstalled(appId: string, locationId: string): boolean {
		return this.installs.some((i) => i.appId === appId && i.locationIds.includes(locationId));
	}

	/** What /__sandbox/state shows: no client secrets. */
	snapshot(): { companies: Array<CompanyRecord & { locations: LocationRecord[] }>; apps: Array<Omit<AppRecord, 'clientSecret'>>; installs: InstallRecord[] } {
		return {
			companies: this.companies.map((c) => ({ ...c, locations: this.locationsOf(c.id) })),
			apps: this.apps.map((a) => ({ appId: a.appId, clientId: a.clientId, distribution: a.distribution, scopes: [...a.scopes], ...(a.developer ? { developer: a.developer } : {}) })),
			installs: this.installs.map((i) => ({ ...i, locationIds: [...i.locationIds] })),
		};
	}

	/** The location's time zone; DEFAULT_TIME_ZONE for one the directory does not know (a test's own token location). */
	timeZoneOf(locationId: string): string {
		return this.location(locationId)?.timezone ?? DEFAULT_TIME_ZONE;
	}

	private locationRecord(companyId: string, id: string, name?: string, timezone = DEFAULT_TIME_ZONE): LocationRecord {
		if (!IANAZone.isValidZone(timezone)) throw new Error(`timezone "${timezone}" is not an IANA time zone`);
		const label = name ?? `Sub-account ${id}`;
		return { id, companyId, name: label, address: '1 Sandbox Street', email: `${id.toLowerCase()}@sandbox.invalid`, timezone };
	}
}

/** What the admin picks on the authorize page. */
export type InstallChoice =
	| { userType: 'Location'; locationId: string }
	| { userType: 'Company'; companyId: string; locationIds?: string[]; installToFutureLocations?: boolean };
