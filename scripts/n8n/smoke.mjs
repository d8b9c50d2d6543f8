#!/usr/bin/env node
// Self-check of scripts/n8n against real n8n:
//   node scripts/n8n/smoke.mjs 1|2 [path/to/package.tgz]
// Installs the line (or reuses it), makes a temporary user folder, imports a credential and a workflow that uses
// only built-in nodes (Manual Trigger -> Set -> Code -> HTTP Request to a local server with that credential),
// executes it headless and checks the result, then starts the editor and checks it answers. With a tarball it
// also installs it into the user folder like n8n's community install, and checks n8n lists and runs its node.
import { createServer } from 'node:http';
import { rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { ensureN8n } from './install.mjs';
import { makeTempUserFolder, prepareUserFolder } from './user-folder.mjs';
import { executeWorkflow, importCredentials, importWorkflow, startEditor } from './cli.mjs';
import { exists, fmtMs } from './util.mjs';
import { join } from 'node:path';

const line = process.argv[2];
const tarball = process.argv[3];
if (line !== '1' && line !== '2') {
	console.error('usage: node scripts/n8n/smoke.mjs 1|2 [package.tgz]');
	process.exit(2);
}
const t0 = Date.now();
const log = (m) => console.log(`[smoke ${line}] ${m}`);
let passed = 0;
let failed = 0;
function check(name, cond, detail) {
	if (cond) {
		passed++;
		log(`ok   - ${name}`);
	} else {
		failed++;
		log(`FAIL - ${name}${detail ? `: ${detail}` : ''}`);
	}
}

// --- community node check -------------------------------------------------------------------------------
// Runs the package's first node with defaults, required fields filled with placeholders and a credential of the
// type its defaults select, whose URL fields point at a local server. Any request carrying the placeholder secret
// that reaches that server proves n8n loaded the node, ran its code and applied the credential. If the credential
// has no URL field to redirect, only n8n's knowledge of the node type is checked (nothing is sent anywhere else).
function visible(prop, params, nodeVersion) {
	const d = prop.displayOptions;
	if (!d) return true;
	const val = (k) => (k === '@version' ? nodeVersion : params[k]);
	const matches = (k, allowed) => allowed.some((a) => (a && typeof a === 'object' ? true : a === val(k)));
	for (const [k, allowed] of Object.entries(d.show ?? {})) if (!matches(k, allowed)) return false;
	for (const [k, allowed] of Object.entries(d.hide ?? {})) if (matches(k, allowed)) return false;
	return true;
}
function placeholder(prop, url) {
	if (/url/i.test(prop.name) && prop.type === 'string') return url;
	switch (prop.type) {
		case 'string': return prop.default || 'smoke';
		case 'number': return prop.default ?? 1;
		case 'boolean': return prop.default ?? false;
		case 'options': return prop.default ?? prop.options?.[0];
		case 'resourceLocator': return { __rl: true, mode: 'id', value: 'smoke' };
		case 'json': return '{}';
		default: return prop.default ?? {};
	}
}
async function checkCommunityNode(inst, userFolder, pkg, node, triggerNode) {
	const version = Array.isArray(node.version) ? Math.max(...node.version) : (node.version ?? 1);
	const params = {};
	for (const p of node.properties) if (p.default !== undefined) params[p.name] = p.default;
	const credRef = (node.credentials ?? []).find((c) => visible(c, params, version));
	const credType = credRef && pkg.credentials.find((c) => c.name === credRef.name);
	const secret = `smoke-secret-${randomBytes(6).toString('hex')}`;
	const requests = [];
	const srv = createServer((req, res) => {
		requests.push({ method: req.method, url: req.url, headers: req.headers });
		res.setHeader('content-type', 'application/json');
		res.end('{}');
	});
	await new Promise((r) => srv.listen(0, '127.0.0.1', r));
	const url = `http://127.0.0.1:${srv.address().port}`;
	try {
		const credData = {};
		let redirected = false;
		for (const p of credType?.properties ?? []) {
			if (p.type === 'hidden' || p.type === 'notice') continue;
			if (/url/i.test(p.name) && p.type === 'string') redirected = true;
			credData[p.name] = p.required || /url/i.test(p.name) ? placeholder(p, url) : p.default;
			if (p.type === 'string' && p.required && !/url/i.test(p.name)) credData[p.name] = secret;
		}
		const nodeJson = {
			id: 'p1', name: 'Community', type: node.type, typeVersion: version, position: [220, 0], onError: 'continueRegularOutput',
		};
		for (const p of node.properties) {
			if (p.required && visible(p, params, version) && (params[p.name] === '' || params[p.name] === undefined ||
				(p.type === 'resourceLocator' && !params[p.name]?.value))) params[p.name] = placeholder(p, url);
		}
		nodeJson.parameters = params;
		if (credType && redirected) {
			const [cid] = await importCredentials(inst, userFolder, [{ name: 'Smoke community credential', type: credType.name, data: credData }]);
			nodeJson.credentials = { [credType.name]: { id: cid, name: 'Smoke community credential' } };
		}
		const wfId = await importWorkflow(inst, userFolder, {
			name: 'smoke community node',
			nodes: [triggerNode, nodeJson],
			connections: { [triggerNode.name]: { main: [[{ node: 'Community', type: 'main', index: 0 }]] } },
		});
		if (!(credType && redirected)) {
			// No way to keep it local: only check that n8n knows the type (its issues check names parameters,
			// an unknown type would be reported as such).
			const pe = await executeWorkflow(inst, userFolder, wfId);
			const text = JSON.stringify(pe.run ?? {}) + pe.stdout;
			check(`n8n knows ${node.type}`, !/Unrecognized node type|is not known|typeUnknown/i.test(text), text.slice(0, 1500));
			return;
		}
		const pe = await executeWorkflow(inst, userFolder, wfId);
		log(`execute with ${node.type}: ${fmtMs(pe.durationMs)}, status ${pe.status}; requests to the local server: ` +
			requests.map((r) => `${r.method} ${r.url}`).join(', '));
		log(`  ${node.type} output: ${JSON.stringify(pe.items('Community'))?.slice(0, 300)}`);
		check(`n8n executed ${node.type}`, !!pe.runData?.Community, (pe.error?.message ?? '') + pe.stdout.slice(-1500));
		check(`${node.type} called the local server with the imported ${credType.name} credential`,
			requests.some((r) => JSON.stringify(r.headers).includes(secret) || r.url.includes(secret)),
			JSON.stringify(requests).slice(0, 500));
	} finally {
		srv.close();
	}
}

let userFolder;
let server;
let editor;
try {
	let t = Date.now();
	const inst = await ensureN8n(line, { log: (m) => log(m) });
	log(`ensureN8n: n8n ${inst.version} on Node ${inst.nodeVersion} (${fmtMs(Date.now() - t)})`);
	t = Date.now();
	await ensureN8n(line, { log: (m) => log(m) });
	const reuseMs = Date.now() - t;
	check(`a second ensureN8n reuses the install (${fmtMs(reuseMs)})`, reuseMs < 1000);

	userFolder = await makeTempUserFolder(`n8n-smoke-${line}-`);
	const prepared = await prepareUserFolder(inst, userFolder, { packageTarball: tarball, log: (m) => log(m) });
	log(`user folder ${userFolder}`);

	// A local HTTP server that echoes the header the credential adds.
	const token = randomBytes(12).toString('hex');
	server = createServer((req, res) => {
		res.setHeader('content-type', 'application/json');
		res.end(JSON.stringify({ path: req.url, sawToken: req.headers['x-smoke-token'] === token }));
	});
	await new Promise((r) => server.listen(0, '127.0.0.1', r));
	const serverUrl = `http://127.0.0.1:${server.address().port}`;

	t = Date.now();
	const [credId] = await importCredentials(inst, userFolder, [
		{ name: 'Smoke header auth', type: 'httpHeaderAuth', data: { name: 'X-Smoke-Token', value: token } },
	]);
	log(`import:credentials ${fmtMs(Date.now() - t)} (id ${credId})`);

	const workflow = {
		name: 'smoke builtin',
		nodes: [
			{ id: 'n1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'n2', name: 'Set', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [220, 0],
				parameters: { mode: 'raw', jsonOutput: '={ "hello": "world", "sum": {{ 1 + 1 }} }', options: {} },
			},
			{
				id: 'n3', name: 'Code', type: 'n8n-nodes-base.code', typeVersion: 2, position: [440, 0],
				parameters: { jsCode: 'return $input.all().map((i) => ({ json: { ...i.json, viaCode: true } }));' },
			},
			{
				id: 'n4', name: 'HTTP', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [660, 0],
				parameters: {
					url: `=${serverUrl}/echo/{{ $json.hello }}`,
					authentication: 'genericCredentialType',
					genericAuthType: 'httpHeaderAuth',
					options: {},
				},
				credentials: { httpHeaderAuth: { id: credId, name: 'Smoke header auth' } },
			},
		],
		connections: {
			Start: { main: [[{ node: 'Set', type: 'main', index: 0 }]] },
			Set: { main: [[{ node: 'Code', type: 'main', index: 0 }]] },
			Code: { main: [[{ node: 'HTTP', type: 'main', index: 0 }]] },
		},
	};
	t = Date.now();
	const wfId = await importWorkflow(inst, userFolder, workflow);
	log(`import:workflow ${fmtMs(Date.now() - t)} (id ${wfId})`);

	const exec = await executeWorkflow(inst, userFolder, wfId);
	log(`execute ${fmtMs(exec.durationMs)} (status ${exec.status})`);
	check('execute succeeded', exec.ok, exec.error?.message ?? exec.stdout.slice(-2000));
	check('Set produced {hello:"world"}', JSON.stringify(exec.items('Set')) === JSON.stringify([{ hello: 'world', sum: 2 }]), JSON.stringify(exec.items('Set')));
	check('Code node ran', exec.items('Code')?.[0]?.viaCode === true, JSON.stringify(exec.items('Code')));
	check('HTTP Request sent the imported credential', exec.items('HTTP')?.[0]?.sawToken === true, JSON.stringify(exec.items('HTTP')));
	check('HTTP Request evaluated the URL expression', exec.items('HTTP')?.[0]?.path === '/echo/world', JSON.stringify(exec.items('HTTP')));
	check('the credential secret does not appear in n8n output', !(exec.stdout + exec.stderr).includes(token));

	// A failing workflow is reported as failed, with the error.
	const failingId = await importWorkflow(inst, userFolder, {
		name: 'smoke failing',
		nodes: [
			workflow.nodes[0],
			{ id: 'f2', name: 'Boom', type: 'n8n-nodes-base.code', typeVersion: 2, position: [220, 0], parameters: { jsCode: "throw new Error('boom');" } },
		],
		connections: { Start: { main: [[{ node: 'Boom', type: 'main', index: 0 }]] } },
	});
	const bad = await executeWorkflow(inst, userFolder, failingId);
	check('a failing workflow gives ok=false with the error', !bad.ok && /boom/.test(bad.error?.message ?? ''), JSON.stringify(bad.error)?.slice(0, 500));

	let pkgNodeType;
	if (prepared.package) {
		const pkg = prepared.package;
		log(`package ${pkg.name}@${pkg.version}: nodes ${pkg.nodes.map((n) => n.type).join(', ')}; credentials ${pkg.credentials.map((c) => c.name).join(', ')}`);
		check('the package declares at least one node', pkg.nodes.length > 0);
		check('n8n-workflow (peer) was not installed into the package folder', !(await exists(join(pkg.dir, 'node_modules', 'n8n-workflow'))));
		const again = await prepareUserFolder(inst, userFolder, { packageTarball: tarball });
		check('an unchanged tarball is not reinstalled', again.reinstalled === false);
		const node = pkg.nodes[0];
		pkgNodeType = node.type;
		await checkCommunityNode(inst, userFolder, pkg, node, workflow.nodes[0]);
	}

	t = Date.now();
	editor = await startEditor(inst, userFolder, {
		log: (m) => log(m),
		owner: { email: 'smoke@example.com', password: 'Smoke-Passw0rd!', firstName: 'Smoke', lastName: 'Test' },
	});
	log(`editor started in ${fmtMs(Date.now() - t)} at ${editor.url}`);
	const health = await fetch(`${editor.url}/healthz`);
	check('editor /healthz answers 200', health.status === 200);
	const page = await fetch(`${editor.url}/`);
	const html = await page.text();
	check('editor serves its page', page.status === 200 && /<html/i.test(html));
	const nodesRes = await fetch(`${editor.url}/types/nodes.json`, { headers: { cookie: editor.cookie ?? '' } });
	const types = nodesRes.status === 200 ? await nodesRes.json() : [];
	check('editor lists built-in node types', types.some((n) => n.name === 'n8n-nodes-base.set'), `HTTP ${nodesRes.status}`);
	if (pkgNodeType) check(`editor lists ${pkgNodeType}`, types.some((n) => n.name === pkgNodeType));
	await editor.stop();
	editor = undefined;
} catch (e) {
	failed++;
	log(`FAIL - ${e.stack ?? e}`);
} finally {
	if (editor) await editor.stop().catch(() => {});
	server?.close();
	if (userFolder && !process.env.KEEP_USER_FOLDER) await rm(userFolder, { recursive: true, force: true });
}
log(`done in ${fmtMs(Date.now() - t0)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
