/**
 * A picture of every chapter (src/lib/static-map), where the live map is not: lined up with the live map, in place of
 * it without WebGL (scroll page, embed, kiosk), in every chapter without JavaScript and in print, and as every page's
 * share card. For every edition the site is built with (tests/editions.ts); ids, titles and places come from the
 * story files. The live map is read through `window.__storyMap`, which the page sets only with `?test-hooks`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { uiText } from '../../src/lib/ui-text';
import { BLEED, REFERENCE_VIEW } from '../../src/lib/static-map/reference';
import { chapterSharePath, normalizeBaseUrl, publicUrl, storyCardPath } from '../../src/lib/site/urls';
import { BUILD, editionsUnderTest, type EditionUnderTest } from '../editions';
import { expect, installMapProbe, test, waitForMapSettled, withoutWebGL } from './fixtures';

const editions = editionsUnderTest();
const base = normalizeBaseUrl(process.env.PUBLIC_BASE_URL);
/** The static map's whole drawn area (frame and bleed), in its own pixels. */
const DRAWN = { width: REFERENCE_VIEW.width + 2 * BLEED.x, height: REFERENCE_VIEW.height + 2 * BLEED.y };
/** How far apart, in CSS pixels, a place may be on the live map and on its picture. */
const TOLERANCE_PX = 2;


/** The picture in the map area, once it shows `id` and has loaded. */
async function expectMapPicture(page: Page, id: string) {
	const picture = page.getByTestId('map').locator('img[data-picture]');
	await expect(picture).toHaveAttribute('data-picture', id);
	await expect(picture).toBeVisible();
	await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { message: `${id}: picture loaded` }).toBe(true);
}

const article = (page: Page, id: string) => page.locator(`article.chapter#${id}`);

/** Scrolls (instantly) so the chapter's card top sits where a reader holds it (above the page's trigger line). */
async function scrollToChapter(page: Page, id: string, testInfo: TestInfo) {
	const offset = testInfo.project.name === 'phone' ? 0.5 : 0.25;
	await article(page, id).evaluate((el, offset) => {
		window.scrollTo({ top: el.getBoundingClientRect().top + window.scrollY - window.innerHeight * offset, behavior: 'instant' });
	}, offset);
	await expect(article(page, id)).toHaveAttribute('aria-current', 'step');
}

/**
 * A chapter whose map emphasises at least one pinned (not approximate) place, to compare live map and picture: one
 * framed across the 180° meridian when the story has one (the picture then draws the world on both sides).
 */
function chapterWithPins(edition: EditionUnderTest) {
	const pinned = new Set(edition.data.places.features.filter((p) => p.properties.precision !== 'approximate').map((p) => p.properties.id));
	const candidates = edition.data.chapters.filter((c) => c.map.places.some((id) => pinned.has(id)));
	const chapter = candidates.find((c) => c.map.bounds && c.map.bounds[0] > c.map.bounds[2]) ?? candidates[0];
	if (!chapter) throw new Error(`${edition.name}: no chapter emphasises a pinned place`);
	return { chapter, places: edition.data.places.features.filter((p) => pinned.has(p.properties.id) && chapter.map.places.includes(p.properties.id)) };
}

for (const edition of editions) {
	const text = uiText(edition.lang, edition.data.ui);
	const chapters = edition.data.chapters;

	test.describe(`pictures of ${edition.name}`, () => {
		test('the picture puts each emphasised place where the live map draws it', async ({ page }) => {
			const { chapter, places } = chapterWithPins(edition);
			await installMapProbe(page);
			await page.goto(`${edition.paths.scroll}?test-hooks#${chapter.id}`);
			await waitForMapSettled(page, chapter.id);
			// The live map has taken over: the picture that stood in for it is gone.
			await expect(page.getByTestId('map').locator('img[data-picture]')).toHaveCount(0);
			const map = page.getByTestId('map');
			const box = (await map.boundingBox())!;
			// Where the live map draws each place, on each copy of the world (a view may cross the 180° meridian).
			const live = await page.evaluate(
				(places) => {
					const map = (window as unknown as { __storyMap: { project(at: number[]): { x: number; y: number } } }).__storyMap;
					return places.flatMap(({ id, at: [lng, lat] }) => [-360, 0, 360].map((turn) => ({ id, point: map.project([lng + turn, lat]) })));
				},
				places.map((p) => ({ id: p.properties.id, at: p.geometry.coordinates as number[] }))
			);

			// The map loses its GPU context for good: the picture of the same chapter takes its place, in the same box.
			await page.evaluate(() => {
				const canvas = (window as unknown as { __storyMap: { getCanvas(): HTMLCanvasElement } }).__storyMap.getCanvas();
				(canvas.getContext('webgl2') as WebGL2RenderingContext).getExtension('WEBGL_lose_context')!.loseContext();
			});
			await expect(map).toHaveAttribute('data-status', 'error');
			await expectMapPicture(page, chapter.id);
			const picture = map.locator('img[data-picture].placed');
			const { src, rect } = await picture.evaluate((img: HTMLImageElement) => ({ src: img.src.split('#')[0], rect: img.getBoundingClientRect().toJSON() as DOMRect }));
			const svg = await (await page.request.get(src)).text();

			let compared = 0;
			for (const { id, point } of live) {
				const [x, y] = [box.x + point.x, box.y + point.y];
				if (x < box.x || x > box.x + box.width || y < box.y || y > box.y + box.height) continue;
				// Each copy of the world the picture draws has its circle; the nearest is this one.
				const drawn = [...svg.matchAll(new RegExp(`<circle data-id="${id}" cx="([-\\d.]+)" cy="([-\\d.]+)"`, 'g'))].map((m) => [
					rect.x + ((Number(m[1]) + BLEED.x) * rect.width) / DRAWN.width,
					rect.y + ((Number(m[2]) + BLEED.y) * rect.height) / DRAWN.height
				]);
				expect(drawn.length, `${chapter.id}: ${id} is on the picture`).toBeGreaterThan(0);
				const distance = Math.min(...drawn.map(([px, py]) => Math.hypot(px - x, py - y)));
				expect(distance, `${chapter.id}: ${id} live at (${x.toFixed(1)}, ${y.toFixed(1)}), on the picture ${distance.toFixed(2)} px away`).toBeLessThanOrEqual(TOLERANCE_PX);
				compared++;
			}
			expect(compared, `${chapter.id}: places compared`).toBeGreaterThan(0);
		});

		test('without WebGL the map area shows each chapter’s picture, with a note', async ({ page }, testInfo) => {
			await withoutWebGL(page);
			await page.goto(edition.paths.scroll);
			await expect(page.getByTestId('map')).toHaveAttribute('data-status', 'unsupported');
			await expect(page.getByTestId('map-fallback')).toContainText(text.noWebGL);
			await expect(page.getByTestId('map-fallback')).toContainText(text.mapPictureShown);
			await expectMapPicture(page, 'overview');
			for (const chapter of chapters) {
				await scrollToChapter(page, chapter.id, testInfo);
				await expectMapPicture(page, chapter.id);
				await expect(page.getByTestId('map').locator('img[data-picture]')).toHaveAttribute('alt', chapter.mapDescription);
			}
		});

		test.describe('without JavaScript', () => {
			test.use({ javaScriptEnabled: false });

			test('every chapter has its picture, in order', async ({ page }) => {
				await page.goto(edition.paths.scroll);
				await expect(page.locator('.map-frame')).toBeHidden();
				const pictures = page.locator('article.chapter img[data-picture]');
				await expect(pictures).toHaveCount(chapters.length);
				expect(await pictures.evaluateAll((imgs) => imgs.map((img) => img.closest('article')!.id + ' ' + img.getAttribute('data-picture')))).toEqual(
					chapters.map((c) => `${c.id} ${c.id}`)
				);
				for (const chapter of chapters) {
					const picture = article(page, chapter.id).locator('img[data-picture]');
					await picture.scrollIntoViewIfNeeded();
					await expect(picture).toBeVisible();
					await expect(picture).toHaveAttribute('alt', chapter.mapDescription);
					await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
				}
				// Sharing needs script: its buttons are not offered.
				await expect(page.getByRole('button', { name: text.shareChapter })).toHaveCount(0);
			});
		});

		test('printed, the page is its title, each chapter with its picture, and the sources with their addresses', async ({ page }, testInfo) => {
			test.skip(testInfo.project.name !== 'desktop', 'one print layout is enough');
			await page.goto(edition.paths.scroll);
			await expect(page.getByTestId('map')).toHaveAttribute('data-status', /ready|loading/);
			await page.emulateMedia({ media: 'print' });
			const shown = await page.evaluate(() =>
				[...document.querySelectorAll('img')].filter((img) => img.checkVisibility()).map((img) => `${img.closest('article')?.id} ${img.dataset.picture}`)
			);
			expect(shown, 'one picture per chapter, in its chapter, in order; no other image').toEqual(chapters.map((c) => `${c.id} ${c.id}`));
			await expect(page.locator('h1')).toBeVisible();
			await expect(page.locator('.map-frame')).toBeHidden();
			expect(await page.evaluate(() => [...document.querySelectorAll('button')].filter((b) => b.checkVisibility()).length), 'buttons printed').toBe(0);
			const source = page.locator('#sources a[href^="http"]').first();
			const href = await source.getAttribute('href');
			expect(await source.evaluate((a) => getComputedStyle(a, '::after').content), 'a source prints its address').toContain(href);
			const pdf = await page.pdf({ format: 'A4', printBackground: true });
			await testInfo.attach('print.pdf', { body: pdf, contentType: 'application/pdf' });
			expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
			expect((pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length, 'PDF pages').toBeGreaterThan(1);
		});

		test('the embed and the kiosk show the step’s picture without WebGL', async ({ page }, testInfo) => {
			test.skip(testInfo.project.name !== 'desktop' || edition.fixture, 'the same Stage in every edition');
			await withoutWebGL(page);
			await page.goto(edition.paths.embed);
			await expectMapPicture(page, chapters[0].id);
			await page.getByRole('button', { name: text.next }).click();
			await expectMapPicture(page, chapters[1].id);

			await page.goto(edition.paths.kiosk);
			await expectMapPicture(page, 'overview');
			await page.keyboard.press('ArrowRight');
			await expect(page.getByTestId('kiosk')).toHaveAttribute('data-chapter', chapters[0].id);
			await expectMapPicture(page, chapters[0].id);
		});

		test('“Share this chapter” hands over its share address: to the share sheet where there is one, else copied', async ({ page, context }, testInfo) => {
			test.skip(testInfo.project.name !== 'desktop' || edition.fixture, 'the same button in every edition');
			await context.grantPermissions(['clipboard-read', 'clipboard-write']);
			// A device with a share sheet (a stand-in that records what it is given).
			await page.addInitScript(() => {
				const shared: ShareData[] = [];
				Object.assign(window, { __shared: shared });
				Object.defineProperty(navigator, 'share', { configurable: true, value: async (data: ShareData) => void shared.push(data) });
				Object.defineProperty(navigator, 'canShare', { configurable: true, value: () => true });
			});
			await page.goto(edition.paths.scroll);
			const [first] = chapters;
			const url = publicUrl(base, chapterSharePath(edition, first.id));
			const button = article(page, first.id).getByRole('button', { name: text.shareChapter });
			await button.click();
			await expect.poll(() => page.evaluate(() => (window as unknown as { __shared: ShareData[] }).__shared)).toEqual([{ title: `${first.title} · ${edition.data.title}`, url }]);
			// A device without one: the address is copied, and the page says so.
			await page.evaluate(() => Object.defineProperty(navigator, 'share', { configurable: true, value: undefined }));
			await button.click();
			await expect(article(page, first.id).getByRole('status')).toHaveText(text.shareLinkCopied);
			expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
		});

		test('a chapter’s share address opens the chapter', async ({ page }, testInfo) => {
			test.skip(testInfo.project.name !== 'desktop', 'the same forwarding on every screen');
			// Its card tags: tests/build/share-cards.test.ts.
			const [first] = chapters;
			await page.goto(chapterSharePath(edition, first.id));
			await expect(page).toHaveURL(new RegExp(`${edition.paths.scroll}#${first.id}$`));
			await expect(article(page, first.id)).toHaveAttribute('aria-current', 'step');
		});
	});
}

/** A meta tag's content (`property` or `name`) in an HTML text. */
function meta(html: string, key: string): string | undefined {
	const tag = new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html);
	return tag?.[1].replace(/&amp;/g, '&');
}

/** Every page of the build (its index.html files), as site paths. */
function builtPages(): string[] {
	const walk = (dir: string): string[] =>
		readdirSync(dir).flatMap((name) => {
			const path = join(dir, name);
			return statSync(path).isDirectory() ? walk(path) : name === 'index.html' ? [path] : [];
		});
	return walk(BUILD).map((file) => `/${relative(BUILD, file).split(sep).slice(0, -1).join('/')}/`.replace(/^\/\/$/, '/'));
}

test('every page that describes itself to other sites has a share card that exists in the build', async ({ request }, testInfo) => {
	test.skip(testInfo.project.name !== 'desktop', 'tags do not depend on the screen');
	const withCard: string[] = [];
	for (const path of builtPages()) {
		const html = await (await request.get(path)).text();
		if (!meta(html, 'og:title')) continue;
		const image = meta(html, 'og:image');
		expect(image, `${path}: og:image`).toMatch(new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`));
		expect(meta(html, 'twitter:image'), `${path}: twitter:image`).toBe(image);
		expect(existsSync(join(BUILD, image!.slice(base.length))), `${path}: ${image} is in build/`).toBe(true);
		withCard.push(path);
	}
	// Every edition's own pages are among them, each with the story's card.
	for (const edition of editions) {
		for (const path of [edition.paths.scroll, edition.paths.embed, edition.paths.builder]) {
			expect(withCard, `${path} has Open Graph tags`).toContain(path);
			expect(meta(await (await request.get(path)).text(), 'og:image'), path).toBe(publicUrl(base, storyCardPath(edition)));
		}
	}
});
