/**
 * Every page works under its Content-Security-Policy (svelte.config.js): the index, and for every edition listed on
 * it the scroll page, the embed, the builder (with its preview frame) and the kiosk reach a ready map, and the old
 * addresses forward. A violation anywhere fails the test through the guard (./guards.ts). Editions are read from the
 * index, never hard-coded.
 */
import type { Frame, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { CSP_VIOLATION, watchPolicyViolations } from './guards';

/** Paths of the scroll pages the index links to (`/<lang>/<story>/`). */
async function editionPaths(page: Page): Promise<string[]> {
	await page.goto('/');
	const hrefs = await page.locator('article.edition h2 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
	expect(hrefs.length, 'the index lists editions').toBeGreaterThan(0);
	return hrefs.map((path) => path.replace(/\/?$/, '/'));
}

/** The kiosk's map starts while its service worker fills the offline cache: on a loaded machine that takes a while. */
async function expectMapReady(where: Page | Frame) {
	await expect(where.getByTestId('map')).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
}

async function expectPolicy(page: Page) {
	const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
	expect(policy).toContain("default-src 'self'");
	expect(policy).not.toContain('unsafe-eval');
}

test('the index and every edition’s scroll page run under the policy with the map ready', async ({ page }) => {
	for (const path of await editionPaths(page)) {
		await page.goto(path);
		await expectPolicy(page);
		await expectMapReady(page);
	}
});

test('every edition’s embed and builder preview run under the policy with the map ready', async ({ page }) => {
	for (const path of await editionPaths(page)) {
		await page.goto(`${path}embed/`);
		await expectPolicy(page);
		await expectMapReady(page);
		await page.goto(`${path}embed/builder/`);
		await expectPolicy(page);
		const preview = page.frameLocator('iframe').first();
		await expect(preview.getByTestId('map')).toHaveAttribute('data-status', 'ready');
	}
});

test('every edition’s kiosk runs under the policy with the map ready (its worker started from a blob)', async ({ page }) => {
	for (const path of await editionPaths(page)) {
		await page.goto(`${path}kiosk/`);
		await expectPolicy(page);
		await expectMapReady(page);
	}
});

test('the old embed and kiosk addresses forward under the policy', async ({ page }) => {
	for (const old of ['/embed/', '/kiosk/']) {
		await page.goto(old);
		await expect(page).toHaveURL((url) => url.pathname !== old);
		await expectMapReady(page);
	}
});

test('the policy is in force and a violation is reported', async ({ browser, baseURL }) => {
	// A context of its own, outside the guard, which would fail this test for the violation it provokes on purpose.
	const context = await browser.newContext({ baseURL });
	await watchPolicyViolations(context);
	const page = await context.newPage();
	const lines: string[] = [];
	page.on('console', (message) => {
		if (message.text().startsWith(CSP_VIOLATION)) lines.push(message.text());
	});
	await page.goto('/');
	// page.evaluate itself is not subject to the policy; the markup it inserts is.
	await page.evaluate(() => {
		const probe = document.createElement('div');
		probe.innerHTML = '<p id="csp-probe" style="color: rgb(255, 0, 0)">probe</p>';
		document.body.append(probe);
	});
	await expect.poll(() => lines.join('\n')).toMatch(/style-src-attr refused inline/);
	await expect(page.locator('#csp-probe')).not.toHaveCSS('color', 'rgb(255, 0, 0)');
	await context.close();
});

test.describe('the guard', () => {
	test.beforeEach(() => test.skip(test.info().project.name !== 'desktop', 'once is enough'));

	test('fails a test whose page violates its policy', async ({ page }) => {
		test.fail(true, 'the guard must fail this test');
		await page.goto('/');
		await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p style="color: red">inline style</p>'));
		await expect.poll(() => page.evaluate(() => window.__cspViolations?.length ?? 0)).toBeGreaterThan(0);
	});

	test('fails a test whose map cannot load a layer’s data', async ({ page }) => {
		test.fail(true, 'the guard must fail this test');
		// A basemap file the server cannot find: MapLibre fires an error event and draws the rest.
		await page.route(/\.geojson$/, (route) => route.fulfill({ status: 404, body: '' }));
		const [path] = await editionPaths(page);
		const mapError = page.waitForEvent('console', (message) => message.text().startsWith('map:'));
		await page.goto(path);
		await mapError;
	});
});
