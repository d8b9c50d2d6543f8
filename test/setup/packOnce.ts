/* eslint-disable @n8n/community-nodes/no-restricted-globals -- Node-only tooling: runs in Node, never inside n8n */
/**
 * The e2e suite's global set-up: the package built and packed once for all its files (each used to build and pack it
 * again); e2eRun reads E2E_TARBALL, which the test files' environments inherit from this process.
 */
import { stderrLog } from '../../tools/n8n/install';
import { packPackage } from '../../tools/pack/packageTarball';

export default async function packOnce(): Promise<void> {
	process.env.E2E_TARBALL = await packPackage(stderrLog('e2e'));
}
