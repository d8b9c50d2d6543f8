/** What an operation handler is given and answers (operations.ts dispatches to the handlers). */
import { ApiVersion } from '../contract/openapi';
import type { Json } from '../contract/specs';
import { SandboxToken } from './auth';
import { BookingStore } from './bookings';
import { Answer } from './responses';
import { LocationStore } from './store';

/** A webhook event a change causes (sent to the apps installed in the location). */
export interface ChangeEvent {
	event: 'AppointmentCreate' | 'AppointmentUpdate' | 'AppointmentDelete';
	locationId: string;
	fields: Json;
}

export interface OperationResult {
	answer: Answer;
	/** true when the store changed */
	mutated: boolean;
	events?: ChangeEvent[];
}

export interface OperationDeps {
	store: LocationStore;
	bookings: BookingStore;
	timeZoneOf: (locationId: string) => string;
	/** epoch ms */
	now: () => number;
}

export interface Context extends OperationDeps {
	token: SandboxToken;
	version: ApiVersion;
	/** decoded path parameters */
	params: Record<string, string>;
	groupId: string;
	calendarId: string;
	query: Record<string, string>;
	body: Record<string, unknown>;
}

export type Handler = (ctx: Context) => OperationResult;

export const answered = (answer: Answer, mutated = false, events?: ChangeEvent[]): OperationResult => ({ answer, mutated, events });
