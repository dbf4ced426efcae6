import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { startSandbox, type Sandbox } from '../test/sandbox';
import { EXAMPLES, EXAMPLES_DIR, loadExample, seamCredential } from '../test/harness/examples';
import { N8nHome } from '../test/harness/n8nHome';
import { DEFAULT_OWNER, N8nInstance } from '../test/harness/n8nInstance';
import { packPackage, REPO_ROOT } from '../test/harness/packPackage';
import { provisionN8n } from '../test/harness/provision';
import { N8N_2, nodeLabel } from '../test/harness/targets';
import { ensureBuilt } from './demo/ensureBuilt';
import { accessGrantNode } from './screenshots/accessGrantWorkflow';
import { chromiumPath, launchBrowser, VIEWPORT, type Browser } from './screenshots/browser';
import {
	closeNodePanel,
	collapseSchemaFields,
	dismissPopups,
	executeWorkflow,
	fitCanvas,
	openNodePanel,
	openWorkflow,
	parkMouse,
	screenshot,
	searchNodes,
	showOutputAs,
	signIn,
	startExecution,
	waitForNodes,
} from './screenshots/editor';
import {
	bookSlowStay,
	callTestWebhook,
	pmsBooking,
	SLOW_ISSUE_MS,
	startStayServices,
	waitForSeamWebhook,
	type StayServices,
} from './screenshots/stays';

// `npm run screenshots`: docs/*.png, the Seam node in the real n8n editor.
//   - builds the package if needed, starts the local Seam sandbox (random port), provisions
//     n8n 2.41.1 (the e2e harness's cache), installs the packed package, the Seam credential and
//     the example workflows, starts `n8n start` (random port) and creates the owner,
//   - for the stay templates also a local SMTP server with the SMTP credential they name, and a
//     second sandbox whose locks take 25 s to get a PIN, for the slow-lock template,
//   - signs in with headless Chromium (/usr/bin/chromium, or CHROMIUM_PATH) at 1440x900 and
//     takes the shots below,
//   - stops Chromium, n8n and the sandbox at the end, on an error, on Ctrl-C and after a
//     time limit.

const DOCS = path.join(REPO_ROOT, 'docs');
/** Everything after provisioning (which has its own limits, and is a no-op once cached). */
const TIME_LIMIT_MS = 10 * 60_000;
const MAX_PNG_BYTES = 400 * 1024;

const started = Date.now();
const log = (message: string) =>
	console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);

let sandbox: Sandbox | undefined;
let stays: StayServices | undefined;
let home: N8nHome | undefined;
let n8n: N8nInstance | undefined;
let browser: Browser | undefined;
let cleaning: Promise<void> | undefined;

function cleanUp(): Promise<void> {
	cleaning ??= (async () => {
		await browser?.close().catch(() => undefined);
		await n8n?.stop().catch(() => undefined);
		await sandbox?.close().catch(() => undefined);
		await stays?.close();
		home?.remove();
	})();
	return cleaning;
}

async function stopAndExit(code: number, reason?: string): Promise<never> {
	if (reason) console.error(reason);
	await cleanUp();
	process.exit(code);
}

process.on('SIGINT', () => void stopAndExit(130, 'Interrupted: stopping n8n and the sandbox …'));
process.on('SIGTERM', () => void stopAndExit(143, 'Terminated: stopping n8n and the sandbox …'));

const saved: Array<{ file: string; bytes: number }> = [];

async function save(browserPage: Browser['page'], name: string, what: string): Promise<void> {
	const file = path.join(DOCS, name);
	const bytes = await screenshot(browserPage, file);
	saved.push({ file, bytes });
	log(`${path.relative(REPO_ROOT, file)} (${Math.round(bytes / 1024)} KB): ${what}`);
	if (bytes > MAX_PNG_BYTES)
		log(`  warning: larger than ${MAX_PNG_BYTES / 1024} KB; the README embeds it as it is`);
}

async function main(): Promise<void> {
	chromiumPath(); // fail before minutes of set-up if there is no browser
	await ensureBuilt(REPO_ROOT, log);
	mkdirSync(DOCS, { recursive: true });

	sandbox = await startSandbox({ port: 0 });
	log(`Seam sandbox on ${sandbox.url}`);
	stays = await startStayServices();
	log(
		`SMTP server on ${stays.inbox.host}:${stays.inbox.port}; slow-lock Seam sandbox on ${stays.slowSandbox.url}`,
	);

	const runtime = await provisionN8n(N8N_2, log);
	log(`n8n ${N8N_2.n8nVersion} on ${nodeLabel(N8N_2)}`);

	const limit = setTimeout(
		() => void stopAndExit(1, `Gave up after ${TIME_LIMIT_MS / 60_000} min.`),
		TIME_LIMIT_MS,
	);
	limit.unref();

	home = N8nHome.create(runtime);
	log('Installing the packed package, the credential and the examples …');
	await home.installPackage(await packPackage(home.userFolder));
	await home.importCredentials([seamCredential(sandbox.url, sandbox.apiKey), ...stays.credentials]);
	await home.importWorkflowFolder(EXAMPLES_DIR);
	// The slow-lock template again, over the example (same id): its Seam nodes on the slow sandbox.
	await home.importWorkflows(stays.workflows);
	const grant = accessGrantNode(EXAMPLES_DIR, sandbox.seed.devices.frontDoorLock);
	if (grant.generated) await home.importWorkflows([grant.generated]);
	log(
		grant.generated
			? `No example has an Access Grant → Create node: imported "${String(grant.generated.name)}"`
			: `Access Grant → Create: "${grant.nodeName}" in workflow ${grant.workflowId}`,
	);

	n8n = await N8nInstance.start(home);
	await n8n.setupOwner(DEFAULT_OWNER);
	log(`n8n editor on ${n8n.url}`);

	browser = await launchBrowser();
	const { page } = browser;
	await signIn(page, n8n.url, DEFAULT_OWNER);
	await dismissPopups(page);
	log(`Signed in as ${DEFAULT_OWNER.email} (Chromium ${VIEWPORT.width}x${VIEWPORT.height})`);

	// 1. The quick start on the canvas, run once from the editor: every node gets its green check.
	const quickStart = loadExample(EXAMPLES.quickStart.file);
	const steps = quickStart.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote');
	const pinNode = quickStart.nodes.find(
		(node) =>
			node.type === 'n8n-nodes-seam.seam' &&
			(node.parameters as Record<string, unknown>)?.resource === 'acsCredential' &&
			(node.parameters as Record<string, unknown>)?.operation === 'create',
	);
	if (!pinNode) throw new Error(`${EXAMPLES.quickStart.file} has no "Create PIN code" step`);

	await openWorkflow(page, n8n.url, EXAMPLES.quickStart.id);
	log(`Executing "${String(quickStart.name)}" in the editor …`);
	await executeWorkflow(
		page,
		steps.map((node) => node.name),
	);
	await parkMouse(page, 'canvas');
	await save(page, 'editor-canvas.png', 'the quick start on the canvas after one run');

	// 2. Its "Create PIN code" step: the form, and the output with the PIN in `code`.
	await openNodePanel(page, pinNode.name);
	const output = await showOutputAs(page, 'schema');
	const outputText = await output.innerText();
	const pin = /\bcode\s+(\d{4,9})\b/.exec(outputText)?.[1];
	if (!pin) throw new Error(`The output of "${pinNode.name}" shows no PIN code:\n${outputText}`);
	await parkMouse(page, 'panel');
	await save(
		page,
		'node-panel-credential-pin.png',
		`"${pinNode.name}" with its output, PIN ${pin}`,
	);
	await closeNodePanel(page);

	// 3. The nodes panel, searched for "Seam". (n8n lists the Seam node and the Seam Trigger as
	// one entry, "Seam", and the Seam Polling Trigger as "Seam Polling".)
	await page.mouse.click(760, 130); // unselect the node whose panel was open
	await searchNodes(page, 'Seam');
	await save(page, 'node-search.png', 'the nodes panel searched for "Seam"');
	await page.keyboard.press('Escape');

	// 4. A Seam node with Access Grant → Create.
	await openWorkflow(page, n8n.url, grant.workflowId);
	await openNodePanel(page, grant.nodeName);
	await parkMouse(page, 'panel');
	await save(page, 'node-panel-access-grant.png', `"${grant.nodeName}": Access Grant → Create`);

	// 5. The PMS template after a booking: posted to its test URL while the editor listens, it
	// takes the path of a new booking (grant, PIN ready, email the guest, answer the PMS).
	const pms = loadExample(EXAMPLES.stayPms.file);
	const grantNode = pms.nodes.find(
		(node) =>
			node.type === 'n8n-nodes-seam.seam' &&
			(node.parameters as Record<string, unknown>)?.operation === 'grantAccess',
	);
	if (!grantNode) throw new Error(`${EXAMPLES.stayPms.file} has no Grant or Update Access step`);
	const pmsPath = pathTo(pms, ['n8n-nodes-base.emailSend', 'n8n-nodes-base.respondToWebhook']);
	await openWorkflow(page, n8n.url, EXAMPLES.stayPms.id);
	await startExecution(page);
	const booking = pmsBooking();
	log(
		`Posting booking ${String(booking.reservation_id)} to /webhook-test/${EXAMPLES.stayPms.webhookPath} …`,
	);
	const answer = await callTestWebhook(n8n.url, EXAMPLES.stayPms.webhookPath, booking);
	if (
		answer.status !== 200 ||
		answer.body.status !== 'created' ||
		answer.body.pin_status !== 'issued'
	)
		throw new Error(`The PMS template answered ${answer.status}: ${JSON.stringify(answer.body)}`);
	await waitForNodes(page, pmsPath);
	const [mail] = await stays.inbox.waitForMails(1, 30_000);
	if (!mail.text.includes(String(answer.body.pin)))
		throw new Error(`The guest's email does not carry the PIN ${String(answer.body.pin)}`);
	log(
		`The PMS answered ${JSON.stringify(answer.body)}; "${mail.subject}" went to ${mail.to.join(', ')}`,
	);
	// Fitted, so that the lowest nodes' names do not sit under the Execute button.
	await fitCanvas(page);
	await parkMouse(page, 'canvas');
	await save(page, 'stay-pms-canvas.png', 'the PMS template after a new booking, PIN emailed');

	// 6. Its Stay → Grant or Update Access step: the form, and the output with status, PIN, message.
	await openNodePanel(page, grantNode.name);
	const stayOutput = await showOutputAs(page, 'schema');
	// The PINs with their doors, the guest and the door list folded: status, PIN and message in view.
	await collapseSchemaFields(stayOutput, ['pins', 'guest', 'doors']);
	// And in the input, the request's headers: the booking's fields in view.
	await collapseSchemaFields(page.locator('[data-test-id="ndv-input-panel"]'), ['headers']);
	const stayText = await stayOutput.innerText();
	for (const expected of ['created', String(answer.body.pin), 'message'])
		if (!stayText.includes(expected))
			throw new Error(`The output of "${grantNode.name}" does not show ${expected}:\n${stayText}`);
	await parkMouse(page, 'panel');
	await save(
		page,
		'stay-grant-panel.png',
		`"${grantNode.name}" with its output, PIN ${String(answer.body.pin)}`,
	);
	await closeNodePanel(page);

	// 7. The slow-lock template after Seam reported a late PIN: listening in the editor, a stay
	// booked on the slow sandbox; 25 s later its event arrives and the guest is emailed.
	const slow = loadExample(EXAMPLES.stayPinIssued.file);
	const slowPath = pathTo(slow, ['n8n-nodes-base.emailSend']);
	await openWorkflow(page, n8n.url, EXAMPLES.stayPinIssued.id);
	await startExecution(page);
	await waitForSeamWebhook(stays.slowSandbox);
	const late = await bookSlowStay(stays.slowSandbox);
	log(
		`Booked ${late.reservationId} on the slow-lock sandbox; its PIN comes in ${SLOW_ISSUE_MS / 1000} s …`,
	);
	await waitForNodes(page, slowPath, SLOW_ISSUE_MS + 90_000);
	const lateMails = stays.inbox.mailsTo(late.email);
	if (lateMails.length !== 1)
		throw new Error(`Expected one PIN email to ${late.email}, got ${lateMails.length}`);
	log(`"${lateMails[0].subject}" went to ${late.email}`);
	await fitCanvas(page);
	await parkMouse(page, 'canvas');
	await save(page, 'stay-pin-email-canvas.png', 'the slow-lock template after a late PIN, emailed');

	clearTimeout(limit);
}

/**
 * The nodes a run goes through to reach the last of the given types, from the trigger: the
 * first output of each node (an If's true branch, a Switch's first rule, a Seam node's success).
 */
function pathTo(workflow: ReturnType<typeof loadExample>, endTypes: string[]): string[] {
	const connections = workflow.connections as Record<
		string,
		{ main?: Array<Array<{ node: string }> | null> }
	>;
	const targets = new Set(
		Object.values(connections).flatMap((c) =>
			(c.main ?? [])
				.flat()
				.filter(Boolean)
				.map((t) => t!.node),
		),
	);
	const trigger = workflow.nodes.find(
		(node) => node.type !== 'n8n-nodes-base.stickyNote' && !targets.has(node.name),
	);
	if (!trigger) throw new Error(`"${String(workflow.name)}" has no trigger`);
	const path = [trigger.name];
	for (;;) {
		const next = connections[path[path.length - 1]]?.main?.[0]?.[0]?.node;
		if (!next || path.includes(next)) break;
		path.push(next);
	}
	const last = workflow.nodes.find((node) => node.name === path[path.length - 1]);
	if (!last || !endTypes.includes(last.type))
		throw new Error(
			`"${String(workflow.name)}": the first path ends at "${path[path.length - 1]}"`,
		);
	return path;
}

main()
	.then(async () => {
		await cleanUp();
		log(`Done: ${saved.length} screenshots in ${path.relative(process.cwd(), DOCS) || '.'}/`);
		process.exit(0);
	})
	.catch(async (error: unknown) => {
		// Interrupted: the browser closing under a pending step is no failure worth reporting.
		if (cleaning) return;
		await stopAndExit(
			1,
			`Screenshots failed: ${error instanceof Error ? error.message : String(error)}`,
		);
	});
