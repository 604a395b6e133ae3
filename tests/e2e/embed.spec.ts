/**
 * Embed mode (`/<lang>/<story>/embed/` and its `builder/`), for every edition the site is built with (tests/editions.ts).
 *
 * Host pages (tests/fixtures/embed-host/) are served from another origin, a small node:http server on 127.0.0.1 and a
 * port of its own, and embed the story with the real pym.js and @newswire/frames parent builds from node_modules. The
 * guard (./fixtures.ts) allows that origin too: nothing else may be requested, and no console error may appear.
 * Chapter ids and titles come from the story files, the interface words from src/lib/ui-text.ts. Most tests run once
 * per edition (desktop project); touch gestures run in the phone project. The mechanics (the host-page protocol with
 * both libraries, wheel, touch, late handshakes, hostile parameters, reduced motion) are the same code for every story:
 * they are tested once, on the edition the old /embed/ address forwards to.
 */
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, FrameLocator, Locator, Page, TestInfo } from '@playwright/test';
import { FRAMES_SCRIPT_PATH, normalizeBaseUrl, PYM_SCRIPT_PATH } from '../../src/lib/site/urls';
import { uiText, type UiText } from '../../src/lib/ui-text';
import { legacyEdition, storiesUnderTest, type EditionUnderTest } from '../editions';
import { expect, expectMapShowsChapter, installMapProbe, ownOrigins, probeLog, QUIET_FRAMES, test as guarded, waitForMapSettled } from './fixtures';

const SCREENS = 'test-results/screens';

/** What the host server serves: path → file (relative to the project root). */
const HOST_FILES: Record<string, string> = {
	'/pym.html': 'tests/fixtures/embed-host/pym.html',
	'/frames.html': 'tests/fixtures/embed-host/frames.html',
	'/host.js': 'tests/fixtures/embed-host/host.js',
	'/host.css': 'tests/fixtures/embed-host/host.css',
	'/vendor/pym.v1.min.js': 'node_modules/pym.js/dist/pym.v1.min.js',
	'/vendor/frames.umd.js': 'node_modules/@newswire/frames/dist/frames.umd.js'
};
const TYPES: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css' };

interface HostServer {
	origin: string;
	port: number;
}

const test = guarded.extend<object, { hostServer: HostServer }>({
	hostServer: [
		async ({}, use) => {
			const server = createServer(async (request, response) => {
				const path = new URL(request.url ?? '/', 'http://host').pathname;
				const file = HOST_FILES[path];
				if (!file) {
					response.writeHead(404).end();
					return;
				}
				response.writeHead(200, { 'content-type': `${TYPES[path.split('.').pop() ?? '']}; charset=utf-8` });
				response.end(await readFile(file));
			});
			await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
			const { port } = server.address() as AddressInfo;
			await use({ origin: `http://127.0.0.1:${port}`, port });
			await new Promise((done) => server.close(done));
		},
		{ scope: 'worker' }
	],
	// The site under test and the host pages' origin.
	allowedOrigins: async ({ baseURL, hostServer }, use) => {
		await use([...ownOrigins(Number(new URL(baseURL!).port)), ...ownOrigins(hostServer.port)]);
	}
});

type Library = 'pym' | 'frames';

interface Host {
	iframe: Locator;
	frame: FrameLocator;
	embed: Locator;
}

async function openHost(
	page: Page,
	hostServer: HostServer,
	baseURL: string,
	library: Library,
	edition: EditionUnderTest,
	options: { query?: string; attach?: 'late' } = {}
): Promise<Host> {
	const src = new URL(`${edition.paths.embed}${options.query ?? ''}`, baseURL).href;
	const search = new URLSearchParams({ src, title: edition.data.title, ...(options.attach ? { attach: options.attach } : {}) });
	await page.goto(`${hostServer.origin}/${library}.html?${search}`);
	const iframe = page.locator('.embed-slot iframe');
	const frame = page.frameLocator('.embed-slot iframe');
	const embed = frame.getByTestId('embed');
	await expect(embed).toBeAttached();
	return { iframe, frame, embed };
}

/** The iframe's height and the embed's content height agree within 2 px (and the content is really there). */
async function expectFitted({ iframe, embed }: Host, when: string) {
	await expect
		.poll(
			async () => {
				const frameHeight = await iframe.evaluate((el) => el.getBoundingClientRect().height);
				const contentHeight = await embed.evaluate((el) => el.getBoundingClientRect().height);
				return contentHeight > 300 && Math.abs(frameHeight - contentHeight) <= 2 ? 'fits' : `iframe ${frameHeight} px, content ${contentHeight} px`;
			},
			{ message: `the iframe fits the embed ${when}` }
		)
		.toBe('fits');
}

/** The embed's prerendered cards (hidden ones included) are the edition's chapters, in order; returns their ids. */
async function chapterIds(scope: Page | FrameLocator, edition: EditionUnderTest): Promise<string[]> {
	const cards = scope.locator('article.chapter');
	await expect(cards.first()).toBeAttached();
	const ids = edition.data.chapters.map((chapter) => chapter.id);
	expect(await cards.evaluateAll((els) => els.map((el) => el.id)), 'one card per chapter, in order').toEqual(ids);
	return ids;
}

/** Exactly one card is visible, it is `id`, it is the step, and its kicker reads "Chapter N of M" (in the edition's words). */
async function expectShowing(scope: Page | FrameLocator, text: UiText, id: string, position?: [number, number]) {
	const card = scope.locator(`article.chapter#${id}`);
	await expect(card).toBeVisible();
	await expect(card).toHaveAttribute('aria-current', 'step');
	await expect(scope.locator('article.chapter:visible')).toHaveCount(1);
	await expect(scope.locator('article.chapter[aria-current="step"]')).toHaveCount(1);
	if (position) {
		const [n, m] = position;
		await expect(card.locator('.kicker')).toContainText(new RegExp(`^\\s*${escapeRe(text.chapter)}\\s+${n}\\s+${escapeRe(text.of)}\\s+${m}\\b`));
	}
}

/**
 * In a host page: the iframe fits the embed after load, a chapter change and opened sources; the host hears each chapter
 * change (with the story's id) and can send the embed to a chapter.
 */
async function expectFitsAndTalks(page: Page, host: Host, edition: EditionUnderTest) {
	const text = uiText(edition.lang);
	const ids = await chapterIds(host.frame, edition);
	const n = ids.length;
	const event = (index: number) => ({ type: 'story-map:chapter', story: edition.story, id: ids[index], index, total: n });
	await expectShowing(host.frame, text, ids[0], [1, n]);
	await expectFitted(host, 'after load');
	await expect.poll(() => hostEvents(page)).toEqual([event(0)]);

	await host.frame.getByRole('button', { name: text.next }).click();
	await expectShowing(host.frame, text, ids[1], [2, n]);
	await expectFitted(host, 'after a chapter change');
	await expect.poll(() => hostEvents(page)).toEqual([event(0), event(1)]);

	await host.frame.locator(`article.chapter#${ids[1]} summary`).click();
	await expect(host.frame.locator(`article.chapter#${ids[1]} ul.sources`)).toBeVisible();
	await expectFitted(host, 'after the reader opened the sources');

	await sendToEmbed(page, { type: 'story-map:go', id: ids[n - 1] });
	await expectShowing(host.frame, text, ids[n - 1], [n, n]);
	await expect.poll(() => hostEvents(page)).toEqual([event(0), event(1), event(n - 1)]);
	await expectFitted(host, 'after the host sent it to a chapter');
}

/** The iframe follows the host page's width (320, 768 and 1200 px) and fits the embed at each. */
async function expectFitsAtWidths(page: Page, host: Host) {
	for (const width of [320, 768, 1200]) {
		await page.setViewportSize({ width, height: 800 });
		await expect.poll(() => host.iframe.evaluate((el) => Math.round(el.getBoundingClientRect().width))).toBeLessThanOrEqual(width);
		await expectFitted(host, `at ${width} px`);
	}
}

const hostEvents = (page: Page) => page.evaluate(() => (window as unknown as { hostEvents: unknown[] }).hostEvents);
const sendToEmbed = (page: Page, message: unknown) =>
	page.evaluate((m) => (window as unknown as { sendToEmbed(m: unknown): void }).sendToEmbed(m), message);

/** The embed's Frame object (for waiting on its map with the probe). */
async function embedFrame(page: Page, edition: EditionUnderTest): Promise<Frame> {
	const find = () => page.frames().find((f) => f !== page.mainFrame() && new URL(f.url()).pathname === edition.paths.embed);
	await expect.poll(() => find() !== undefined).toBe(true);
	return find()!;
}

/**
 * Like waitForMapSettled, for the map inside an iframe (the probe runs in every frame). The frame must be in view:
 * the browser does not render an off-screen frame from another site.
 */
async function waitForFramedMapSettled(frame: Frame) {
	await frame.waitForFunction(
		(quiet) => {
			const map = document.querySelector('[data-testid="map"]');
			const probe = window.__probe;
			if (!probe || map?.getAttribute('data-status') !== 'ready' || !map.getAttribute('data-camera')) return false;
			return probe.lastDraw >= 0 && probe.frame - probe.lastDraw >= quiet;
		},
		QUIET_FRAMES,
		{ polling: 'raf', timeout: 60_000 }
	);
}

async function screenshot(page: Page, testInfo: TestInfo, edition: EditionUnderTest, name: string, locator?: Locator) {
	mkdirSync(SCREENS, { recursive: true });
	const path = `${SCREENS}/${testInfo.project.name}-${edition.story}-${edition.lang}-embed-${name}.png`;
	await (locator ?? page).screenshot({ path, ...(locator ? {} : { fullPage: true }) });
	await testInfo.attach(name, { path, contentType: 'image/png' });
}

const desktopOnly = () => test.skip(test.info().project.name !== 'desktop', 'layout-independent: once is enough');

/** A chapter id the story does not have. */
const unknownId = (ids: string[]) => `${ids.join('-').slice(0, 40)}-not-a-chapter`;

for (const edition of storiesUnderTest()) {
	const text = uiText(edition.lang);
	const { chapters } = edition.data;
	const n = chapters.length;

	test.describe(`embed ${edition.name} in a host page on another origin`, () => {
		test.beforeEach(desktopOnly);

		test('pym: the iframe fits the content after load, a chapter change, opened sources and at 320, 768 and 1200 px; the host hears each change and can send the embed to a chapter', async ({ page, hostServer, baseURL }) => {
			test.skip(n < 3, 'needs three chapters');
			const host = await openHost(page, hostServer, baseURL!, 'pym', edition);
			await expectFitsAndTalks(page, host, edition);
			await expectFitsAtWidths(page, host);
		});

		test('screenshots at 320 and 1200 px', async ({ page, hostServer, baseURL }, testInfo) => {
			await installMapProbe(page);
			for (const width of [320, 1200]) {
				await page.setViewportSize({ width, height: 900 });
				const host = await openHost(page, hostServer, baseURL!, 'pym', edition);
				await expectFitted(host, `at ${width} px`);
				await host.iframe.scrollIntoViewIfNeeded();
				await waitForFramedMapSettled(await embedFrame(page, edition));
				await screenshot(page, testInfo, edition, `host-${width}`, page.locator('.embed-slot'));
				// Nothing in the embed is wider than the frame.
				expect(await host.frame.locator('html').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
			}
		});
	});

	test.describe(`embed ${edition.name}`, () => {
		test.beforeEach(desktopOnly);

		test('?step= shows one chapter as a locator map; ?steps= a sequence, in the order given', async ({ page }) => {
			test.skip(n < 3, 'needs three chapters');
			await installMapProbe(page);
			const ids = chapters.map((chapter) => chapter.id);
			const map = page.getByTestId('map');

			const index = Math.floor(n / 2);
			const one = ids[index];
			await page.goto(`${edition.paths.embed}?step=${one}`);
			await chapterIds(page, edition);
			await expectShowing(page, text, one, [index + 1, n]);
			await expect(page.getByRole('button', { name: new RegExp(`${escapeRe(text.next)}|${escapeRe(text.previous)}`) })).toHaveCount(0);
			await expectMapShowsChapter(page, chapters[index], await waitForMapSettled(page, one));
			await expect(page.getByRole('link', { name: new RegExp(escapeRe(text.openFullStory)) })).toHaveAttribute('href', new RegExp(`${escapeRe(edition.paths.scroll)}#${one}$`));

			// Out of story order.
			const sequence = [ids[n - 1], ids[0], ids[1]];
			await page.goto(`${edition.paths.embed}?steps=${sequence.join(',')}`);
			const previous = page.getByRole('button', { name: text.previous });
			const next = page.getByRole('button', { name: text.next });
			await expectShowing(page, text, sequence[0], [1, 3]);
			await expect(previous).toBeDisabled();
			await expect(map).toHaveAttribute('data-chapter', sequence[0]);
			await next.click();
			await expectShowing(page, text, sequence[1], [2, 3]);
			await expect(map).toHaveAttribute('data-chapter', sequence[1]);
			await next.click();
			await expectShowing(page, text, sequence[2], [3, 3]);
			await expect(next).toBeDisabled();
			await next.click({ force: true });
			await expectShowing(page, text, sequence[2], [3, 3]);
			await expect(map).toHaveAttribute('data-chapter', sequence[2]);
		});

		test('buttons, keys, the live region, exploring and the link to the full story', async ({ page, baseURL }) => {
			test.skip(n < 3, 'needs three chapters');
			await page.goto(edition.paths.embed);
			const ids = await chapterIds(page, edition);
			const next = page.getByRole('button', { name: text.next });
			const previous = page.getByRole('button', { name: text.previous });
			for (const button of [next, previous]) {
				expect(await button.evaluate((el) => el.tagName)).toBe('BUTTON');
				const box = (await button.boundingBox())!;
				expect(Math.min(box.width, box.height), 'a 44 px target').toBeGreaterThanOrEqual(44);
			}
			await expect(previous).toBeDisabled();

			await next.focus();
			await page.keyboard.press('Enter');
			await expectShowing(page, text, ids[1], [2, n]);
			await expect(next).toBeFocused();
			const announcer = page.getByTestId('announcer');
			await expect(announcer).toHaveAttribute('aria-live', 'polite');
			await expect(announcer).toHaveText(text.announce(2, n, chapters[1].title, chapters[1].mapDescription));

			await page.keyboard.press('ArrowRight');
			await expectShowing(page, text, ids[2], [3, n]);
			await page.keyboard.press('ArrowLeft');
			await page.keyboard.press('ArrowLeft');
			await expectShowing(page, text, ids[0], [1, n]);
			await page.keyboard.press('ArrowLeft');
			await expectShowing(page, text, ids[0]);

			const full = page.getByRole('link', { name: new RegExp(escapeRe(text.openFullStory)) });
			await expect(full).toHaveAttribute('target', '_top');
			expect(await full.evaluate((a) => (a as HTMLAnchorElement).href)).toBe(new URL(`${edition.paths.scroll}#${ids[0]}`, baseURL).href);

			// Exploring: keys belong to the map until the reader returns (Escape or the button).
			const map = page.getByTestId('map');
			await expect(map).toHaveAttribute('data-status', 'ready');
			await page.getByRole('button', { name: text.exploreMap }).click();
			await expect(map).toHaveClass(/exploring/);
			await page.keyboard.press('ArrowRight');
			await expectShowing(page, text, ids[0]);
			await page.keyboard.press('Escape');
			await expect(page.getByRole('button', { name: text.exploreMap })).toHaveAttribute('aria-pressed', 'false');
			await expect(map).not.toHaveClass(/exploring/);
			await page.keyboard.press('ArrowRight');
			await expectShowing(page, text, ids[1]);
		});

		test('when the frame changes width, the map frames its chapter as a fresh load at that width does', async ({ page }) => {
			// A chapter the map frames (an explicit view is the same at any width).
			const framed = chapters.find((chapter) => !chapter.map.camera);
			test.skip(!framed, 'needs a chapter framed on its places');
			const url = `${edition.paths.embed}?step=${framed!.id}`;
			await installMapProbe(page);
			await page.setViewportSize({ width: 320, height: 700 });
			await page.goto(url);
			const narrow = await waitForMapSettled(page, framed!.id);

			await page.setViewportSize({ width: 1100, height: 700 });
			await page.goto(url);
			const wide = await waitForMapSettled(page, framed!.id);
			expect(wide, 'a wider map shows the chapter from another view').not.toBe(narrow);
			await page.setViewportSize({ width: 320, height: 700 });
			await expect(page.getByTestId('map')).toHaveAttribute('data-camera', narrow);
		});

		test('the builder previews the choice and writes snippets with absolute URLs', async ({ page, context, baseURL }, testInfo) => {
			test.skip(n < 2, 'needs two chapters');
			await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
			await installMapProbe(page);
			await page.goto(edition.paths.builder);
			const base = normalizeBaseUrl(process.env.PUBLIC_BASE_URL);
			const embedUrl = `${base}${edition.paths.embed}`;
			const preview: Host = {
				iframe: page.getByTestId('preview'),
				frame: page.frameLocator('[data-testid="preview"]'),
				embed: page.frameLocator('[data-testid="preview"]').getByTestId('embed')
			};
			const ids = await chapterIds(preview.frame, edition);
			await expect(page.getByTestId('snippet-iframe')).toHaveValue(new RegExp(`src="${escapeRe(embedUrl)}"`));
			await expectFitted(preview, 'in the builder');

			const pick = ids[n - 1];
			await page.getByLabel('One chapter').check();
			await page.getByTestId('chapter-select').selectOption(pick);
			const single = `${embedUrl}?step=${pick}`;
			await expect(page.getByTestId('embed-url')).toHaveText(single);
			await expectShowing(preview.frame, text, pick);
			await expect(page.getByTestId('snippet-pym')).toHaveValue(
				new RegExp(`^<div data-pym-src="${escapeRe(single)}"[^]*<script src="${escapeRe(base + PYM_SCRIPT_PATH)}"></script>$`)
			);
			await expect(page.getByTestId('snippet-frames')).toHaveValue(new RegExp(`data-frame-src="${escapeRe(single)}"[^]*newswireFrames\\.autoInitFrames\\(\\)`));
			await expect(page.getByTestId('snippet-iframe')).toHaveValue(new RegExp(`^<iframe src="${escapeRe(single)}" title="[^"]+"`));
			await page.getByRole('button', { name: 'Copy pym.js snippet' }).click();
			await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveCount(1);
			expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await page.getByTestId('snippet-pym').inputValue());

			// Ticked last chapter first: the sequence plays in the order the chapters were chosen.
			await page.getByLabel('Several chapters').check();
			await page.getByRole('checkbox', { name: new RegExp(`^${n}\\. `) }).check();
			await page.getByRole('checkbox', { name: /^1\. / }).check();
			await expect(page.getByTestId('embed-url')).toHaveText(`${embedUrl}?steps=${ids[n - 1]},${ids[0]}`);
			await expectShowing(preview.frame, text, ids[n - 1], [1, 2]);
			await page.getByLabel('Phone (320 px)').check();
			await expect.poll(() => preview.iframe.evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(320);
			await expectFitted(preview, 'in the builder at 320 px');
			await preview.iframe.scrollIntoViewIfNeeded();
			await waitForFramedMapSettled(await embedFrame(page, edition));
			await screenshot(page, testInfo, edition, 'builder');
		});
	});

	test.describe(`embed ${edition.name} without JavaScript`, () => {
		test.use({ javaScriptEnabled: false });
		test.beforeEach(desktopOnly);

		test('every chapter reads in order; no buttons that cannot work', async ({ page }) => {
			await page.goto(`${edition.paths.embed}?step=whatever`);
			const cards = page.locator('article.chapter');
			expect(await cards.evaluateAll((els) => els.map((el) => el.id))).toEqual(chapters.map((chapter) => chapter.id));
			let previousBottom = -Infinity;
			for (const [i, chapter] of chapters.entries()) {
				const card = cards.nth(i);
				await expect(card.locator('h2')).toHaveText(chapter.title);
				await expect(card.locator('h2')).toBeVisible();
				await expect(card.locator('.prose')).toBeVisible();
				const box = (await card.boundingBox())!;
				expect(box.y, 'cards follow each other').toBeGreaterThan(previousBottom);
				previousBottom = box.y + box.height;
			}
			await expect(page.getByRole('button')).toHaveCount(0);
			await expect(page.getByTestId('map')).toBeHidden();
		});
	});
}

// ---------------------------------------------------------------------------------------------------------------------
// The embed's mechanics (host-page protocol, hostile parameters, motion), once: the same code serves every story.

const legacy = legacyEdition();
const legacyText = uiText(legacy.lang);

test.describe(`the embed’s mechanics (on ${legacy.name})`, () => {
	test.beforeEach(desktopOnly);

	test('frames: the iframe fits the content after load, a chapter change, opened sources and at 320, 768 and 1200 px; the host hears each change', async ({ page, hostServer, baseURL }) => {
		const host = await openHost(page, hostServer, baseURL!, 'frames', legacy);
		await expectFitsAndTalks(page, host, legacy);
		await expectFitsAtWidths(page, host);
	});

	test('unknown, hostile or huge parameters fall back to the whole story, with no error', async ({ page }) => {
		page.on('dialog', (dialog) => {
			throw new Error(`a dialog opened: ${dialog.message()}`);
		});
		const ids = legacy.data.chapters.map((chapter) => chapter.id);
		const n = ids.length;
		const unknown = unknownId(ids);
		const huge = 'x'.repeat(5000);
		const bad = [
			`step=${unknown}`,
			`step=${encodeURIComponent('<script>alert(1)</script>')}`,
			`steps=${encodeURIComponent(`<img src=x onerror=alert(1)>,${'"><svg onload=alert(1)>'}`)}`,
			`step=${huge}`,
			`steps=${[ids[1], ids[2], huge].join(',')}`,
			`steps=,,,`,
			`step=${encodeURIComponent(ids[1].toUpperCase())}&steps=`
		];
		for (const query of bad) {
			await page.goto(`${legacy.paths.embed}?${query}`);
			await expect(page.getByTestId('embed'), query.slice(0, 60)).toHaveAttribute('data-selection', 'story');
			await expectShowing(page, legacyText, ids[0], [1, n]);
			await expect(page.getByRole('button', { name: legacyText.next })).toBeEnabled();
			const html = await page.locator('body').innerHTML();
			for (const fragment of ['alert(1)', 'onerror', 'xxxxxxxxxx', unknown]) expect(html, query.slice(0, 60)).not.toContain(fragment);
		}
		// A huge list is ignored whole; a short one keeps its known ids.
		await page.goto(`${legacy.paths.embed}?steps=${[ids[n - 1], unknown, ids[1]].join(',')}`);
		await expectShowing(page, legacyText, ids[n - 1], [1, 2]);
	});

	test('with reduced motion the map jumps to the next chapter instead of flying', async ({ page }) => {
		await installMapProbe(page);
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.goto(legacy.paths.embed);
		const ids = await chapterIds(page, legacy);
		await expectMapShowsChapter(page, legacy.data.chapters[0], await waitForMapSettled(page, ids[0]));
		const mark = (await probeLog(page)).length;
		await page.getByRole('button', { name: legacyText.next }).click();
		const target = await waitForMapSettled(page, ids[1]);
		await expectMapShowsChapter(page, legacy.data.chapters[1], target);
		const log = (await probeLog(page)).slice(mark);
		const switched = log.find((e) => e.attr === 'data-chapter' && e.value === ids[1])!;
		const moves = log.filter((e) => e.attr === 'data-camera');
		expect(moves.map((e) => e.value), 'one move, straight to the chapter’s view').toEqual([target]);
		expect(moves[0].frame - switched.frame, 'the camera is there when the chapter shows').toBeLessThanOrEqual(1);
	});

	test('pym: the parent’s width message is answered at once, even while the frame is out of view', async ({ page, hostServer, baseURL }) => {
		const host = await openHost(page, hostServer, baseURL!, 'pym', legacy);
		await expectFitted(host, 'after load');
		// Out of view the browser pauses the embed's rendering (and its ResizeObserver); pym's width message still arrives.
		await expect(host.iframe).not.toBeInViewport();
		await page.setViewportSize({ width: 360, height: 800 });
		await expectFitted(host, 'after the host narrowed, out of view');
		await expect(host.iframe).not.toBeInViewport();
	});

	test('frames: a host that starts watching after the embed has loaded gets its height (frames-init)', async ({ page, hostServer, baseURL }) => {
		const host = await openHost(page, hostServer, baseURL!, 'frames', legacy, { attach: 'late' });
		await expect.poll(() => page.evaluate(() => typeof (window as unknown as { unobserve?: unknown }).unobserve)).toBe('function');
		await expectFitted(host, 'after the late handshake');
	});

	test('a wheel over the embed scrolls the article; once the reader explores, it zooms the map instead', async ({ page, hostServer, baseURL }) => {
		await installMapProbe(page);
		const host = await openHost(page, hostServer, baseURL!, 'pym', legacy);
		await expectFitted(host, 'after load');
		await host.iframe.evaluate((el) => window.scrollTo({ top: el.getBoundingClientRect().top + window.scrollY - 40, behavior: 'instant' }));
		await waitForFramedMapSettled(await embedFrame(page, legacy));
		const scrollY = () => page.evaluate(() => window.scrollY);

		for (const part of ['.map-figure', 'article.chapter[aria-current="step"]']) {
			const box = (await host.frame.locator(part).boundingBox())!;
			const before = await scrollY();
			await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 150));
			await page.mouse.wheel(0, 300);
			await expect.poll(scrollY, { message: `a wheel over ${part} scrolls the host page` }).toBeGreaterThan(before + 100);
		}

		// Exploring is the reader's choice: then the wheel belongs to the map.
		await host.iframe.evaluate((el) => window.scrollTo({ top: el.getBoundingClientRect().top + window.scrollY - 40, behavior: 'instant' }));
		await host.frame.getByRole('button', { name: legacyText.exploreMap }).click();
		await expect(host.frame.getByRole('button', { name: legacyText.backToStory })).toHaveAttribute('aria-pressed', 'true');
		const map = host.frame.getByTestId('map');
		const camera = await map.getAttribute('data-camera');
		const box = (await host.frame.locator('.map-figure').boundingBox())!;
		const before = await scrollY();
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		await page.mouse.wheel(0, -300);
		await expect(map).not.toHaveAttribute('data-camera', camera!);
		expect(await scrollY(), 'while exploring, the host page stays put').toBe(before);
		await host.frame.getByRole('button', { name: legacyText.backToStory }).click();
		await expect(map).toHaveAttribute('data-camera', camera!);
	});

	test('malformed and foreign messages change nothing', async ({ page, hostServer, baseURL }) => {
		const host = await openHost(page, hostServer, baseURL!, 'frames', legacy);
		const ids = await chapterIds(host.frame, legacy);
		await expect.poll(() => hostEvents(page)).toHaveLength(1);
		await expectFitted(host, 'after load');

		const target = ids[2];
		const junk: unknown[] = [
			{ type: 'story-map:go', id: unknownId(ids) },
			{ type: 'story-map:go', id: target, extra: true },
			{ type: 'story-map:go', id: [target] },
			{ type: 'story-map:go', id: `<img src=x onerror="document.title='pwned'">` },
			{ type: 'story-map:go' },
			{ type: 'STORY-MAP:GO', id: target },
			JSON.stringify({ type: 'story-map:go', id: target }),
			`story-map:go ${target}`,
			['story-map:go', target],
			null,
			42,
			`pymxPYMxwrong-idxPYMxwidthxPYMx300`,
			`pymxPYMxwidthxPYMx300`,
			{ sentinel: 'amp', type: 'frames-init', height: 5 },
			{ sentinel: 'amp', type: 'embed-size', height: 5 }
		];
		for (const message of junk) await sendToEmbed(page, message);

		// Another frame on the host page (not the embed's parent window) sends a well-formed command.
		await page.evaluate(
			(id) =>
				new Promise<void>((done) => {
					const foreign = document.createElement('iframe');
					foreign.srcdoc = `<script>parent.document.querySelector('.embed-slot iframe').contentWindow.postMessage({ type: 'story-map:go', id: ${JSON.stringify(id)} }, '*'); parent.postMessage('foreign-sent', '*');<\/script>`;
					window.addEventListener('message', function sent(event) {
						if (event.data === 'foreign-sent') done();
					});
					document.body.append(foreign);
				}),
			target
		);

		// Messages are handled in order: once this one shows, every message above has been handled (and ignored).
		await sendToEmbed(page, { type: 'story-map:go', id: ids[1] });
		await expectShowing(host.frame, legacyText, ids[1], [2, ids.length]);
		await expect.poll(async () => ((await hostEvents(page)) as { id: string }[]).map((e) => e.id)).toEqual([ids[0], ids[1]]);
		expect(await host.frame.locator('html').evaluate(() => document.title)).not.toBe('pwned');
		await expectFitted(host, 'after the messages');
	});

	test('the snippets’ parent scripts are served by the site itself, byte for byte the npm builds', async ({ request }) => {
		for (const [path, file] of [
			[PYM_SCRIPT_PATH, HOST_FILES['/vendor/pym.v1.min.js']],
			[FRAMES_SCRIPT_PATH, HOST_FILES['/vendor/frames.umd.js']]
		]) {
			const served = await request.get(path);
			expect(served.headers()['content-type'], path).toMatch(/javascript/);
			expect(await served.text(), path).toContain((await readFile(file, 'utf8')).trim());
		}
	});
});

test.describe(`touch, in a host page (on ${legacy.name})`, () => {
	test.beforeEach(() => test.skip(test.info().project.name !== 'phone', 'needs touch'));

	test('a vertical swipe over the map scrolls the article; a sideways swipe changes the chapter', async ({ page, hostServer, baseURL }) => {
		const host = await openHost(page, hostServer, baseURL!, 'pym', legacy);
		const ids = await chapterIds(host.frame, legacy);
		await expectFitted(host, 'after load');
		await host.iframe.evaluate((el) => window.scrollTo({ top: el.getBoundingClientRect().top + window.scrollY, behavior: 'instant' }));
		const cdp = await page.context().newCDPSession(page);
		/** A one-finger swipe from (x, y) by (dx, dy), as the touchscreen reports it. */
		const swipe = async (x: number, y: number, dx: number, dy: number) => {
			await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
			for (let step = 1; step <= 8; step++)
				await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + (dx * step) / 8, y: y + (dy * step) / 8 }] });
			await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
		};
		const scrollY = () => page.evaluate(() => window.scrollY);

		const map = (await host.frame.locator('.map-figure').boundingBox())!;
		const before = await scrollY();
		await swipe(map.x + map.width / 2, map.y + map.height * 0.75, 0, -200);
		await expect.poll(scrollY, { message: 'the host page scrolled' }).toBeGreaterThan(before + 100);
		await expectShowing(host.frame, legacyText, ids[0]);

		await host.iframe.evaluate((el) => window.scrollTo({ top: el.getBoundingClientRect().top + window.scrollY, behavior: 'instant' }));
		const card = (await host.frame.locator(`article.chapter#${ids[0]}`).boundingBox())!;
		await swipe(card.x + card.width * 0.8, card.y + 40, -180, 10);
		await expectShowing(host.frame, legacyText, ids[1], [2, ids.length]);
		await swipe(card.x + card.width * 0.2, card.y + 40, 180, -10);
		await expectShowing(host.frame, legacyText, ids[0], [1, ids.length]);
	});
});

function escapeRe(text: string) {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
