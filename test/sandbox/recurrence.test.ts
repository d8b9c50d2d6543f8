import { occurrences, parseOccurrenceId, parseRule } from '../../tools/sandbox/recurrence';

const NY = 'America/New_York';
const at = (iso: string) => Date.parse(iso);
const series = (rrule: string, start = '2026-03-02T10:00:00-05:00', extra: { exdates?: number[] } = {}) => ({ id: 'series0001', startMs: at(start), endMs: at(start) + 30 * 60_000, rrule, ...extra });
const local = (list: Array<{ startMs: number }>) => list.map((o) => new Date(o.startMs).toISOString());

describe('recurrence: a series\' occurrences in the sub-account\'s wall-clock time', () => {
	it('keeps 10:00 New York time across the spring DST change, with ids as the spec shows them', () => {
		const found = occurrences(series('RRULE:FREQ=WEEKLY;COUNT=3'), NY, 0, at('2027-01-01T00:00:00Z'));
		expect(local(found)).toEqual(['2026-03-02T15:00:00.000Z', '2026-03-09T14:00:00.000Z', '2026-03-16T14:00:00.000Z']);
		expect(found[1].id).toBe(`series0001_${at('2026-03-09T14:00:00Z')}_1800`);
		expect(parseOccurrenceId(found[1].id)).toEqual({ seriesId: 'series0001', startMs: at('2026-03-09T14:00:00Z') });
		expect(parseOccurrenceId('series0001')).toBeUndefined();
	});

	it('reads INTERVAL, UNTIL, BYDAY and EXDATE, and the stored exceptions; only the window asked for', () => {
		const rule = 'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=WE,MO;UNTIL=20260401T000000Z\nEXDATE:20260316T140000Z';
		expect(local(occurrences(series(rule), NY, 0, at('2027-01-01T00:00:00Z')))).toEqual([
			'2026-03-02T15:00:00.000Z',
			'2026-03-04T15:00:00.000Z',
			'2026-03-18T14:00:00.000Z',
			'2026-03-30T14:00:00.000Z',
		]);
		const daily = series('RRULE:FREQ=DAILY', '2026-03-02T10:00:00-05:00', { exdates: [at('2026-03-03T15:00:00Z')] });
		expect(local(occurrences(daily, NY, at('2026-03-02T15:15:00Z'), at('2026-03-04T23:00:00Z')))).toEqual(['2026-03-02T15:00:00.000Z', '2026-03-04T15:00:00.000Z']);
		expect(local(occurrences(series('RRULE:FREQ=MONTHLY;COUNT=2', '2026-01-31T10:00:00-05:00'), NY, 0, at('2027-01-01T00:00:00Z')))).toEqual(['2026-01-31T15:00:00.000Z', '2026-03-31T14:00:00.000Z']);
	});

	it('refuses what it does not simulate, naming the part', () => {
		expect(parseRule('RRULE:FREQ=YEARLY', NY)).toBe('rrule: FREQ=YEARLY is not simulated by the sandbox');
		expect(parseRule('RRULE:FREQ=DAILY;BYDAY=MO', NY)).toBe('rrule: BYDAY is simulated for FREQ=WEEKLY only');
		expect(parseRule('RRULE:INTERVAL=2', NY)).toBe('rrule: FREQ is required');
		expect(parseRule('RDATE:20260301T100000Z', NY)).toBe('rrule: RDATE is not simulated by the sandbox');
		expect(parseRule('FREQ=DAILY;COUNT=5', NY)).toEqual({ freq: 'DAILY', interval: 1, count: 5, exdates: [] });
	});
});
