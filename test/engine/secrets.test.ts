import { NodeApiError } from 'n8n-workflow';

import { leakedSecrets } from '../../tools/engine/secrets';
import { fakeToken } from '../../tools/fakeToken';

const node = { id: '1', name: 'n', type: 't', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };

describe('the token search used on every run of the suite', () => {
	test('finds a token in an error message, a description, a cause or a nested output', () => {
		const secret = fakeToken('secret');
		expect(leakedSecrets({ items: [{ json: { a: { b: `x ${secret}` } } }] }, [secret])).toEqual([secret]);
		expect(leakedSecrets(new Error(`Bearer ${secret}`), [secret])).toEqual([secret]);
		const apiError = new NodeApiError(node, { message: 'boom' }, { description: `token ${secret}` });
		expect(leakedSecrets({ error: apiError }, [secret])).toEqual([secret]);
		const wrapped = Object.assign(new Error('outer'), { cause: { config: { headers: { Authorization: secret } } } });
		expect(leakedSecrets(wrapped, [secret])).toEqual([secret]);
	});

	test('finds nothing where there is nothing', () => {
		expect(leakedSecrets({ json: { name: 'group' } }, [fakeToken('secret')])).toEqual([]);
	});
});
