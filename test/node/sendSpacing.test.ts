import { SendSpacing } from '../../nodes/HighLevelCalendars/transport/pacing/sendSpacing';
import { FakeClock } from '../../tools/pacing/fakeClock';

/** `lanes` requests at a time, `total` in all, each answered `roundTripMs` after it left; returns when each left. */
async function run(lanes: number, total: number, roundTripMs: number) {
	const clock = new FakeClock();
	const spacing = new SendSpacing(lanes, clock);
	const leftAt: number[] = [];
	let left = total;
	const lane = async () => {
		while (left-- > 0) {
			await spacing.enter();
			const sentAt = await spacing.turn();
			leftAt.push(clock.now());
			expect(sentAt).toBe(clock.now());
			await clock.sleep(roundTripMs);
			spacing.answered(sentAt);
		}
	};
	await clock.run(Promise.all(Array.from({ length: lanes }, lane)));
	return { leftAt, endedAt: clock.now() };
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]);

describe('send spacing (fake clock)', () => {
	test('the first requests leave at once: no round trip is known yet', async () => {
		const { leftAt } = await run(4, 4, 80);
		expect(leftAt).toEqual([0, 0, 0, 0]);
	});

	test('answers that come back together send the next requests half a round trip apart, shared by the lanes', async () => {
		const { leftAt } = await run(4, 12, 80);
		expect(leftAt.slice(0, 8)).toEqual([0, 0, 0, 0, 80, 90, 100, 110]);
		expect(Math.min(...gaps(leftAt.slice(4)))).toBe(10);
	});

	test('spread out, the lanes keep their pace: one round trip per request and lane, plus the first spreading', async () => {
		const { leftAt, endedAt } = await run(16, 160, 100);
		expect(Math.min(...gaps(leftAt.slice(16)))).toBeGreaterThanOrEqual(100 / 32 - 1e-9);
		expect(endedAt).toBeLessThanOrEqual(10 * 100 + (15 * 100) / 32 + 1e-9);
	});

	test('more requests at once than lanes: each waits for an answer, oldest first, and no more than the lanes are out', async () => {
		const clock = new FakeClock();
		const spacing = new SendSpacing(2, clock);
		const out: number[] = [];
		const leftAt: Array<[number, number]> = [];
		let inFlight = 0;
		const request = async (index: number) => {
			await spacing.enter();
			const sentAt = await spacing.turn();
			out.push(++inFlight);
			leftAt.push([index, clock.now()]);
			await clock.sleep(100);
			inFlight--;
			spacing.answered(sentAt);
		};
		await clock.run(Promise.all([0, 1, 2, 3, 4].map(request)));
		expect(Math.max(...out)).toBe(2);
		// half of the 100 ms round trip, shared by the 2 lanes: 25 ms apart once it is known
		expect(leftAt).toEqual([[0, 0], [1, 0], [2, 100], [3, 125], [4, 200]]);
	});
});
