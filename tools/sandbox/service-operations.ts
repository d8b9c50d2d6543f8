/**
 * The v3 service operations on the store (calendars-v3.openapi.json only: services, service locations, service
 * bookings); requests arrive authenticated and validated against the spec. Where HighLevel's behaviour or wording is
 * not documented, the comment says so.
 */
import { type Context, type Handler, type OperationResult as Result, answered } from './operation-context';
import { MESSAGES, badRequest, notFound, success, unprocessable } from './responses';
import type { ServiceBookingRecord, ServiceKind, ServiceLocationRecord, ServiceRecord } from './service-store';
import { highLevelId } from './store';

// UNVERIFIED: HighLevel's wordings for a service, service location or booking it does not find, and for the refusals below
const serviceNotFound = () => answered(notFound('Service not found'));
const serviceLocationNotFound = () => answered(notFound('Service location not found'));
const bookingNotFound = () => answered(notFound('Service booking not found'));
const slugExists = () => answered(unprocessable([MESSAGES.slugExists]));

const fieldsOf = (ctx: Context, ...leftOut: string[]) => Object.fromEntries(Object.entries(ctx.body).filter(([key]) => !leftOut.includes(key)));
const location = (ctx: Context) => ctx.token.locationId;

/** The catalog and the service locations: slugs unique per location (UNVERIFIED: HighLevel's 422 as for calendars). */
function collectionHandlers(
	kind: ServiceKind,
	idParam: string,
	notFoundAnswer: () => Result,
	wrap: (record: unknown) => unknown,
	defaults: Record<string, unknown>,
	stored: (fields: Record<string, unknown>) => Record<string, unknown> = (fields) => fields,
) {
	const id = (ctx: Context) => ctx.params[idParam];
	return {
		list: (ctx: Context, keep: (record: Record<string, unknown>) => boolean = () => true) => ctx.store.services.all(kind, location(ctx)).filter(keep),
		create: (ctx: Context, problem?: Result): Result => {
			if (problem) return problem;
			if (ctx.store.services.slugTaken(kind, location(ctx), ctx.body.slug)) return slugExists();
			return answered(success(201, wrap(ctx.store.services.create(kind, location(ctx), stored({ ...defaults, ...fieldsOf(ctx, 'locationId') })))), true);
		},
		get: (ctx: Context): Result => {
			const record = ctx.store.services.find(kind, location(ctx), id(ctx));
			return record ? answered(success(200, wrap(record))) : notFoundAnswer();
		},
		update: (ctx: Context, problem?: Result): Result => {
			if (!ctx.store.services.find(kind, location(ctx), id(ctx))) return notFoundAnswer();
			if (problem) return problem;
			if (ctx.store.services.slugTaken(kind, location(ctx), ctx.body.slug, id(ctx))) return slugExists();
			return answered(success(200, wrap(ctx.store.services.update(kind, location(ctx), id(ctx), stored(ctx.body)))), true);
		},
		// UNDOCUMENTED: what becomes of the bookings of a deleted service or service location; the sandbox keeps them as they are
		delete: (ctx: Context, message: string): Result =>
			ctx.store.services.remove(kind, location(ctx), id(ctx)) ? answered(success(200, { success: true, message }), true) : notFoundAnswer(),
	};
}

/**
 * A service's variations as ServiceVariationDTO (each with an id): the ones sent replace the service's, an id kept, a
 * new one given one (UNDOCUMENTED: what HighLevel does with an id it does not know; the sandbox keeps it).
 */
const withVariationIds = (fields: Record<string, unknown>) =>
	Array.isArray(fields.variations) ? { ...fields, variations: fields.variations.map((v: Record<string, unknown>) => ({ ...v, id: v.id ?? highLevelId() })) } : fields;

const catalog = collectionHandlers('services', 'serviceId', serviceNotFound, (service) => ({ service }), { isPrivate: false, variations: [] }, withVariationIds);
const serviceLocations = collectionHandlers('serviceLocations', 'serviceLocationId', serviceLocationNotFound, (record) => record, { isActive: true, isPrivate: false, locationType: 'offline' });

/** The spec says in words "Assigned staff members (at least one required)". */
const staffProblem = (staff: unknown): Result | undefined =>
	Array.isArray(staff) && staff.length === 0 ? answered(badRequest('staff must contain at least 1 elements')) : undefined;

const instant = (value: unknown) => (typeof value === 'string' ? Date.parse(value) : NaN);
const overlaps = (a: ServiceBookingRecord, startMs: number, endMs: number) => instant(a.startTime) < endMs && instant(a.endTime) > startMs;

/**
 * A booking's fields checked and completed as the store keeps them, or HighLevel's refusal: dates it cannot read or an
 * end before the start, services not in the catalog, a service location not of the location (UNVERIFIED: statuses and
 * wordings), a meeting location missing for an Ask the Booker location (the spec's words), and a staff member booked
 * at that time already unless overrideAvailability is true (UNDOCUMENTED: the sandbox's model of "time slot
 * validation", checked when the times or services change; the scheduling notice that skipSchedulingNotice skips is
 * not modelled).
 */
function bookingFields(ctx: Context, merged: Record<string, unknown>, exceptId?: string, slotChanged = true): { fields: Record<string, unknown> } | { problem: Result } {
	const refuse = (message: string) => ({ problem: answered(badRequest(message)) });
	const [startMs, endMs] = [instant(merged.startTime), instant(merged.endTime)];
	if (Number.isNaN(startMs)) return refuse(MESSAGES.invalidDate('startTime'));
	if (Number.isNaN(endMs)) return refuse(MESSAGES.invalidDate('endTime'));
	if (endMs <= startMs) return refuse(MESSAGES.endBeforeStart);
	const locations = ctx.store.services.all<ServiceLocationRecord>('serviceLocations', location(ctx));
	// UNDOCUMENTED: which service location is the "default" one; the sandbox takes the location's first
	const serviceLocation = merged.serviceLocationId === undefined ? locations[0] : locations.find((l) => l.id === merged.serviceLocationId);
	if (!serviceLocation) return { problem: serviceLocationNotFound() };
	if (serviceLocation.locationType === 'ask_booker' && !merged.meetingLocation) return refuse('meetingLocation is required for an ask the booker service location');
	const services: Array<Record<string, unknown>> = [];
	for (const booked of merged.services as Array<Record<string, unknown>>) {
		const service = ctx.store.services.find<ServiceRecord>('services', location(ctx), String(booked.id));
		if (!service) return { problem: serviceNotFound() };
		const staffId = String(booked.staffId ?? service.staff[0]?.id ?? '');
		services.push({ ...booked, staffId });
	}
	const override = ctx.query.overrideAvailability === 'true' || !slotChanged;
	const busy = ctx.store.services
		.bookings(location(ctx))
		.some((b) => !b.deleted && b.bookingId !== exceptId && overlaps(b, startMs, endMs) && b.services.some((s) => services.some((w) => w.staffId === s.serviceStaffId)));
	if (busy && !override) return refuse(MESSAGES.slotUnavailable);
	return { fields: { ...merged, serviceLocationId: serviceLocation.id, services } };
}

/** What the store keeps of a booking: its services as ServiceDTO (id, category, staff, times). */
function stored(ctx: Context, fields: Record<string, unknown>): Omit<ServiceBookingRecord, 'bookingId' | 'locationId'> {
	const services = (fields.services as Array<Record<string, unknown>>).map((booked) => {
		const service = ctx.store.services.find<ServiceRecord>('services', location(ctx), String(booked.id));
		return {
			id: booked.id,
			// UNDOCUMENTED: the default category's id; the sandbox names it "default"
			serviceCategoryId: service?.serviceCategoryId ?? 'default',
			serviceStaffId: booked.staffId,
			serviceStartTime: fields.startTime,
			serviceEndTime: fields.endTime,
			...(Array.isArray(booked.addOns) ? { serviceAddOns: booked.addOns.map(({ id, quantity }: Record<string, unknown>) => ({ id, quantity })) } : {}),
		};
	});
	const names = services.map((s) => ctx.store.services.find<ServiceRecord>('services', location(ctx), String(s.id))?.name).join(', ');
	const now = new Date(ctx.now()).toISOString();
	return {
		// UNDOCUMENTED: the default title; HighLevel's example is "John Doe - Hair Styling", the sandbox has no contact names
		title: names,
		// "If not provided, the status configured in Service Global Settings will be used": the sandbox's setting is confirmed
		status: 'confirmed',
		createdBy: { source: 'third_party' },
		dateAdded: now,
		...fields,
		services,
		deleted: false,
		dateUpdated: now,
	} as Omit<ServiceBookingRecord, 'bookingId' | 'locationId'>;
}

export const serviceHandlers: Record<string, Handler> = {
	'get-services-catalog': (ctx) =>
		answered(
			success(200, {
				services: catalog.list(
					ctx,
					(s) => (ctx.query.serviceCategoryId === undefined || s.serviceCategoryId === ctx.query.serviceCategoryId) && (ctx.query.isPrivate === undefined || String(s.isPrivate) === ctx.query.isPrivate),
				),
			}),
		),
	'create-service-catalog': (ctx) => catalog.create(ctx, staffProblem(ctx.body.staff)),
	'get-service-catalog-by-id': (ctx) => catalog.get(ctx),
	'update-service-catalog': (ctx) => catalog.update(ctx, staffProblem(ctx.body.staff)),
	'delete-service-catalog': (ctx) => catalog.delete(ctx, 'Service deleted successfully'),

	'get-service-locations': (ctx) => answered(success(200, { serviceLocations: serviceLocations.list(ctx) })),
	'create-service-location': (ctx) => serviceLocations.create(ctx),
	'get-service-location-by-id': (ctx) => serviceLocations.get(ctx),
	'update-service-location': (ctx) => serviceLocations.update(ctx),
	// UNVERIFIED: the spec's example message of this route says "Service deleted successfully"; the sandbox says the same
	'delete-service-location': (ctx) => serviceLocations.delete(ctx, 'Service deleted successfully'),

	// the bookings overlapping [startTime, endTime) (epoch milliseconds as text); UNDOCUMENTED: whether a booking that
	// only overlaps the window's edge is listed, and what `timezone` changes (the sandbox answers times as stored)
	'get-service-bookings': (ctx) => {
		const [startMs, endMs] = [Number(ctx.query.startTime), Number(ctx.query.endTime)];
		if (!Number.isFinite(startMs)) return answered(badRequest(MESSAGES.invalidMillis('startTime')));
		if (!Number.isFinite(endMs)) return answered(badRequest(MESSAGES.invalidMillis('endTime')));
		const bookings = ctx.store.services
			.bookings(location(ctx))
			.filter((b) => !b.deleted && overlaps(b, startMs, endMs) && (ctx.query.serviceLocationId === undefined || b.serviceLocationId === ctx.query.serviceLocationId));
		return answered(success(200, { bookings }));
	},

	'create-service-booking': (ctx) => {
		const checked = bookingFields(ctx, fieldsOf(ctx, 'locationId'));
		if ('problem' in checked) return checked.problem;
		return answered(success(201, ctx.store.services.createBooking(location(ctx), stored(ctx, checked.fields))), true);
	},

	'get-service-booking-by-id': (ctx) => {
		const record = ctx.store.services.booking(location(ctx), ctx.params.bookingId);
		return record ? answered(success(200, record)) : bookingNotFound();
	},

	// services sent replace the booking's ("If provided, services sent in the request will replace the existing services")
	'update-service-booking': (ctx) => {
		const record = ctx.store.services.booking(location(ctx), ctx.params.bookingId);
		if (!record) return bookingNotFound();
		const current = { ...record, services: record.services.map((s) => ({ id: s.id, staffId: s.serviceStaffId })) };
		const slotChanged = ['startTime', 'endTime', 'services'].some((key) => ctx.body[key] !== undefined);
		const checked = bookingFields(ctx, { ...current, ...ctx.body }, record.bookingId, slotChanged);
		if ('problem' in checked) return checked.problem;
		return answered(success(200, ctx.store.services.updateBooking(location(ctx), record.bookingId, { ...stored(ctx, checked.fields), dateAdded: record.dateAdded })), true);
	},

	// UNDOCUMENTED: a delete is kept as the booking's `deleted` (the record has that flag); deleting it again answers 404
	'delete-service-booking': (ctx) =>
		ctx.store.services.updateBooking(location(ctx), ctx.params.bookingId, { deleted: true })
			? answered(success(200, { success: true, message: 'Service booking deleted successfully' }), true)
			: bookingNotFound(),
};
