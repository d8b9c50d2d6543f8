import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const LABELS = {
	group: { field: 'Group ID', what: 'group' },
	calendar: { field: 'Calendar ID', what: 'calendar' },
	blockedSlot: { field: 'Blocked Slot ID', what: 'blocked slot' },
	appointment: { field: 'Appointment ID', what: 'appointment' },
	note: { field: 'Note ID', what: 'note' },
	calendarResource: { field: 'Resource ID', what: 'calendar resource' },
	notification: { field: 'Notification ID', what: 'notification' },
	serviceBooking: { field: 'Service Booking ID', what: 'service booking' },
	service: { field: 'Service ID', what: 'service' },
	serviceLocation: { field: 'Service Location ID', what: 'service location' },
	schedule: { field: 'Schedule ID', what: 'availability schedule' },
};

export type IdThing = keyof typeof LABELS;

/** `{collection}/{id}{suffix}` with the id encoded; ids that would change the path are refused. */
export function idPath(node: INode, collection: string, thing: IdThing, id: string, suffix = ''): string {
	const trimmed = id.trim();
	if (trimmed === '' || trimmed === '.' || trimmed === '..') {
		const { field, what } = LABELS[thing];
		throw new NodeOperationError(node, `The ${field} "${id}" is not a valid ID`, {
			description: `Pick the ${what} from the list, or map the "id" of a ${what} from an earlier node`,
		});
	}
	return `${collection}/${encodeURIComponent(trimmed)}${suffix}`;
}
