import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { AppointmentsApi } from '../api/appointments/api';
import { AvailabilitySchedulesApi } from '../api/availabilitySchedules/api';
import { CalendarGroupsApi } from '../api/calendarGroups/api';
import type { CalendarGroup } from '../api/calendarGroups/types';
import { AppointmentNotesApi } from '../api/appointmentNotes/api';
import { BlockedSlotsApi } from '../api/blockedSlots/api';
import { CalendarsApi } from '../api/calendars/api';
import type { Calendar } from '../api/calendars/types';
import { CalendarNotificationsApi } from '../api/calendarNotifications/api';
import { CalendarResourcesApi } from '../api/calendarResources/api';
import { FreeSlotsApi } from '../api/freeSlots/api';
import { ServiceBookingsApi, ServiceCatalogApi, ServiceLocationsApi } from '../api/services/api';
import { requireApiVersion } from '../shared/apiVersion';
import { CreateLookup } from '../shared/createLookup';
import { SlugDirectory } from '../shared/slugDirectory';
import type { SendCall } from '../transport/call';
import type { Authentication, Connection, RequestContext } from '../transport/connection';
import { loadConnection } from '../transport/connection';
import { LocationTokens } from '../transport/tokens/locationTokens';
import { sendToHighLevel } from '../transport/request';
import { SendSpacing } from '../transport/pacing/sendSpacing';
import { requestSettings, type ApiVersion, type RequestOptions, type RequestSettings } from '../transport/requestSettings';

/** The location an item names, else the credential's. */
export function locationOf(connection: Connection, override: unknown): string {
	return String(override ?? '').trim() || connection.defaultLocationId;
}

/** An agency connection sends the group calls with location tokens it mints with the agency's token. */
export function withLocationTokens(ctx: RequestContext, connection: Connection): Connection {
	if (connection.companyId === undefined) return connection;
	const credentialId = ctx.getNode().credentials?.[connection.credentialType]?.id ?? connection.credentialType;
	const locationTokens = new LocationTokens(
		ctx.getNode(),
		`${credentialId} ${connection.baseUrl} ${connection.companyId}`,
		connection.companyId,
		async (settings, call) => await sendToHighLevel(ctx, connection, settings, call),
	);
	return { ...connection, locationTokens };
}

function sendVia(ctx: RequestContext, connection: Connection): SendCall {
	return async (settings, call) => await sendToHighLevel(ctx, connection, settings, call);
}

/** The API clients whose calls go through the connection's credential. */
export function calendarGroupsApi(ctx: RequestContext, connection: Connection): CalendarGroupsApi {
	return new CalendarGroupsApi(sendVia(ctx, connection), ctx.getNode());
}

export function calendarsApi(ctx: RequestContext, connection: Connection): CalendarsApi {
	return new CalendarsApi(sendVia(ctx, connection), ctx.getNode());
}

/** An API module's client whose calls go through the connection's credential. */
export function apiClient<T>(ctx: RequestContext, connection: Connection, Api: new (send: SendCall, node: INode) => T): T {
	return new Api(sendVia(ctx, connection), ctx.getNode());
}

/** What the items of one execution share: the API clients, and the groups and calendars listed so far. */
export class ExecutionSession {
	readonly api: CalendarGroupsApi;

	readonly directory: SlugDirectory<CalendarGroup>;

	readonly calendarsApi: CalendarsApi;

	readonly calendars: SlugDirectory<Calendar>;

	readonly blockedSlotsApi: BlockedSlotsApi;

	readonly notesApi: AppointmentNotesApi;

	readonly appointmentsApi: AppointmentsApi;

	readonly freeSlotsApi: FreeSlotsApi;

	/** Calendars read by ID in this execution (a booking's slot duration, its team), by location and ID. */
	private readonly calendarsRead = new Map<string, Promise<Calendar>>();

	readonly resourcesApi: CalendarResourcesApi;

	readonly notificationsApi: CalendarNotificationsApi;

	readonly serviceBookingsApi: ServiceBookingsApi;

	readonly serviceCatalogApi: ServiceCatalogApi;

	readonly serviceLocationsApi: ServiceLocationsApi;

	readonly schedulesApi: AvailabilitySchedulesApi;

	/** What creates of rooms, equipment, notifications, schedules and v3 services look up after an ambiguous failure. */
	readonly createLookup = new CreateLookup();

	private constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly connection: Connection,
	) {
		this.api = calendarGroupsApi(ctx, connection);
		this.directory = new SlugDirectory(async (settings) => await this.api.list(settings));
		this.calendarsApi = calendarsApi(ctx, connection);
		this.calendars = new SlugDirectory(async (settings) => await this.calendarsApi.list(settings));
		this.appointmentsApi = new AppointmentsApi(sendVia(ctx, connection), ctx.getNode());
		this.freeSlotsApi = new FreeSlotsApi(sendVia(ctx, connection), ctx.getNode());
		this.blockedSlotsApi = new BlockedSlotsApi(sendVia(ctx, connection), ctx.getNode());
		this.notesApi = new AppointmentNotesApi(sendVia(ctx, connection), ctx.getNode());
		this.resourcesApi = apiClient(ctx, connection, CalendarResourcesApi);
		this.notificationsApi = apiClient(ctx, connection, CalendarNotificationsApi);
		this.serviceBookingsApi = apiClient(ctx, connection, ServiceBookingsApi);
		this.serviceCatalogApi = apiClient(ctx, connection, ServiceCatalogApi);
		this.serviceLocationsApi = apiClient(ctx, connection, ServiceLocationsApi);
		this.schedulesApi = apiClient(ctx, connection, AvailabilitySchedulesApi);
	}

	/** The calendar, read once per execution however many items book in it. */
	async calendar(settings: RequestSettings, calendarId: string): Promise<Calendar> {
		const key = `${settings.locationId} ${calendarId}`;
		let reading = this.calendarsRead.get(key);
		if (!reading) {
			reading = this.calendarsApi.get(settings, calendarId);
			this.calendarsRead.set(key, reading);
			reading.catch(() => this.calendarsRead.delete(key));
		}
		return await reading;
	}

	static async open(ctx: IExecuteFunctions, maxInFlight: number): Promise<ExecutionSession> {
		const authentication = ctx.getNodeParameter('authentication', 0) as Authentication;
		const connection = { ...(await loadConnection(ctx, authentication)), spacing: new SendSpacing(maxInFlight) };
		return new ExecutionSession(ctx, withLocationTokens(ctx, connection));
	}

	/**
	 * Where and how the item's requests go: its location and its Options. With `only` (an operation whose route one
	 * Version alone has, named `operation`) an unset API Version is that one, and another is refused before sending.
	 */
	settings(itemIndex: number, only?: { version: ApiVersion; operation: string }): RequestSettings {
		const options = this.ctx.getNodeParameter('options', itemIndex, {}) as RequestOptions;
		if (only) requireApiVersion(this.ctx.getNode(), options.apiVersion ?? only.version, only.version, only.operation, itemIndex);
		const locationId = locationOf(
			this.connection,
			this.ctx.getNodeParameter('locationId', itemIndex, '', { extractValue: true }),
		);
		if (!locationId) {
			throw new NodeOperationError(this.ctx.getNode(), `Location ID is empty in item ${itemIndex}`, {
				itemIndex,
				description: this.connection.companyId
					? "Map the sub-account's Location ID from the trigger's data, or pick it from the list"
					: 'Set Location ID in the node, or the Location ID of the credential',
			});
		}
		return requestSettings(locationId, { ...options, apiVersion: options.apiVersion ?? only?.version });
	}
}
