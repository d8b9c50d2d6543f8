import type { IDataObject } from 'n8n-workflow';

/** A service of the catalog as HighLevel answers it (ServiceResponseDTO). */
export interface Service extends IDataObject {
	id: string;
	locationId: string;
	name: string;
	slug?: string;
}

/** A service location as HighLevel answers it (ServiceLocationResponseDTO). */
export interface ServiceLocation extends IDataObject {
	id: string;
	locationId: string;
	name: string;
	slug: string;
}

/** A service booking as HighLevel answers it (ServiceBookingResponseDTO): its id is `bookingId`. */
export interface ServiceBooking extends IDataObject {
	bookingId: string;
	locationId: string;
	contactId: string;
	startTime: string;
	endTime: string;
	title?: string;
}
