import { Refusal } from './refusal';

export const signatureHeaderName = 'x-ghl-signature';

const ed25519SignatureLength = 64;
const base64Shape = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The Ed25519 signature carried by `X-GHL-Signature`, or why there is none usable.
 * Missing, repeated (Node joins the values with ", "; base64 has no comma), `N/A`, not base64 or not 64 bytes: refused, never skipped.
 */
export function readSignature(headerValue: string | undefined): Buffer | Refusal {
	if (headerValue === undefined || headerValue === '') {
		return new Refusal('X-GHL-Signature header missing');
	}
	const value = headerValue.trim();
	if (value.includes(',')) {
		return new Refusal('X-GHL-Signature header repeated');
	}
	if (value.toUpperCase() === 'N/A') {
		return new Refusal('X-GHL-Signature header is N/A');
	}
	if (value.length % 4 !== 0 || !base64Shape.test(value)) {
		return new Refusal('X-GHL-Signature header is not base64');
	}
	const signature = Buffer.from(value, 'base64');
	if (signature.length !== ed25519SignatureLength) {
		return new Refusal('X-GHL-Signature has the wrong length');
	}
	return signature;
}
