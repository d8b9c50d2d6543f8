import { sleep } from 'n8n-workflow';

/** Where the pacing reads and spends time; tests give it a simulated one. */
export interface PacingClock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

export const realClock: PacingClock = { now: () => Date.now(), sleep };
