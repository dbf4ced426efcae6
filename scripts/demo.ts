import { randomBytes } from 'node:crypto';

import { startSandbox, type Sandbox } from '../test/sandbox';
import {
	EXAMPLES,
	DELIVERY_SECRET_HEADER,
	deliverySecretCredential,
	EXAMPLE_DELIVERY_SECRET_CREDENTIAL,
	EXAMPLE_MCP_BEARER_CREDENTIAL,
	EXAMPLES_DIR,
	loadExample,
	mcpBearerCredential,
	seamCredential,
	smtpCredential,
} from '../test/harness/examples';
import { type SmtpInbox, startSmtpInbox } from '../test/helpers/smtpInbox';
import { N8nHome } from '../test/harness/n8nHome';
import { DEFAULT_OWNER, N8nInstance } from '../test/harness/n8nInstance';
import { packPackage, REPO_ROOT } from '../test/harness/packPackage';
import { provisionN8n } from '../test/harness/provision';
import { onlyItem, runError } from '../test/harness/runData';
import { nodeLabel, TARGETS } from '../test/harness/targets';
import { ensureBuilt } from './demo/ensureBuilt';
import {
	matchSandboxToWorkspace,
	missingFor,
	remapWorkflow,
	type SeamApiTarget,
} from './demo/remapIds';

// `npm run demo`: this package inside a real n8n, ready to click through.
//   - builds the package if needed, starts the local Seam sandbox on port 4010 (or, with
//     SEAM_API_KEY set, uses Seam itself: SEAM_API_URL, default https://connect.getseam.com),
//   - provisions n8n into the user's cache (2.x on Node 24 by default; `-- --n8n=1` for 1.x),
//   - installs the packed package, the Seam credential and the example workflows,
//   - starts a local mail inbox for the stay templates' guest emails (their SMTP credential
//     points at it) and prints each mail that arrives,
//   - runs the PIN code quick start and prints the PIN,
//   - starts the editor on http://127.0.0.1:5678 (DEMO_PORT) with an owner account,
//   - and stops everything on Ctrl-C.
// The API key is never printed.

const SANDBOX_PORT = 4010;
const log = (message = '') => console.log(message);

function chosenTarget() {
	const flag =
		process.argv.find((arg) => arg.startsWith('--n8n='))?.split('=')[1] ??
		process.env.DEMO_N8N ??
		'2';
	const major = flag.split('.')[0] as keyof typeof TARGETS;
	if (!(major in TARGETS))
		throw new Error(`--n8n=${flag}: choose one of ${Object.keys(TARGETS).join(', ')}`);
	return TARGETS[major];
}

async function startLocalSandbox(port: number): Promise<Sandbox> {
	try {
		return await startSandbox({ port });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
			throw new Error(
				`Port ${port} is in use: stop whatever runs there (another demo or \`npm run sandbox\`?)`,
			);
		}
		throw error;
	}
}

async function main(): Promise<void> {
	const target = chosenTarget();
	const editorPort = Number(process.env.DEMO_PORT ?? 5678);
	const realSeam: SeamApiTarget | undefined = process.env.SEAM_API_KEY
		? {
				url: process.env.SEAM_API_URL || 'https://connect.getseam.com',
				apiKey: process.env.SEAM_API_KEY,
			}
		: undefined;

	let sandbox: Sandbox | undefined;
	let home: N8nHome | undefined;
	let n8n: N8nInstance | undefined;
	let inbox: SmtpInbox | undefined;
	let mailWatch: NodeJS.Timeout | undefined;
	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		log('\nStopping n8n and the sandbox …');
		clearInterval(mailWatch);
		await n8n?.stop().catch(() => undefined);
		await inbox?.close().catch(() => undefined);
		await sandbox?.close().catch(() => undefined);
		home?.remove();
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));

	try {
		await ensureBuilt(REPO_ROOT, log);

		// The sandbox runs in both cases: with real Seam it only lends the names of what the
		// examples refer to (on a random port then).
		sandbox = await startLocalSandbox(realSeam ? 0 : SANDBOX_PORT);
		const seam: SeamApiTarget = realSeam ?? { url: sandbox.url, apiKey: sandbox.apiKey };
		log(
			realSeam
				? `Seam: ${realSeam.url} with the key in SEAM_API_KEY`
				: `Seam: local sandbox on ${sandbox.url}`,
		);

		let workflows = Object.values(EXAMPLES).map(({ file }) => loadExample(file));
		let canRunQuickStart = true;
		if (realSeam) {
			const remapping = await matchSandboxToWorkspace(
				{ url: sandbox.url, apiKey: sandbox.apiKey },
				realSeam,
			);
			workflows = workflows.map((workflow) => remapWorkflow(workflow, remapping));
			for (const workflow of workflows) {
				const missing = missingFor(workflow, remapping);
				if (missing.length)
					log(
						`  "${workflow.name}": your workspace has no ${missing.join(', ')}; pick them in the editor.`,
					);
			}
			const quickStart = workflows.find((workflow) => workflow.id === EXAMPLES.quickStart.id);
			// The quick start creates a user and a PIN: only ever on a sandbox workspace.
			canRunQuickStart =
				realSeam.apiKey.startsWith('seam_test') && missingFor(quickStart, remapping).length === 0;
		}

		const runtime = await provisionN8n(target, (message) => log(message));
		log(`n8n ${target.n8nVersion} on ${nodeLabel(target)}`);
		home = N8nHome.create(runtime);
		log(`Installing the package into n8n: npm pack, then npm install into ${home.nodesFolder} …`);
		await home.installPackage(await packPackage(home.userFolder));
		inbox = await startSmtpInbox();
		// The templates' own secrets (a delivery service's header, an MCP client's token), made
		// fresh for this demo so that every imported workflow can run as it is.
		const deliverySecret = randomBytes(12).toString('hex');
		const mcpToken = randomBytes(12).toString('hex');
		await home.importCredentials([
			seamCredential(seam.url, seam.apiKey),
			smtpCredential(inbox),
			deliverySecretCredential(deliverySecret),
			mcpBearerCredential(mcpToken),
		]);
		if (realSeam) await home.importWorkflows(workflows);
		else await home.importWorkflowFolder(EXAMPLES_DIR);

		if (canRunQuickStart) {
			log('Running "PIN code quick start" …');
			try {
				const run = await home.execute(EXAMPLES.quickStart.id);
				const error = runError(run);
				if (error) throw new Error(error);
				const summary = onlyItem(run, 'Quick start summary');
				log(`  ${String(summary.user)} got PIN ${String(summary.pin_code)}`);
				log(`  valid ${String(summary.access_starts_at)} → ${String(summary.access_ends_at)}`);
				log(`  opens: ${(summary.entrances as string[]).join(', ')}`);
			} catch (error) {
				// Still start the editor, where the workflow can be opened and run step by step.
				log(`  The quick start failed: ${error instanceof Error ? error.message : String(error)}`);
			}
		} else {
			log(
				'Skipping the quick start run (it needs a sandbox workspace key, seam_test…, with a Salto KS "Main Site" and "Main Group").',
			);
		}

		log('Starting the n8n editor …');
		n8n = await N8nInstance.start(home, { port: editorPort });
		await n8n.setupOwner(DEFAULT_OWNER);
		log('');
		log(`n8n is ready: ${n8n.url}`);
		log(`  log in as ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password}`);
		log(`  workflows: ${workflows.map((workflow) => workflow.name).join(' | ')}`);
		log(
			`  the reservation workflow's production URL, once you activate it: ${n8n.webhookUrl(EXAMPLES.reservation.webhookPath)}`,
		);
		log(
			`  the stay workflow's production URL, once you activate it: ${n8n.webhookUrl(EXAMPLES.stayPms.webhookPath)}`,
		);
		// The secrets themselves stay out of the console: they are in the credentials, in the editor.
		log(
			`  the delivery workflow's production URL, once you activate it: ${n8n.webhookUrl(EXAMPLES.unlockOnDelivery.webhookPath)} (POST with the ${DELIVERY_SECRET_HEADER} header: its value is in the credential "${EXAMPLE_DELIVERY_SECRET_CREDENTIAL.name}")`,
		);
		log(
			`  the MCP Server Trigger's bearer token is in the credential "${EXAMPLE_MCP_BEARER_CREDENTIAL.name}"`,
		);
		if (!realSeam)
			log(`  the "Seam API account" credential points at the sandbox on ${sandbox.url}`);
		log(
			`  guest emails go to a local inbox (smtp://${inbox.host}:${inbox.port}); they are printed here`,
		);
		log('Press Ctrl-C to stop.');
		const mails = inbox;
		let printed = 0;
		mailWatch = setInterval(() => {
			for (const mail of mails.mails.slice(printed)) {
				log(`\n✉  To ${mail.to.join(', ')}: ${mail.subject}\n${mail.text.replace(/^/gm, '   ')}`);
			}
			printed = mails.mails.length;
		}, 500);

		const code = await n8n.exited;
		if (stopping) return; // Ctrl-C: stop() is already on it
		log(
			`n8n stopped unexpectedly (exit code ${code}):\n${n8n.output().split('\n').slice(-30).join('\n')}`,
		);
		await stop(1);
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		await stop(1);
	}
}

void main();
