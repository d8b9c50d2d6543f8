import { flag, listOf, number, oneOf, shape, text, type Rule } from '../../shared/schemaCheck';

export const CALENDAR_TYPES = ['round_robin', 'event', 'class_booking', 'collective', 'service_booking', 'personal'] as const;
export type CalendarType = (typeof CALENDAR_TYPES)[number];

const TIME_UNIT = oneOf('mins', 'hours');

const hour = shape(
	{
		openHour: { type: 'number', minimum: 0, maximum: 23 },
		openMinute: { type: 'number', minimum: 0, maximum: 60 },
		closeHour: { type: 'number', minimum: 0, maximum: 23 },
		closeMinute: { type: 'number', minimum: 0, maximum: 60 },
	},
	['openHour', 'openMinute', 'closeHour', 'closeMinute'],
);

const locationConfiguration = shape(
	{
		kind: oneOf(
			'custom',
			'zoom_conference',
			'google_conference',
			'inbound_call',
			'outbound_call',
			'physical',
			'booker',
			'ms_teams_conference',
		),
		location: text,
	},
	['kind'],
);

const teamMember = shape(
	{
		userId: text,
		priority: { type: 'number', enum: [0, 0.5, 1] },
		meetingLocationType: {
			type: 'string',
			enum: ['custom', 'zoom', 'gmeet', 'phone', 'address', 'teams', 'booker'],
			readOnly: true,
		},
		meetingLocation: { type: 'string', readOnly: true },
		isPrimary: flag,
		locationConfigurations: listOf(locationConfiguration),
	},
	['userId'],
);

const availability = (withId: boolean) =>
	shape(
		{ date: text, hours: listOf(hour), deleted: flag, ...(withId ? { id: text } : {}) },
		['date', 'hours'],
	);

/** The properties create and update share, as the 2021-04-15 file has them. */
function sharedProperties(update: boolean): Record<string, Rule> {
	return {
		isActive: flag,
		notifications: listOf(
			shape(
				{
					type: oneOf('email'),
					shouldSendToContact: flag,
					shouldSendToGuest: flag,
					shouldSendToUser: flag,
					shouldSendToSelectedUsers: flag,
					selectedUsers: text,
				},
				['shouldSendToContact', 'shouldSendToGuest', 'shouldSendToUser', 'shouldSendToSelectedUsers', 'selectedUsers'],
			),
		),
		groupId: text,
		teamMembers: listOf(teamMember),
		eventType: oneOf('RoundRobin_OptimizeForAvailability', 'RoundRobin_OptimizeForEqualDistribution'),
		name: text,
		description: text,
		slug: text,
		widgetSlug: text,
		widgetType: oneOf('default', 'classic'),
		eventTitle: text,
		eventColor: text,
		meetingLocation: { type: 'string', readOnly: true },
		locationConfigurations: listOf(locationConfiguration),
		slotDuration: number,
		slotDurationUnit: TIME_UNIT,
		slotInterval: number,
		slotIntervalUnit: TIME_UNIT,
		slotBuffer: number,
		preBuffer: number,
		preBufferUnit: TIME_UNIT,
		appoinmentPerSlot: number,
		appoinmentPerDay: number,
		allowBookingAfter: number,
		allowBookingAfterUnit: oneOf('hours', 'days', 'weeks', 'months'),
		allowBookingFor: number,
		allowBookingForUnit: oneOf('days', 'weeks', 'months'),
		openHours: listOf(shape({ daysOfTheWeek: listOf({ type: 'number', minimum: 0, maximum: 6 }), hours: listOf(hour) }, ['daysOfTheWeek', 'hours'])),
		enableRecurring: flag,
		recurring: shape({
			freq: oneOf('DAILY', 'WEEKLY', 'MONTHLY'),
			count: { type: 'number', maximum: 24 },
			bookingOption: oneOf('skip', 'continue', 'book_next'),
			bookingOverlapDefaultStatus: oneOf('confirmed', 'new'),
		}),
		formId: text,
		stickyContact: flag,
		isLivePaymentMode: flag,
		autoConfirm: flag,
		shouldSendAlertEmailsToAssignedMember: flag,
		alertEmail: text,
		googleInvitationEmails: flag,
		allowReschedule: flag,
		allowCancellation: flag,
		shouldAssignContactToTeamMember: flag,
		shouldSkipAssigningContactForExisting: flag,
		notes: text,
		pixelId: text,
		formSubmitType: oneOf('RedirectURL', 'ThankYouMessage'),
		formSubmitRedirectURL: text,
		formSubmitThanksMessage: text,
		availabilityType: { type: 'number', enum: [0, 1] },
		availabilities: listOf(availability(update)),
		guestType: oneOf('count_only', 'collect_detail'),
		consentLabel: text,
		calendarCoverImage: text,
		lookBusyConfig: shape({ enabled: flag, LookBusyPercentage: number }, ['enabled', 'LookBusyPercentage']),
	};
}

/** v3 also takes "mins" as the unit of the minimum scheduling notice. */
function forVersion(properties: Record<string, Rule>, version: string): Record<string, Rule> {
	if (version !== 'v3') return properties;
	return { ...properties, allowBookingAfterUnit: oneOf('hours', 'days', 'weeks', 'months', 'mins') };
}

const CREATE = shape(
	{
		...sharedProperties(false),
		locationId: text,
		calendarType: oneOf(...CALENDAR_TYPES),
		slotBufferUnit: TIME_UNIT,
	},
	['locationId', 'name'],
);

const UPDATE = shape(sharedProperties(true));

/** POST /calendars/ (CalendarCreateDTO) or PUT /calendars/{calendarId} (CalendarUpdateDTO) of that Version header. */
export function calendarBodyRule(operation: 'create' | 'update', version: string): Rule & { type: 'object' } {
	const rule = (operation === 'create' ? CREATE : UPDATE) as Rule & { type: 'object' };
	return { ...rule, properties: forVersion(rule.properties, version) };
}

