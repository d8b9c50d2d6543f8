import { limitUsed, trueBoundMs } from '../../tools/pacing/limitUse';
import type { LoggedRequest } from '../../tools/sandbox/request-log';

const request = (receivedAt: number, status = 201) => ({ method: 'POST', path: '/calendars/groups', query: {}, headers: {}, status, receivedAt, answeredAt: receivedAt + 50 }) as LoggedRequest;

describe('limit use', () => {
	test('the true bound: whole windows of max in either model, then the latency', () => {
		expect(trueBoundMs('fixed', 1001, 100, 1000, 100)).toBe(10_100);
		expect(trueBoundMs('sliding', 1001, 100, 1000, 100)).toBe(10_100);
		expect(trueBoundMs('fixed', 1002, 100, 1000, 100)).toBe(10_100);
		expect(trueBoundMs('sliding', 100, 100, 1000, 50)).toBe(50);
		expect(trueBoundMs('sliding', 101, 100, 1000, 50)).toBe(1050);
	});

	test('limit used: counted requests over the limit rate, over first to last; 429s do not count', () => {
		const requests = [...Array.from({ length: 101 }, (_, i) => request(1000 + i * 20)), request(1500, 429)];
		// 101 counted at 100 per second take 1.01 s of the limit, sent over 2 s
		expect(limitUsed(requests, 100, 1000)).toBeCloseTo(0.505, 3);
	});
});
