import { statSync } from 'node:fs';

import type { Locator, Page } from 'playwright-core';

import type { Owner } from '../../test/harness/n8nInstance';

// What a person does in n8n's editor, for the screenshots: sign in, open a workflow, run it,
// open a node's panel, search the nodes panel. Selectors are n8n's own data-test-ids (those
// its Playwright tests use), so they survive restyling. Every wait is bounded.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A CSS attribute value, quoted. */
const quoted = (value: string) => JSON.stringify(value);

async function isVisible(locator: Locator): Promise<boolean> {
	return await locator.isVisible().catch(() => false);
}

export async function signIn(page: Page, baseUrl: string, owner: Owner): Promise<void> {
	await page.goto(`${baseUrl}/signin`);
	await page.getByLabel(/email/i).first().fill(owner.email);
	await page
		.getByLabel(/password/i)
		.first()
		.fill(owner.password);
	await page.getByRole('button', { name: /sign in/i }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
}

/**
 * Closes whatever n8n shows on first use over the page: modals (survey, "what's new", …),
 * banners at the top (trial, version, non-production warnings) and toasts. Most are already
 * off through the environment the harness gives n8n (no personalization survey, no version
 * notifications, no telemetry); this catches the rest.
 */
export async function dismissPopups(page: Page): Promise<void> {
	for (let round = 0; round < 5; round++) {
		let closed = false;
		const modals = page.locator('.el-overlay:visible .el-dialog:visible');
		if ((await modals.count()) > 0) {
			const closeButton = modals.first().locator('.el-dialog__headerbtn, [aria-label="Close"]');
			if (await isVisible(closeButton.first())) await closeButton.first().click();
			else await page.keyboard.press('Escape');
			closed = true;
		}
		const bannerClose = page.locator(
			'[data-test-id="banner-stack"] [data-test-id^="banner-"][data-test-id$="-close"]',
		);
		if (await isVisible(bannerClose.first())) {
			await bannerClose.first().click();
			closed = true;
		}
		if (!closed) break;
		await sleep(500);
	}
	await closeToasts(page);
}

/** Closes n8n's notifications ("Node executed successfully", …). */
export async function closeToasts(page: Page): Promise<void> {
	const buttons = page.locator('.el-notification .el-notification__closeBtn');
	for (let i = 0; i < 10 && (await isVisible(buttons.first())); i++) {
		await buttons
			.first()
			.click({ timeout: 2_000 })
			.catch(() => undefined);
		await sleep(300);
	}
}

/**
 * Rests the mouse where it highlights nothing: the empty canvas above the nodes, or the title
 * bar of an open node panel.
 */
export async function parkMouse(page: Page, where: 'canvas' | 'panel'): Promise<void> {
	if (where === 'canvas') await page.mouse.move(760, 130);
	else await page.mouse.move(420, 44);
}

/**
 * Fits the workflow into the canvas. Where the lowest node's name would then sit under the
 * *Execute workflow* button, moves the workflow up into the free space above it, or, without
 * enough of it, zooms out one step.
 */
export async function fitCanvas(page: Page): Promise<void> {
	await page.locator('[data-test-id="zoom-to-fit"]').click();
	await sleep(800);
	const button = await page.locator('[data-test-id="execute-workflow-button"]').boundingBox();
	const canvas = await page.locator('.vue-flow').first().boundingBox();
	if (!button || !canvas) return;
	for (let step = 0; step < 6; step++) {
		const boxes = await page
			.locator('.vue-flow__node')
			.evaluateAll((nodes) =>
				nodes.map((node) => [
					node.getBoundingClientRect().top,
					node.getBoundingClientRect().bottom,
				]),
			);
		// A node's name is drawn below its box: about two lines.
		const overlap = Math.max(...boxes.map(([, bottom]) => bottom)) + 40 - (button.y - 8);
		if (overlap <= 0) return;
		// Keep clear of the Editor / Executions tabs at the top of the canvas.
		const room = Math.min(...boxes.map(([top]) => top)) - (canvas.y + 30);
		if (room >= overlap) {
			await page.mouse.move(canvas.x + 30, canvas.y + canvas.height / 2);
			await page.mouse.wheel(0, Math.ceil(overlap));
		} else {
			await page.locator('[data-test-id="zoom-out-button"]').click();
		}
		await sleep(800);
	}
	// Panning shows the minimap for a moment.
	await page
		.locator('[data-test-id="canvas-minimap"]')
		.waitFor({ state: 'hidden', timeout: 10_000 })
		.catch(() => undefined);
	await sleep(500);
}

export async function openWorkflow(page: Page, baseUrl: string, workflowId: string): Promise<void> {
	await page.goto(`${baseUrl}/workflow/${encodeURIComponent(workflowId)}`);
	await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60_000 });
	await dismissPopups(page);
}

export function canvasNode(page: Page, name: string): Locator {
	return page.locator(`[data-test-id="canvas-node"][data-node-name=${quoted(name)}]`);
}

/**
 * Clicks *Execute workflow* and waits until every given node shows its green check; fails on
 * the first node that shows an error.
 */
export async function executeWorkflow(
	page: Page,
	nodeNames: string[],
	timeoutMs = 120_000,
): Promise<void> {
	await startExecution(page);
	await waitForNodes(page, nodeNames, timeoutMs);
}

/**
 * Clicks *Execute workflow*. A workflow that starts with a webhook or a trigger then waits for
 * its event ("Waiting for trigger event"): its test URL is live until the event arrives.
 */
export async function startExecution(page: Page): Promise<void> {
	await page.locator('[data-test-id="execute-workflow-button"]').click();
}

/**
 * Waits until every given node shows its green check on the canvas; fails on the first node
 * that shows an error.
 */
export async function waitForNodes(
	page: Page,
	nodeNames: string[],
	timeoutMs = 120_000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		let done = 0;
		for (const name of nodeNames) {
			const node = canvasNode(page, name);
			if ((await node.locator('[data-test-id="canvas-node-status-error"]').count()) > 0)
				throw new Error(`The workflow failed in the editor, at "${name}"`);
			if ((await node.locator('[data-test-id="canvas-node-status-success"]').count()) > 0) done++;
		}
		if (done === nodeNames.length) return;
		if (Date.now() > deadline)
			throw new Error(
				`The workflow did not finish within ${timeoutMs / 1000} s (${done}/${nodeNames.length} nodes green)`,
			);
		await sleep(500);
	}
}

/** Opens a node's panel (NDV) by double-clicking it on the canvas. */
export async function openNodePanel(page: Page, name: string): Promise<Locator> {
	// The form's dropdowns load their option names from Seam as the panel opens.
	const optionsLoaded = page
		.waitForResponse((response) => response.url().includes('/rest/dynamic-node-parameters/'), {
			timeout: 15_000,
		})
		.catch(() => undefined);
	await canvasNode(page, name).dblclick();
	const panel = page.locator('[data-test-id="ndv"]');
	await panel.waitFor({ timeout: 30_000 });
	await panel.locator('[data-test-id="node-parameters"]').waitFor({ timeout: 30_000 });
	await optionsLoaded;
	await sleep(1_000);
	return panel;
}

export async function closeNodePanel(page: Page): Promise<void> {
	await page.locator('[data-test-id="ndv-close-button"]').click();
	await page.locator('[data-test-id="ndv"]').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** The output pane of an open panel in Schema, Table or JSON view. */
export async function showOutputAs(
	page: Page,
	view: 'schema' | 'table' | 'json',
): Promise<Locator> {
	const output = page.locator('[data-test-id="ndv"] [data-test-id="output-panel"]');
	await output.locator(`[data-test-id="radio-button-${view}"]`).click();
	await sleep(800);
	return output;
}

/**
 * Folds fields of the Schema view (objects and lists, by name, first match each), so that the
 * fields after them come into view.
 */
export async function collapseSchemaFields(output: Locator, names: string[]): Promise<void> {
	for (const name of names) {
		const item = output
			.locator('[data-test-id="run-data-schema-item"]')
			.filter({ has: output.page().locator(`[data-name=${quoted(name)}]`) })
			.first();
		const toggle = item.locator('.toggle').first();
		if (!(await isVisible(toggle))) throw new Error(`The output shows no field "${name}" to fold`);
		await toggle.click();
		await sleep(300);
	}
}

/** Opens the nodes panel from the canvas "+" and types a search. */
export async function searchNodes(page: Page, query: string): Promise<Locator> {
	await page.locator('[data-test-id="node-creator-plus-button"]').click();
	const creator = page.locator('[data-test-id="node-creator"]');
	await creator.waitFor({ timeout: 15_000 });
	await creator
		.locator('[data-test-id="node-creator-search-bar"] input, input')
		.first()
		.fill(query);
	await creator.locator('[data-test-id="node-creator-node-item"]').first().waitFor();
	await sleep(800);
	return creator;
}

/** A clean PNG of the viewport: no toasts, mouse parked. Returns its size in bytes. */
export async function screenshot(page: Page, file: string): Promise<number> {
	await closeToasts(page);
	await sleep(300);
	await page.screenshot({ path: file, type: 'png', animations: 'disabled', caret: 'hide' });
	return statSync(file).size;
}
