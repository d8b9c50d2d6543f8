/**
 * Recurring appointments: the occurrences of a series' RFC 5545 rule, stepped in the sub-account's wall-clock time
 * (Luxon), so an occurrence keeps its local time across a DST change. The sandbox simulates FREQ DAILY, WEEKLY (with
 * BYDAY) and MONTHLY, INTERVAL, COUNT, UNTIL and an EXDATE line; other rule parts are refused as not simulated.
 * An occurrence's id is `<series id>_<start ms>_<duration s>`, as the spec's example
 * `ocQHyuzHvysMo5N5VsXc_1729821600000_1800` shows.
 */
import { DateTime } from 'luxon';

type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY';

export interface Rule {
	freq: Frequency;
	interval: number;
	count?: number;
	untilMs?: number;
	/** ISO weekdays (1 = Monday) of a weekly rule */
	byDay?: number[];
	exdates: number[];
}

export interface Series {
	id: string;
	startMs: number;
	endMs: number;
	rrule: string;
	/** occurrences taken out of the series (deleted, or changed on their own) */
	exdates?: number[];
}

export interface Occurrence {
	id: string;
	startMs: number;
	endMs: number;
}

const FREQUENCIES: Frequency[] = ['DAILY', 'WEEKLY', 'MONTHLY'];
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const UNIT: Record<Frequency, 'days' | 'weeks' | 'months'> = { DAILY: 'days', WEEKLY: 'weeks', MONTHLY: 'months' };
/** a series without COUNT or UNTIL is read this far (and no further than the window asked for) */
const MAX_STEPS = 5000;

/** A date-time of a rule (`20210623T043000Z`, `20210623T043000` in the zone, or a date `20210623`), in epoch ms. */
function ruleTime(value: string, zone: string): number | undefined {
	for (const [format, options] of [
		["yyyyMMdd'T'HHmmss'Z'", { zone: 'utc' }],
		["yyyyMMdd'T'HHmmss", { zone }],
		['yyyyMMdd', { zone }],
	] as const) {
		const parsed = DateTime.fromFormat(value, format, options);
		if (parsed.isValid) return format === 'yyyyMMdd' ? parsed.endOf('day').toMillis() : parsed.toMillis();
	}
	return undefined;
}

/** The rule, or why it is refused. */
export function parseRule(text: string, zone: string): Rule | string {
	const rule: Partial<Rule> & { exdates: number[] } = { interval: 1, exdates: [] };
	for (const line of text.split(/\r?\n/).filter((l) => l.trim() !== '')) {
		const [name, value] = line.includes(':') ? [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)] : ['RRULE', line];
		if (name === 'EXDATE') {
			for (const item of value.split(',')) {
				const at = ruleTime(item.trim(), zone);
				if (at === undefined) return `rrule: EXDATE ${item} is not a date-time`;
				rule.exdates.push(at);
			}
			continue;
		}
		if (name !== 'RRULE') return `rrule: ${name} is not simulated by the sandbox`;
		for (const part of value.split(';')) {
			const [key, raw = ''] = part.split('=');
			if (key === 'FREQ' && FREQUENCIES.includes(raw as Frequency)) rule.freq = raw as Frequency;
			else if (key === 'INTERVAL' && /^[1-9]\d*$/.test(raw)) rule.interval = Number(raw);
			else if (key === 'COUNT' && /^[1-9]\d*$/.test(raw)) rule.count = Number(raw);
			else if (key === 'UNTIL' && ruleTime(raw, zone) !== undefined) rule.untilMs = ruleTime(raw, zone);
			else if (key === 'BYDAY' && raw.split(',').every((d) => WEEKDAYS.includes(d))) rule.byDay = raw.split(',').map((d) => WEEKDAYS.indexOf(d) + 1).sort((a, b) => a - b);
			else return `rrule: ${part} is not simulated by the sandbox`;
		}
	}
	if (!rule.freq) return 'rrule: FREQ is required';
	if (rule.byDay && rule.freq !== 'WEEKLY') return 'rrule: BYDAY is simulated for FREQ=WEEKLY only';
	return rule as Rule;
}

export function occurrenceId(seriesId: string, startMs: number, durationMs: number): string {
	return `${seriesId}_${startMs}_${Math.round(durationMs / 1000)}`;
}

/** The series id and start of an occurrence id; undefined for any other id. */
export function parseOccurrenceId(id: string): { seriesId: string; startMs: number } | undefined {
	const match = /^([A-Za-z0-9]+)_(\d+)_(\d+)$/.exec(id);
	return match ? { seriesId: match[1], startMs: Number(match[2]) } : undefined;
}

/** The starts a rule gives from the series' first, in order (without EXDATEs), until one passes `toMs`. */
function* starts(rule: Rule, first: DateTime, toMs: number): Generator<number> {
	let emitted = 0;
	for (let step = 0; step < MAX_STEPS; step++) {
		const period = first.plus({ [UNIT[rule.freq]]: step * rule.interval });
		// a month without the series' day (the 31st in April) has no occurrence, as RFC 5545 has it
		const candidates = rule.byDay
			? rule.byDay.map((weekday) => period.plus({ days: weekday - period.weekday })).filter((d) => d >= first)
			: [period].filter((d) => rule.freq !== 'MONTHLY' || d.day === first.day);
		for (const candidate of candidates) {
			const ms = candidate.toMillis();
			if (ms > toMs || (rule.untilMs !== undefined && ms > rule.untilMs) || (rule.count !== undefined && emitted >= rule.count)) return;
			emitted++;
			yield ms;
		}
	}
}

/** The series' occurrences that overlap fromMs..toMs (an invalid rule has none: it was refused when stored). */
export function occurrences(series: Series, zone: string, fromMs: number, toMs: number): Occurrence[] {
	const rule = parseRule(series.rrule, zone);
	if (typeof rule === 'string') return [];
	const durationMs = series.endMs - series.startMs;
	const skipped = new Set([...rule.exdates, ...(series.exdates ?? [])]);
	const found: Occurrence[] = [];
	for (const startMs of starts(rule, DateTime.fromMillis(series.startMs, { zone }), toMs)) {
		if (startMs + durationMs > fromMs && !skipped.has(startMs)) found.push({ id: occurrenceId(series.id, startMs, durationMs), startMs, endMs: startMs + durationMs });
	}
	return found;
}
