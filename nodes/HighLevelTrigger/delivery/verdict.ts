import type { IDataObject } from 'n8n-workflow';

import type { Refusal } from '../verification/refusal';

/**
 * What the trigger does with a delivery: start one execution; answer 200 and start none (`ignore` says why, and
 * `notForUs` marks a signed delivery for someone else, which is logged as a warning); or refuse (401).
 */
export type Verdict = { start: IDataObject } | { ignore: string; notForUs?: true } | Refusal;
