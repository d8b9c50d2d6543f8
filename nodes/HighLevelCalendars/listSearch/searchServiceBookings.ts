import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { ServiceBookingsApi } from '../api/services/api';
import { apiClient } from '../execution/session';
import { DAY_MS } from '../shared/dates';
import { namedResults } from './namedResults';
import { searchContext } from './searchContext';

/** How far ahead "From List" of the Service Booking field looks (the list route takes a time window). */
const AHEAD_DAYS = 90;

/** "From List" of the Service Booking field: the location's bookings from now to 90 days ahead, filtered by title. */
export async function searchServiceBookings(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const { connection, settings } = await searchContext(this);
	const now = Date.now();
	const bookings = await apiClient(this, connection, ServiceBookingsApi).between(settings, now, now + AHEAD_DAYS * DAY_MS);
	return namedResults(bookings.map((booking) => ({ id: booking.bookingId, name: `${booking.title ?? booking.contactId} (${booking.startTime})` })), filter);
}
