import type { IDataObject } from 'n8n-workflow';

import type { Refusal } from '../verification/refusal';

/** What the trigger does with a delivery: start one execution, answer 200 and start none, or refuse (401). */
export type Verdict = { start: IDataObject } | { ignore: string } | Refusal;
