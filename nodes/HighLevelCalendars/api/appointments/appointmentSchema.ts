import { flag, oneOf, shape, text, type Rule } from '../../shared/schemaCheck';

const STATUSES = ['new', 'confirmed', 'cancelled', 'showed', 'noshow', 'invalid'];
/** v3 also takes these two. */
const V3_STATUSES = [...STATUSES, 'completed', 'active'];

/** The properties AppointmentCreateSchema and AppointmentEditSchema share (both files, both Versions). */
function sharedProperties(version: string): Record<string, Rule> {
	return {
		title: text,
		meetingLocationType: oneOf('custom', 'zoom', 'gmeet', 'phone', 'address', 'ms_teams', 'google'),
		meetingLocationId: text,
		overrideLocationConfig: flag,
		appointmentStatus: oneOf(...(version === 'v3' ? V3_STATUSES : STATUSES)),
		assignedUserId: text,
		description: text,
		address: text,
		ignoreDateRange: flag,
		toNotify: flag,
		ignoreFreeSlotValidation: flag,
		rrule: text,
		calendarId: text,
		startTime: text,
		endTime: text,
	};
}

export const APPOINTMENT_STATUSES = V3_STATUSES;

/** POST /calendars/events/appointments (create) or PUT …/appointments/{eventId} (update) of that Version header. */
export function appointmentBodyRule(operation: 'create' | 'update', version: string): Rule {
	if (operation === 'update') return shape(sharedProperties(version));
	return shape(
		{ ...sharedProperties(version), locationId: text, contactId: text },
		['calendarId', 'locationId', 'contactId', 'startTime'],
	);
}
