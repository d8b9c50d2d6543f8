/**
 * HighLevel's webhook deliveries: one URL per marketplace app (`POST /__sandbox/webhooks`), documented events signed
 * with the sandbox's own Ed25519 key in `X-GHL-Signature` over the exact bytes posted, with `timestamp` and
 * `webhookId` added as HighLevel's WebhookAuthentication page describes; and a HighLevel workflow's Webhook action,
 * which posts the user's payload with the user's secret header and no signature. Every payload is checked against
 * its documented schema before it leaves; every delivery is logged with its status and times. No retries (HighLevel's
 * retry policy is not documented).
 */
import { generateKeyPairSync, randomUUID, sign } from 'crypto';

import { documentedExample, documentedPage, eventIssues } from '../contract/webhookEvents';
import type { Json } from '../contract/specs';

export interface WebhookRegistration {
	appId: string;
	url: string;
}

export interface WebhookDelivery {
	source: 'app' | 'workflowAction';
	/** the event's `type` (app deliveries) */
	type?: string;
	appId?: string;
	webhookId?: string;
	url: string;
	/** the receiver's answer; 0 when none came (refused connection, timeout) */
	status: number;
	sentAt: string;
	answeredAt: string;
}

export interface EmitEvent {
	/** the event's page name or its `type` (`LocationCreate`, `INSTALL`, `AppInstall`, …) */
	event: string;
	/** default: the only app with a webhook URL */
	appId?: string;
	/** fields set over the documented example (also `timestamp`, `webhookId`) */
	fields?: Json;
}

export interface WorkflowActionPost {
	url: string;
	headerName: string;
	secret: string;
	payload: Json;
}

export interface SignedEvent {
	payload: Json;
	/** the exact text posted */
	body: string;
	signature: string;
}

const DELIVERY_TIMEOUT_MS = 30_000;

export class WebhookSender {
	private readonly keys = generateKeyPairSync('ed25519');
	/** the public half, PEM (what a HighLevel Webhook Public Key credential takes) */
	readonly publicKeyPem = this.keys.publicKey.export({ type: 'spki', format: 'pem' }).toString().trim();
	private registrations = new Map<string, string>();
	private deliveries: WebhookDelivery[] = [];

	constructor(private readonly clock: () => number = Date.now) {}

	register({ appId, url }: WebhookRegistration, knownApp: (appId: string) => boolean): WebhookRegistration {
		if (!knownApp(appId)) throw new Error(`unknown app "${appId}"`);
		if (!/^https?:\/\//.test(url ?? '')) throw new Error('url must be an http(s) URL');
		this.registrations.set(appId, url);
		return { appId, url };
	}

	urlOf(appId: string): string | undefined {
		return this.registrations.get(appId);
	}

	/** A documented event as HighLevel sends it: the example, `type`, a fresh `timestamp` and `webhookId`, then `fields`; signed. */
	signedEvent(event: string, fields: Json = {}): SignedEvent {
		const page = documentedPage(event);
		if (!page) throw new Error(`"${event}" is not a documented webhook event`);
		const payload = { ...documentedExample(page), timestamp: new Date(this.clock()).toISOString(), webhookId: randomUUID(), ...fields };
		const issues = eventIssues(page, payload);
		if (issues.length > 0) throw new Error(`the ${page} payload does not match its documented schema: ${issues.join('; ')}`);
		const body = JSON.stringify(payload);
		return { payload, body, signature: this.sign(body) };
	}

	sign(body: string | Buffer): string {
		return sign(null, Buffer.from(body), this.keys.privateKey).toString('base64');
	}

	/** Sends a documented event to the app's webhook URL. */
	async emit({ event, appId, fields }: EmitEvent): Promise<{ payload: Json; delivery: WebhookDelivery }> {
		const app = appId ?? this.onlyRegisteredApp();
		const url = this.registrations.get(app);
		if (!url) throw new Error(`no webhook URL registered for app "${app}"`);
		const signed = this.signedEvent(event, fields);
		const headers = { 'content-type': 'application/json', 'x-ghl-signature': signed.signature };
		const delivery = await this.post(url, headers, signed.body, {
			source: 'app',
			type: String(signed.payload.type),
			appId: app,
			webhookId: String(signed.payload.webhookId),
		});
		return { payload: signed.payload, delivery };
	}

	/** A HighLevel workflow's Webhook / Custom Webhook action: the user's payload and secret header, unsigned. */
	async postWorkflowAction({ url, headerName, secret, payload }: WorkflowActionPost): Promise<WebhookDelivery> {
		if (!/^https?:\/\//.test(url ?? '')) throw new Error('url must be an http(s) URL');
		if (!headerName || !secret) throw new Error('headerName and secret are required');
		const headers = { 'content-type': 'application/json', [headerName]: secret };
		return await this.post(url, headers, JSON.stringify(payload ?? {}), { source: 'workflowAction' });
	}

	snapshot(): { registrations: WebhookRegistration[]; deliveries: WebhookDelivery[] } {
		return {
			registrations: [...this.registrations].map(([appId, url]) => ({ appId, url })),
			deliveries: this.deliveries.map((d) => ({ ...d })),
		};
	}

	clear(): void {
		this.registrations.clear();
		this.deliveries = [];
	}

	private onlyRegisteredApp(): string {
		const apps = [...this.registrations.keys()];
		if (apps.length !== 1) throw new Error(`name the appId: ${apps.length} apps have a webhook URL`);
		return apps[0];
	}

	private async post(url: string, headers: Record<string, string>, body: string, about: Omit<WebhookDelivery, 'url' | 'status' | 'sentAt' | 'answeredAt'>): Promise<WebhookDelivery> {
		const sentAt = new Date(this.clock()).toISOString();
		let status = 0;
		try {
			const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS) });
			await response.arrayBuffer();
			status = response.status;
		} catch {
			status = 0;
		}
		const delivery: WebhookDelivery = { ...about, url, status, sentAt, answeredAt: new Date(this.clock()).toISOString() };
		this.deliveries.push(delivery);
		return { ...delivery };
	}
}
