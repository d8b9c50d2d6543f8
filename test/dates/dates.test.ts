import type { INode } from 'n8n-workflow';

import {
	addLocalDays,
	describeInstant,
	epochMs,
	epochMsText,
	isoWithOffset,
	localDate,
	offsetMinutes,
	readInstant,
	readOptionalInstant,
	readTimeZone,
	startOfLocalDay,
} from '../../nodes/HighLevelCalendars/shared/dates';

const node = { name: 'HighLevel Calendars', type: 'highLevelCalendars', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;
const read = (value: unknown, timeZone = 'America/New_York', itemIndex = 0) =>
	readInstant(node, value, { field: 'Start Time', itemIndex, timeZone });
const utc = (iso: string) => Date.parse(iso);

describe('a local time without an offset is read in the chosen zone, across both DST changes', () => {
	test.each([
		// zone, local time, the instant (UTC), what HighLevel is sent
		['America/New_York', '2026-03-07T10:00:00', '2026-03-07T15:00:00Z', '2026-03-07T10:00:00-05:00'],
		['America/New_York', '2026-03-08T01:59:00', '2026-03-08T06:59:00Z', '2026-03-08T01:59:00-05:00'],
		['America/New_York', '2026-03-08T03:00:00', '2026-03-08T07:00:00Z', '2026-03-08T03:00:00-04:00'],
		['America/New_York', '2026-03-09T10:00', '2026-03-09T14:00:00Z', '2026-03-09T10:00:00-04:00'],
		['America/New_York', '2026-11-01T00:30:00', '2026-11-01T04:30:00Z', '2026-11-01T00:30:00-04:00'],
		['America/New_York', '2026-11-02T10:00:00', '2026-11-02T15:00:00Z', '2026-11-02T10:00:00-05:00'],
		['Europe/Berlin', '2026-03-28T10:00:00', '2026-03-28T09:00:00Z', '2026-03-28T10:00:00+01:00'],
		['Europe/Berlin', '2026-03-29T10:00:00', '2026-03-29T08:00:00Z', '2026-03-29T10:00:00+02:00'],
		['Europe/Berlin', '2026-10-24T10:00:00', '2026-10-24T08:00:00Z', '2026-10-24T10:00:00+02:00'],
		['Europe/Berlin', '2026-10-25T10:00:00', '2026-10-25T09:00:00Z', '2026-10-25T10:00:00+01:00'],
		['Europe/Berlin', '2026-10-25', '2026-10-24T22:00:00Z', '2026-10-25T00:00:00+02:00'],
		['Asia/Kolkata', '2026-06-23 09:00', '2026-06-23T03:30:00Z', '2026-06-23T09:00:00+05:30'],
	])('%s %s', (timeZone, local, instant, sent) => {
		expect(read(local, timeZone)).toBe(utc(instant));
		expect(isoWithOffset(utc(instant), timeZone)).toBe(sent);
	});

	test('a time that happens twice (clocks go back) is its first occurrence', () => {
		expect(read('2026-11-01T01:30:00')).toBe(utc('2026-11-01T05:30:00Z')); // EDT, not EST
		expect(read('2026-10-25T02:30:00', 'Europe/Berlin')).toBe(utc('2026-10-25T00:30:00Z')); // CEST
	});

	test('a time that does not happen (clocks go forward) is moved on by the jump', () => {
		expect(isoWithOffset(read('2026-03-08T02:30:00'), 'America/New_York')).toBe('2026-03-08T03:30:00-04:00');
		expect(isoWithOffset(read('2026-03-29T02:30:00', 'Europe/Berlin'), 'Europe/Berlin')).toBe('2026-03-29T03:30:00+02:00');
	});
});

describe('the other ways n8n users give a date', () => {
	test('ISO with an offset or Z is that instant, whatever the chosen zone', () => {
		expect(read('2026-03-08T10:00:00+05:30', 'Europe/Berlin')).toBe(utc('2026-03-08T04:30:00Z'));
		expect(read('2026-03-08T10:00:00.250Z')).toBe(utc('2026-03-08T10:00:00.250Z'));
		expect(read('2026-03-08T10:00:00-0400')).toBe(utc('2026-03-08T14:00:00Z'));
	});

	test('epoch milliseconds as a number or as digits', () => {
		expect(read(1773000000000)).toBe(1773000000000);
		expect(read('1773000000000')).toBe(1773000000000);
	});

	test("a Luxon DateTime (an expression's $now) and a JS Date", () => {
		const dateTime = { isLuxonDateTime: true, isValid: true, toMillis: () => 1773000000000, toISO: () => 'ignored' };
		expect(read(dateTime)).toBe(1773000000000);
		expect(read(new Date(1773000000000))).toBe(1773000000000);
	});

	test('empty is refused by readInstant, undefined from readOptionalInstant', () => {
		expect(() => read('  ', 'UTC', 4)).toThrow('Start Time is empty in item 4');
		expect(readOptionalInstant(node, '', { field: 'End Time', itemIndex: 0, timeZone: 'UTC' })).toBeUndefined();
	});

	test.each([
		['tomorrow at ten', 'is not a date'],
		['2026-02-30T10:00:00', 'is not a date on the calendar'],
		['2026-03-08T25:00:00', 'is not a date on the calendar'],
		[1773000000, 'looks like epoch seconds'],
		[{ start: 1 }, 'is not a date'],
		[{ isValid: false, invalidExplanation: 'unparsable', toMillis: () => Number.NaN }, 'is invalid (unparsable)'],
	])('%p is refused naming the field and the item', (value, problem) => {
		let error: Error & { context?: { itemIndex?: number } } = new Error('not thrown');
		try {
			read(value, 'UTC', 3);
		} catch (thrown) {
			error = thrown as typeof error;
		}
		expect(error.message).toMatch(/^Start Time .* in item 3 /);
		expect(error.message).toContain(problem);
		expect(error.context?.itemIndex).toBe(3);
	});
});

describe('the forms the endpoints take', () => {
	const instant = utc('2026-03-08T15:00:00Z');
	test('ISO with offset, epoch-ms number, epoch-ms text', () => {
		expect(isoWithOffset(instant, 'America/New_York')).toBe('2026-03-08T11:00:00-04:00');
		expect(isoWithOffset(instant, 'UTC')).toBe('2026-03-08T15:00:00+00:00');
		expect(epochMs(instant)).toBe(1772982000000);
		expect(epochMsText(instant)).toBe('1772982000000');
	});

	test('zone helpers follow the wall clock across a DST change', () => {
		const saturday = read('2026-03-07T10:00:00');
		expect(addLocalDays(saturday, 1, 'America/New_York')).toBe(utc('2026-03-08T14:00:00Z')); // 23 hours later
		expect(startOfLocalDay(utc('2026-11-01T12:00:00Z'), 'America/New_York')).toBe(utc('2026-11-01T04:00:00Z'));
		expect(offsetMinutes(utc('2026-07-01T00:00:00Z'), 'Europe/Berlin')).toBe(120);
		expect(localDate(utc('2026-03-08T03:00:00Z'), 'America/New_York')).toBe('2026-03-07');
		expect(describeInstant(saturday, 'Europe/Berlin')).toBe('2026-03-07 16:00 (Europe/Berlin)');
	});

	test('a time zone Intl does not know is refused naming the item', () => {
		expect(readTimeZone(node, '', 'Europe/Berlin', 0)).toBe('Europe/Berlin');
		expect(() => readTimeZone(node, 'Mars/Olympus', 'UTC', 2)).toThrow('Time Zone "Mars/Olympus" in item 2 is not a time zone');
	});
});
