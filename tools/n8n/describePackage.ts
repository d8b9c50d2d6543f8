/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
/**
 * Loads an installed community package's nodes and credentials the way n8n does (n8n-workflow from n8n's own
 * node_modules, with n8n's Node, in a process of its own) and reports their type names. Throws if a file does not load.
 */
import { join } from 'path';

import { run } from '../processes';
import type { N8nInstall } from './install';

export interface PackageTypes {
	name: string;
	version: string;
	/** node types as workflows name them: `<package name>.<node name>` */
	nodeTypes: string[];
	credentialTypes: string[];
}

const SCRIPT = `
const path = require('path');
const dir = process.argv[1];
const pkg = require(path.join(dir, 'package.json'));
const instances = (files) => files.flatMap((file) => Object.values(require(path.join(dir, file))).filter((C) => typeof C === 'function').map((C) => new C()));
const described = (o) => o.description || (o.nodeVersions && o.nodeVersions[o.currentVersion].description) || o.baseDescription || {};
process.stdout.write(JSON.stringify({
  name: pkg.name,
  version: pkg.version,
  nodeTypes: instances((pkg.n8n && pkg.n8n.nodes) || []).map((o) => pkg.name + '.' + described(o).name),
  credentialTypes: instances((pkg.n8n && pkg.n8n.credentials) || []).map((o) => o.name),
}));
`;

export async function describePackage(inst: N8nInstall, packageDir: string): Promise<PackageTypes> {
	const answer = await run(inst.nodeBin, ['-e', SCRIPT, packageDir], {
		env: { ...process.env, NODE_PATH: join(inst.dir, 'node_modules'), NODE_OPTIONS: '' },
		timeoutMs: 60000,
	});
	return JSON.parse(answer.stdout) as PackageTypes;
}
