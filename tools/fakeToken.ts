import { randomBytes } from 'crypto';

/** A token made at run time (fake, for the sandbox and tests): unique per run, so a search for it cannot match by chance. */
export function fakeToken(label: string): string {
	return `pit-${label}-${randomBytes(12).toString('hex')}`;
}
