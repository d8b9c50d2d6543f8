/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-only tooling: runs in Node, never inside n8n */
import { join, resolve } from 'path';

export const REPO_ROOT = resolve(__dirname, '..');
/** Installs of n8n and Node, user folders and run data: <repo>/.cache unless the caller names another folder. */
export const DEFAULT_CACHE_DIR = join(REPO_ROOT, '.cache');
