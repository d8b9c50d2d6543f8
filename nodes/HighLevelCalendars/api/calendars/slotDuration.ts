import type { Calendar } from './types';

/** HighLevel's default slot duration for a calendar that states none (30 minutes). */
const DEFAULT_SLOT_MINUTES = 30;

/** The calendar's slot duration in milliseconds (slotDuration in slotDurationUnit, "mins" or "hours"). */
export function slotDurationMs(calendar: Calendar): number {
	const duration = typeof calendar.slotDuration === 'number' && calendar.slotDuration > 0 ? calendar.slotDuration : DEFAULT_SLOT_MINUTES;
	return duration * (calendar.slotDurationUnit === 'hours' ? 60 : 1) * 60_000;
}
