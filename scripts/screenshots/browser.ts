import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';

// Headless Chromium from the machine (Debian: `apt-get install -y chromium`), driven by
// playwright-core. Playwright's own browser downloads are never used: the machine reaches only
// the npm registry and Debian's mirrors. Without the background-networking flags Chromium keeps
// calling Google services, which on a closed network only means noise and timeouts.

export const VIEWPORT = { width: 1440, height: 900 } as const;

const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export interface Browser {
	page: Page;
	close(): Promise<void>;
}

export function chromiumPath(): string {
	const executable = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
	if (!existsSync(executable)) {
		throw new Error(
			`No Chromium at ${executable}: install it (Debian/Ubuntu: apt-get install -y chromium) or set CHROMIUM_PATH`,
		);
	}
	return executable;
}

/** Chromium with a fresh profile (removed again by close()), one page at VIEWPORT. */
export async function launchBrowser(): Promise<Browser> {
	const userDataDir = mkdtempSync(path.join(tmpdir(), 'n8n-nodes-seam-chromium-'));
	let context: BrowserContext | undefined;
	try {
		context = await chromium.launchPersistentContext(userDataDir, {
			executablePath: chromiumPath(),
			headless: true,
			args: CHROMIUM_ARGS,
			viewport: VIEWPORT,
			deviceScaleFactor: 1,
			locale: 'en-US',
			timezoneId: 'UTC',
			timeout: 60_000,
			// The script stops everything itself on Ctrl-C (n8n and the sandbox too); Playwright's own
			// handlers would exit the process before that is done.
			handleSIGINT: false,
			handleSIGTERM: false,
			handleSIGHUP: false,
		});
	} catch (error) {
		rmSync(userDataDir, { recursive: true, force: true });
		throw error;
	}
	const opened = context;
	const page = opened.pages()[0] ?? (await opened.newPage());
	// "Leave without saving?" (beforeunload) would otherwise block a navigation.
	page.on('dialog', (dialog) => void dialog.accept().catch(() => undefined));
	page.setDefaultTimeout(30_000);
	page.setDefaultNavigationTimeout(60_000);
	return {
		page,
		async close() {
			// Bounded: a wedged browser must not keep the script (and n8n) alive.
			await Promise.race([
				opened.close().catch(() => undefined),
				new Promise((resolve) => setTimeout(resolve, 15_000)),
			]);
			rmSync(userDataDir, { recursive: true, force: true });
		},
	};
}
