/**
 * The scroll page `/<lang>/<story>/` against docs/page-contract.md, for every edition the site is built with
 * (tests/editions.ts), in both projects (desktop 1280×800, phone 390×844); every chapter is walked once, on the desktop,
 * and keys and reduced-motion jumps are tested on the desktop (the latter once: the same code for every story).
 * Chapter ids, titles and map states come from the story files, the interface words from src/lib/ui-text.ts.
 * Every test also runs under the guard in ./fixtures.ts: no request to another host, no console or page error.
 */
import { mkdirSync } from 'node:fs';
import type { Locator, Page, TestInfo } from '@playwright/test';
import type { Chapter } from '../../src/lib/story/types';
import { uiText } from '../../src/lib/ui-text';
import { legacyEdition, storiesUnderTest, type EditionUnderTest } from '../editions';
import { expect, expectMapShowsChapter, installMapProbe, probeLog, test, waitForMapSettled, withoutWebGL } from './fixtures';

const SCREENS = 'test-results/screens';

interface ChapterLink {
	id: string;
	title: string;
}

/** The chapters, in order, from the page's Chapters nav (`nav[aria-label="<Chapters in the edition's language>"] a`). */
async function readChapters(page: Page, edition: EditionUnderTest): Promise<ChapterLink[]> {
	const links = chaptersNav(page, edition).locator('a');
	await expect(links.first()).toBeAttached();
	const chapters = await links.evaluateAll((anchors) =>
		anchors.map((a) => ({ href: a.getAttribute('href') ?? '', title: (a.textContent ?? '').trim() }))
	);
	for (const { href } of chapters) expect(href, 'a Chapters link points at a chapter id').toMatch(/^#[a-z0-9]+(-[a-z0-9]+)*$/);
	expect(chapters.length, 'the story has chapters').toBeGreaterThan(0);
	return chapters.map(({ href, title }) => ({ id: href.slice(1), title }));
}

const chaptersNav = (page: Page, edition: EditionUnderTest) => page.locator(`nav[aria-label="${uiText(edition.lang).chapters}"]`);
const article = (page: Page, id: string) => page.locator(`article.chapter#${id}`);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Exactly this chapter is the step: aria-current, the URL hash and the map agree. */
async function expectActive(page: Page, id: string) {
	await expect(article(page, id)).toHaveAttribute('aria-current', 'step');
	await expect(page.locator('article.chapter[aria-current="step"]')).toHaveCount(1);
	await expect(page).toHaveURL(new RegExp(`#${escape(id)}$`));
	const map = page.getByTestId('map');
	if ((await map.getAttribute('data-status')) === 'ready') await expect(map).toHaveAttribute('data-chapter', id);
}

/** Where the step turns (page's trigger line): a reader has the card's top a little above it. */
function readingOffset(testInfo: TestInfo) {
	return testInfo.project.name === 'phone' ? 0.5 : 0.25;
}

/** Scrolls (instantly) so the chapter's card top sits at `offset` × the viewport height, as a reader would hold it. */
async function scrollToChapter(page: Page, id: string, offset: number) {
	await article(page, id).evaluate((el, offset) => {
		const top = el.getBoundingClientRect().top + window.scrollY - window.innerHeight * offset;
		window.scrollTo({ top, behavior: 'instant' });
	}, offset);
}

/** Since the page loaded, no chapter but `id` was ever the step, and the map showed no other chapter. */
async function expectOpenedDirectly(page: Page, id: string) {
	const log = await probeLog(page);
	const steps = log.filter((e) => e.attr === 'step').map((e) => e.value);
	expect.soft(steps, `chapters that became the step on the way to #${id}`).toEqual([id]);
	const shown = log.filter((e) => e.attr === 'data-chapter' && e.value !== null).map((e) => e.value);
	expect.soft(shown.filter((c) => c !== id), `chapters the map showed on the way to #${id}`).toEqual([]);
}

async function screenshot(page: Page, testInfo: TestInfo, edition: EditionUnderTest, name: string) {
	mkdirSync(SCREENS, { recursive: true });
	const path = `${SCREENS}/${testInfo.project.name}-${edition.story}-${edition.lang}-${name}.png`;
	await page.screenshot({ path });
	await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function expectNoHorizontalScroll(page: Page) {
	const { scrollWidth, clientWidth } = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		clientWidth: document.documentElement.clientWidth
	}));
	expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(clientWidth);
}

/** The focused element shows a focus indicator (an outline of some width, or a box-shadow ring). */
async function expectFocusVisible(locator: Locator) {
	await expect(locator).toBeFocused();
	const style = await locator.evaluate((el) => {
		const s = getComputedStyle(el);
		return { outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth), boxShadow: s.boxShadow };
	});
	const outlined = style.outlineStyle !== 'none' && style.outlineWidth >= 1;
	expect(outlined || style.boxShadow !== 'none', `focus indicator: ${JSON.stringify(style)}`).toBe(true);
}

/** What a chapter asks the camera for: two chapters that ask the same are shown from the same view. */
const viewOf = (chapter: Chapter) => JSON.stringify([chapter.map.camera, chapter.map.bounds, chapter.map.maxZoom]);

for (const edition of storiesUnderTest()) {
	const text = uiText(edition.lang);
	const { chapters } = edition.data;
	const announcement = (index: number) => text.announce(index + 1, chapters.length, chapters[index].title, chapters[index].mapDescription);

	test.describe(`scroll page ${edition.name}`, () => {
		test.beforeEach(async ({ page }) => {
			await installMapProbe(page);
		});

		test('scrolling through every chapter moves the step, the hash, the map and the announcement', async ({ page }, testInfo) => {
			test.skip(testInfo.project.name !== 'desktop', 'every chapter is walked once, on the desktop; the phone reads them in the tests below');
			await page.goto(edition.paths.scroll);
			expect(await readChapters(page, edition), 'the Chapters nav lists the story’s chapters').toEqual(chapters.map(({ id, title }) => ({ id, title })));
			expect(await page.locator('article.chapter').evaluateAll((els) => els.map((el) => el.id))).toEqual(chapters.map((c) => c.id));

			const map = page.getByTestId('map');
			await expect(map).toHaveAttribute('data-status', 'ready');
			const historyLength = await page.evaluate(() => history.length);
			const announcer = page.getByTestId('announcer');
			await expect(announcer).toHaveAttribute('aria-live', 'polite');

			let previous: { chapter: Chapter; camera: string } | undefined;
			for (const [index, chapter] of chapters.entries()) {
				await scrollToChapter(page, chapter.id, readingOffset(testInfo));
				await expectActive(page, chapter.id);
				await expect(article(page, chapter.id).locator('h2')).toHaveText(chapter.title);
				const camera = await waitForMapSettled(page, chapter.id);
				await expectMapShowsChapter(page, chapter, camera);
				if (previous && viewOf(previous.chapter) !== viewOf(chapter))
					expect(camera, `${chapter.id} frames something else than the chapter before, from another view`).not.toBe(previous.camera);
				previous = { chapter, camera };
				await expect(announcer).toHaveText(announcement(index));
				await expectNoHorizontalScroll(page);
				await screenshot(page, testInfo, edition, chapter.id);
			}
			expect(await page.evaluate(() => history.length), 'scrolling adds no history entries').toBe(historyLength);

			// Back up: the previous chapter is the step again.
			const back = chapters.at(-2);
			if (back) {
				await scrollToChapter(page, back.id, readingOffset(testInfo));
				await expectActive(page, back.id);
			}
		});

		test('a deep link opens its chapter, and returning to it by scrolling shows the same view', async ({ page, guard }, testInfo) => {
			const target = chapters[Math.floor(chapters.length / 2)];
			const other = chapters.find((chapter) => viewOf(chapter) !== viewOf(target));
			test.skip(!other, 'needs two chapters with different views');

			await page.goto(`${edition.paths.scroll}#${target.id}`);
			await expectActive(page, target.id);
			await expect(article(page, target.id)).toBeInViewport();
			const camera = await waitForMapSettled(page, target.id);
			await expectOpenedDirectly(page, target.id);
			await expectMapShowsChapter(page, target, camera);
			await expect(page.getByTestId('announcer')).toHaveText(announcement(chapters.indexOf(target)));
			// The page loaded its own files (the guard fails any test that asks another host), the edition's map data among them.
			const paths = guard.requests.map((r) => new URL(r.url).pathname);
			expect(paths, 'the map fetched the edition’s own data').toContain(edition.paths.mapData);
			// …and its story's basemap, and nothing of another edition or story.
			const own = [edition.paths.mapData, `/data/${edition.story}/basemap.json`];
			expect(paths.filter((path) => path.startsWith('/data/') && !own.includes(path)), 'other editions’ data').toEqual([]);

			await scrollToChapter(page, other!.id, readingOffset(testInfo));
			await expectActive(page, other!.id);
			expect(await waitForMapSettled(page, other!.id)).not.toBe(camera);
			await scrollToChapter(page, target.id, readingOffset(testInfo));
			await expectActive(page, target.id);
			const returned = await waitForMapSettled(page, target.id);
			if (testInfo.project.name === 'phone') {
				// On a phone the map frames the half of the screen the card leaves free: the top half when the card rises
				// from below (scrolling), the bottom half when a deep link puts it at the top. Same zoom and longitude;
				// the centre moves north or south by that half.
				const [lon, , zoom] = returned.split(',');
				const [deepLon, , deepZoom] = camera.split(',');
				expect([lon, zoom], 'the same chapter, the same zoom and longitude').toEqual([deepLon, deepZoom]);
			} else expect(returned, 'the same chapter, the same view').toBe(camera);
		});

		test('a deep link opens its chapter with reduced motion too', async ({ page }) => {
			await page.emulateMedia({ reducedMotion: 'reduce' });
			const target = chapters.at(-1)!;
			await page.goto(`${edition.paths.scroll}#${target.id}`);
			await expectActive(page, target.id);
			await expect(article(page, target.id)).toBeInViewport();
			await expectMapShowsChapter(page, target, await waitForMapSettled(page, target.id));
			await expectOpenedDirectly(page, target.id);
			await expect(page.getByTestId('announcer')).toHaveText(announcement(chapters.length - 1));
		});

		test('keys move between chapters; the Chapters links work; focus is visible', async ({ page }, testInfo) => {
			test.skip(testInfo.project.name !== 'desktop', 'a keyboard reader’s: on the desktop');
			test.skip(chapters.length < 3, 'needs three chapters');
			// Jumps, not flights or smooth scrolls: the keys are what this tests, and the software renderer's flights would
			// only slow each step on a loaded machine.
			await page.emulateMedia({ reducedMotion: 'reduce' });
			await page.goto(edition.paths.scroll);
			await expect(page.getByTestId('map')).toHaveAttribute('data-status', 'ready');
			const at = (i: number) => chapters[Math.min(chapters.length - 1, i)].id;

			// From the top, each "next" key moves one chapter on; each "previous" key one back.
			const moves: [string, number][] = [
				['j', 0],
				['j', 1],
				['ArrowDown', 2],
				['PageDown', 3],
				['k', 2],
				['ArrowUp', 1],
				['PageUp', 0]
			];
			for (const [key, index] of moves) {
				await page.keyboard.press(key);
				await expectActive(page, at(index));
				await expect(article(page, at(index))).toBeInViewport();
				await expectFocusVisible(article(page, at(index)));
			}
			await expect(page.getByTestId('map')).toHaveAttribute('data-chapter', at(0));

			// The Chapters nav, reached with Tab from the title: its links take the reader to their chapter.
			await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
			await page.locator('h1').click();
			const last = chapters[chapters.length - 1];
			const link = chaptersNav(page, edition).locator(`a[href="#${last.id}"]`);
			for (let i = 0; i < 40; i++) {
				await page.keyboard.press('Tab');
				if (await link.evaluate((el) => el === document.activeElement)) break;
			}
			await expectFocusVisible(link);
			await page.keyboard.press('Enter');
			await expectActive(page, last.id);
			await expect(article(page, last.id)).toBeInViewport();
			await expect(page.getByTestId('map')).toHaveAttribute('data-chapter', last.id);
		});

		test('the phone and desktop layouts: a full-screen map under the story, nothing scrolls sideways', async ({ page }, testInfo) => {
			await page.goto(edition.paths.scroll);
			const viewport = page.viewportSize()!;
			const map = page.getByTestId('map');
			await expect(map).toHaveAttribute('data-status', 'ready');
			await expectNoHorizontalScroll(page);

			const chapter = chapters[Math.min(1, chapters.length - 1)];
			// Scroll like a reader, a tenth of a screen at a time, until the chapter becomes the step.
			const top = await article(page, chapter.id).evaluate(async (el) => {
				const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
				for (let i = 0; i < 400 && el.getAttribute('aria-current') !== 'step'; i++) {
					window.scrollBy({ top: window.innerHeight / 10, behavior: 'instant' });
					await frame();
					await frame();
				}
				return el.getBoundingClientRect().top;
			});
			await expectActive(page, chapter.id);
			await expectMapShowsChapter(page, chapter, await waitForMapSettled(page, chapter.id));
			await screenshot(page, testInfo, edition, `layout-${chapter.id}`);

			const box = (await map.boundingBox())!;
			expect(box.x).toBeCloseTo(0, 0);
			expect(box.y).toBeCloseTo(0, 0);
			expect(box.width).toBeCloseTo(viewport.width, 0);
			expect(Math.abs(box.height - viewport.height), 'the map fills the screen').toBeLessThanOrEqual(1);
			const card = (await article(page, chapter.id).boundingBox())!;
			await expectNoHorizontalScroll(page);

			// Where the story's boxes (header, cards, sources) are on screen; the rest of the screen shows the map.
			const boxes = await page
				.locator('header, footer, section, article.chapter')
				.evaluateAll((els) =>
					els
						.map((el) => el.getBoundingClientRect())
						.filter((r) => r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight)
						.map((r) => ({ top: r.top, bottom: r.bottom, left: r.left, right: r.right }))
				);
			expect(boxes.length, 'something of the story is on screen').toBeGreaterThan(0);
			if (testInfo.project.name === 'phone') {
				expect(top, 'the card rises from the lower part of the screen').toBeGreaterThanOrEqual(viewport.height * 0.4);
				expect(top).toBeLessThan(viewport.height - 40);
				expect(card.width, 'the card spans the phone').toBeGreaterThanOrEqual(viewport.width * 0.85);
				const band = viewport.height * 0.35;
				expect(boxes.filter((b) => b.top < band), 'the upper part of the screen shows the map, uncovered').toEqual([]);
			} else {
				expect(card.x + card.width, 'the narration is a column on the left').toBeLessThan(viewport.width * 0.6);
				const band = viewport.width * 0.6;
				expect(boxes.filter((b) => b.right > band), 'the right of the screen shows the map, uncovered').toEqual([]);
			}
		});

		test('without WebGL the map area says so and the story still reads', async ({ page }, testInfo) => {
			await withoutWebGL(page);
			await page.goto(edition.paths.scroll);
			const map = page.getByTestId('map');
			await expect(map).toHaveAttribute('data-status', 'unsupported');
			const fallback = page.getByTestId('map-fallback');
			await expect(fallback).toBeVisible();
			await expect(fallback).toContainText(text.noWebGL);
			await expect(map.locator('canvas')).toHaveCount(0);
			await screenshot(page, testInfo, edition, 'no-webgl');
			// The note can be read: nothing (a button, a card) lies over any part of it.
			const covered = await fallback.evaluate((note) => {
				const r = note.getBoundingClientRect();
				const hidden: string[] = [];
				for (let i = 0; i < 5; i++)
					for (let j = 0; j < 3; j++) {
						const x = r.left + 4 + ((r.width - 8) * i) / 4;
						const y = r.top + 4 + ((r.height - 8) * j) / 2;
						const hit = document.elementFromPoint(x, y);
						if (hit && !note.contains(hit))
							hidden.push(`(${Math.round(x)},${Math.round(y)}) under ${hit.tagName.toLowerCase()} “${(hit.textContent ?? '').trim().slice(0, 30)}”`);
					}
				return hidden;
			});
			expect(covered, 'points of the map-fallback note covered by something else').toEqual([]);

			for (const [index, chapter] of chapters.entries()) {
				await scrollToChapter(page, chapter.id, readingOffset(testInfo));
				await expectActive(page, chapter.id);
				await expect(article(page, chapter.id).locator('h2')).toBeVisible();
				await expect(article(page, chapter.id).locator('.prose')).toBeVisible();
				await expect(page.getByTestId('announcer')).toHaveText(announcement(index));
			}
			await expect(fallback).toBeInViewport();
		});
	});

	test.describe(`scroll page ${edition.name} without JavaScript`, () => {
		test.use({ javaScriptEnabled: false });

		test('every chapter title, its text and its sources are on the page, in order', async ({ page }, testInfo) => {
			await page.goto(edition.paths.scroll);
			await screenshot(page, testInfo, edition, 'no-js');
			expect(await readChapters(page, edition)).toEqual(chapters.map(({ id, title }) => ({ id, title })));
			await expect(page.locator('h1')).toHaveText(edition.data.title);
			await expect(page.locator('h1')).toBeVisible();
			const articles = page.locator('article.chapter');
			expect(await articles.evaluateAll((els) => els.map((el) => el.id))).toEqual(chapters.map((c) => c.id));
			let previousBottom = -Infinity;
			for (const chapter of chapters) {
				const el = article(page, chapter.id);
				await el.scrollIntoViewIfNeeded();
				await expect(el.locator('h2')).toHaveText(chapter.title);
				await expect(el.locator('h2')).toBeVisible();
				const prose = el.locator('.prose');
				await expect(prose).toBeVisible();
				await expect(prose).toContainText(chapter.text.split(/\n\s*\n/)[0]);
				await expect(el.locator('ul.sources a[href^="http"]').first()).toBeVisible();
				const box = (await el.boundingBox())!;
				const top = box.y + (await page.evaluate(() => window.scrollY));
				expect(top, `${chapter.id} comes after the chapter before`).toBeGreaterThan(previousBottom);
				previousBottom = top + box.height;
			}
			await expect(page.locator('section#sources')).toBeAttached();
			await expect(page.locator('section#sources ul.sources a[href^="http"]').first()).toBeAttached();
		});
	});
}

// The camera's motion, once: the same code for every story (each edition's walk above flies between all its chapters).
const legacy = legacyEdition();

test.describe(`scroll page ${legacy.name}: motion`, () => {
	test.beforeEach(async ({ page }) => {
		test.skip(test.info().project.name !== 'desktop', 'the camera’s moves do not depend on the layout: once is enough');
		await installMapProbe(page);
	});

	test('with reduced motion a distant chapter is jumped to, not flown to', async ({ page }) => {
		const { chapters } = legacy.data;
		// The last chapter seen from another view than the first: the page opens on the first.
		const far = chapters.findLast((chapter) => viewOf(chapter) !== viewOf(chapters[0]));
		test.skip(chapters.length < 3 || !far, 'needs a distant chapter');
		const nav = (id: string) => chaptersNav(page, legacy).locator(`a[href="#${id}"]`);

		// With motion (control): the map flies. When the map switches to the far chapter its camera is still elsewhere
		// and arrives frames later.
		await page.goto(legacy.paths.scroll);
		await waitForMapSettled(page);
		let mark = (await probeLog(page)).length;
		await nav(far!.id).click();
		await expectActive(page, far!.id);
		const target = await waitForMapSettled(page, far!.id);
		let log = (await probeLog(page)).slice(mark);
		let switched = log.filter((e) => e.attr === 'data-chapter' && e.value === far!.id).at(-1)!;
		const arrived = log.filter((e) => e.attr === 'data-camera').at(-1);
		expect(arrived?.value).toBe(target);
		expect(arrived!.frame, 'with motion the camera arrives after the switch').toBeGreaterThan(switched.frame + 2);

		// Reduced motion: load the page again (at the top, before the chapters), then go to the far chapter.
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.goto('about:blank');
		await page.goto(legacy.paths.scroll);
		const start = await waitForMapSettled(page);
		expect(await page.getByTestId('map').getAttribute('data-chapter')).not.toBe(far!.id);
		expect(start).not.toBe(target);
		mark = (await probeLog(page)).length;
		await nav(far!.id).click();
		await expectActive(page, far!.id);
		expect(await waitForMapSettled(page, far!.id)).toBe(target);
		log = (await probeLog(page)).slice(mark);

		const chapterChanges = log.filter((e) => e.attr === 'data-chapter').map((e) => e.value);
		expect(chapterChanges, 'no chapter on the way is shown').toEqual([far!.id]);
		const cameraChanges = log.filter((e) => e.attr === 'data-camera');
		expect(cameraChanges.map((e) => e.value), 'one move, straight to the target').toEqual([target]);
		switched = log.find((e) => e.attr === 'data-chapter')!;
		expect(cameraChanges[0].frame - switched.frame, 'the camera is at the target when the map switches').toBeLessThanOrEqual(1);
	});
});

test.describe('the guard', () => {
	test.beforeEach(() => test.skip(test.info().project.name !== 'desktop', 'once is enough'));

	test('fails a test whose page asks another host for something', async ({ page }) => {
		test.fail(true, 'the guard must fail this test');
		await page.goto('about:blank');
		// `.invalid` never resolves, and the guard aborts the request before it leaves the browser anyway.
		await page.evaluate(() => fetch('http://tiles.example.invalid/0/0/0.pbf').catch(() => undefined));
	});

	test('fails a test whose page logs an error', async ({ page }) => {
		test.fail(true, 'the guard must fail this test');
		await page.goto('about:blank');
		await page.evaluate(() => console.error('something broke'));
	});
});
