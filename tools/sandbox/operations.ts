/** The six calendar-group operations on the store (requests arrive here authenticated and validated). */
import { MatchedOperation, RecordedRequest } from '../contract/openapi';
import { SandboxToken } from './auth';
import { Answer, MESSAGES, notFound, success, unprocessable } from './responses';
import { GroupFields, GroupInput, GroupStore } from './store';

export interface OperationResult {
	answer: Answer;
	/** true when the store changed */
	mutated: boolean;
}

interface Context {
	store: GroupStore;
	token: SandboxToken;
	groupId: string;
	query: Record<string, string>;
	body: Record<string, unknown>;
}

type Handler = (ctx: Context) => OperationResult;

const answered = (answer: Answer, mutated = false): OperationResult => ({ answer, mutated });
const groupNotFound = (): OperationResult => answered(notFound(MESSAGES.groupNotFound));
const slugExists = (): OperationResult => answered(unprocessable([MESSAGES.slugExists]));

const handlers: Record<string, Handler> = {
	'get-groups': ({ store, query }) => answered(success(200, { groups: store.list(query.locationId) })),

	'create-calendar-group': ({ store, body }) => {
		const input = body as unknown as GroupInput;
		if (store.slugTaken(input.locationId, input.slug)) return slugExists();
		return answered(success(201, { group: store.create(input) }), true);
	},

	'validate-groups-slug': ({ store, body }) =>
		answered(success(200, { available: !store.slugTaken(String(body.locationId), String(body.slug)) })),

	'edit-group': ({ store, token, groupId, body }) => {
		const fields = body as unknown as GroupFields;
		if (!store.find(token.locationId, groupId)) return groupNotFound();
		if (store.slugTaken(token.locationId, fields.slug, groupId)) return slugExists();
		return answered(success(200, { group: store.update(token.locationId, groupId, fields) }), true);
	},

	'disable-group': ({ store, token, groupId, body }) =>
		store.setActive(token.locationId, groupId, body.isActive === true) ? answered(success(200, { success: true }), true) : groupNotFound(),

	'delete-group': ({ store, token, groupId }) =>
		store.remove(token.locationId, groupId) ? answered(success(200, { success: true }), true) : groupNotFound(),
};

export function runOperation(operation: MatchedOperation, req: RecordedRequest, store: GroupStore, token: SandboxToken): OperationResult {
	const handler = handlers[operation.operationId];
	if (!handler) throw new Error(`sandbox has no handler for ${operation.operationId}`);
	const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
	return handler({ store, token, groupId: operation.pathParams.groupId ?? '', query: req.query, body });
}
