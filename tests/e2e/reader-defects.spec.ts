/**
 * Defects readers hit (issue 13), each checked the way a reader would meet it. Story-agnostic: the edition comes from
 * the story folders, and chapters are read off the page.
 */
import type { Page } from '@playwright/test';
import { legacyEdition } from '../editions';
import { expect, test } from './fixtures';

// The defects are in the engine's pages, the same for every story: checked once, on the first site's story.
const first = legacyEdition();
const scrollPage = ({ lang, story }: { lang: string; story: string }) => `/${lang}/${story}/`;
const desktopOnly = () => test.skip(test.info().project.name !== 'desktop', 'the behaviour does not depend on the layout');

async function chapterIds(page: Page): Promise<string[]> {
	return page.locator('article.chapter').evaluateAll((articles) => articles.map((article) => article.id));
}

async function activeChapter(page: Page): Promise<string | null> {
	return page.locator('article.chapter[aria-current="step"]').getAttribute('id');
}

/** Loses the map's WebGL context the way a GPU reset does, and returns a function that gives it back. */
async function loseContext(page: Page): Promise<() => Promise<void>> {
	await page.evaluate(() => {
		const canvas = document.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas')!;
		const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!;
		const extension = gl.getExtension('WEBGL_lose_context')!;
		Object.assign(window, { __loseContext: extension });
		extension.loseContext();
	});
	return () =>
		page.evaluate(() => (window as unknown as { __loseContext: { restoreContext(): void } }).__loseContext.restoreContext());
}

test.describe('scroll page', () => {
	test('a route is whole when its chapter is at rest, however the reader arrived', async ({ page }) => {
		desktopOnly();
		await page.goto(scrollPage(first));
		const map = page.getByTestId('map');
		await expect(map).toHaveAttribute('data-status', 'ready');
		const ids = await chapterIds(page);
		// By the chapter list: the page scrolls there smoothly and comes to rest with the chapter's text on screen.
		for (const id of ids.slice(0, 3)) {
			await page.locator(`nav a[href="#${id}"]`).click();
			await expect(map).toHaveAttribute('data-chapter', id);
			await expect(map).toHaveAttribute('data-route-progress', '1.00');
		}
		// By key.
		await page.keyboard.press('j');
		await expect(map).toHaveAttribute('data-chapter', ids[3]);
		await expect(map).toHaveAttribute('data-route-progress', '1.00');
		// Exploring shows every route of the chapter whole.
		await page.locator('.explore button[aria-pressed="false"]').click();
		await expect(map).toHaveAttribute('data-route-progress', '1.00');
	});

	test('a deep link opens its chapter with its routes whole', async ({ page }) => {
		desktopOnly();
		await page.goto(scrollPage(first));
		const ids = await chapterIds(page);
		const last = ids.at(-1)!;
		await page.goto(`${scrollPage(first)}#${last}`);
		const map = page.getByTestId('map');
		await expect(map).toHaveAttribute('data-chapter', last);
		await expect(map).toHaveAttribute('data-route-progress', '1.00');
	});

	test('after a lost and restored GPU context the map shows the chapter the reader is on, with no error', async ({ page }) => {
		desktopOnly();
		await page.goto(scrollPage(first));
		const ids = await chapterIds(page);
		await page.goto(`${scrollPage(first)}#${ids[0]}`);
		const map = page.getByTestId('map');
		await expect(map).toHaveAttribute('data-chapter', ids[0]);
		const restore = await loseContext(page);
		await expect(map).toHaveAttribute('data-status', 'error');
		// The reader moves on while the map is gone.
		await page.keyboard.press('j');
		await expect(page.locator(`article#${ids[1]}`)).toHaveAttribute('aria-current', 'step');
		await restore();
		await expect(map).toHaveAttribute('data-status', 'ready', { timeout: 5_000 });
		await expect(map).toHaveAttribute('data-chapter', ids[1], { timeout: 5_000 });
		await expect(map).toHaveAttribute('data-route-progress', '1.00');
	});

	test('"next" past the last chapter never sends the reader back up', async ({ page }) => {
		desktopOnly();
		await page.goto(scrollPage(first));
		await expect(page.getByTestId('map')).toHaveAttribute('data-status', 'ready');
		await page.locator('#sources').scrollIntoViewIfNeeded();
		await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
		const before = await page.evaluate(() => window.scrollY);
		for (const key of ['j', 'ArrowDown', 'PageDown']) await page.keyboard.press(key);
		await page.waitForTimeout(800); // a smooth scroll would have started by now
		expect(await page.evaluate(() => window.scrollY)).toBeGreaterThanOrEqual(before);
	});

	test('the map’s attribution is not a tab stop before the story', async ({ page }) => {
		desktopOnly();
		await page.goto(scrollPage(first));
		await expect(page.getByTestId('map')).toHaveAttribute('data-status', 'ready');
		const stops: string[] = [];
		for (let i = 0; i < 4; i++) {
			await page.keyboard.press('Tab');
			stops.push(await page.evaluate(() => (document.activeElement?.closest('.story-header, .skip-link, .maplibregl-ctrl') ?? document.activeElement)?.className ?? ''));
		}
		expect(stops.some((stop) => stop.includes('maplibregl'))).toBe(false);
		expect(stops.some((stop) => stop.includes('story-header'))).toBe(true);
	});

	test('scrolling fast past chapters announces only the one the reader stops at', async ({ page }) => {
		desktopOnly();
		await page.goto(scrollPage(first));
		await expect(page.getByTestId('map')).toHaveAttribute('data-status', 'ready');
		await page.evaluate(() => {
			const said: string[] = [];
			Object.assign(window, { __said: said });
			const region = document.querySelector('[data-testid="announcer"]')!;
			new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, { childList: true, characterData: true, subtree: true });
		});
		// One fling from the top to the last chapter: the page passes every chapter on the way and comes to rest once.
		await page.evaluate(() => {
			const last = [...document.querySelectorAll('article.chapter')].at(-1)!;
			window.scrollTo({ top: last.getBoundingClientRect().top + window.scrollY, behavior: 'smooth' });
		});
		await page.waitForFunction(() => document.querySelector('article.chapter:last-of-type')?.getAttribute('aria-current') === 'step');
		const stoppedAt = await activeChapter(page);
		const title = await page.locator(`#${stoppedAt}-title`).textContent();
		await expect.poll(() => page.evaluate(() => (window as unknown as { __said: string[] }).__said.filter(Boolean))).toHaveLength(1);
		const [said] = await page.evaluate(() => (window as unknown as { __said: string[] }).__said.filter(Boolean));
		expect(said).toContain(title!.trim());
	});

	test('the story’s publication date is shown', async ({ page }) => {
		desktopOnly();
		await page.goto(scrollPage(first));
		const published = page.locator('.story-header .byline time').first();
		await expect(published).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
		await expect(published).toHaveText(/\d{4}/);
	});
});

test.describe('the Explore button never covers the text', () => {
	for (const [name, viewport, scale] of [
		['phone', { width: 390, height: 844 }, 2],
		['200% zoom', { width: 640, height: 400 }, 2]
	] as const) {
		test(`at ${name}`, async ({ browser }) => {
			desktopOnly();
			const context = await browser.newContext({ viewport, deviceScaleFactor: scale });
			const page = await context.newPage();
			await page.goto(scrollPage(first));
			await expect(page.getByTestId('map')).toHaveAttribute('data-status', 'ready');
			const ids = await chapterIds(page);
			for (const target of ['.story-header', ...ids.slice(0, 3).map((id) => `#${id}`), '#sources']) {
				await page.locator(target).evaluate((element) => element.scrollIntoView({ block: 'center', behavior: 'instant' }));
				const overlaps = await page.evaluate(() => {
					const floating = [...document.querySelectorAll<HTMLElement>('button')].filter((button) => {
						for (let node: HTMLElement | null = button; node; node = node.parentElement)
							if (getComputedStyle(node).position === 'fixed') return button.getClientRects().length > 0;
						return false;
					});
					const text = [...document.querySelectorAll('.story-header, article.chapter, .story-footer')].map((e) => e.getBoundingClientRect());
					return floating.flatMap((button) => {
						const b = button.getBoundingClientRect();
						return text.some((t) => b.left < t.right && b.right > t.left && b.top < t.bottom && b.bottom > t.top) ? [button.textContent] : [];
					});
				});
				expect(overlaps, target).toEqual([]);
			}
			await context.close();
		});
	}
});

test.describe('embed', () => {
	for (const width of [320, 600]) {
		test(`the plain iframe snippet is tall enough for every chapter at ${width} px`, async ({ page, request }) => {
			desktopOnly();
			const oembed = await (await request.get(`${scrollPage(first)}oembed.json`)).json();
			const height = Number(/height="(\d+)"/.exec(oembed.html)![1]);
			expect(oembed.height).toBe(height);
			await page.setViewportSize({ width, height });
			await page.goto(`${scrollPage(first)}embed/`);
			await page.evaluate(() => document.fonts.ready);
			const count = await page.locator('article.chapter').count();
			for (let i = 0; i < count; i++) {
				const content = await page.getByTestId('embed').evaluate((embed) => embed.getBoundingClientRect().height);
				expect(content, `chapter ${i + 1}`).toBeLessThanOrEqual(height);
				if (i < count - 1) await page.locator('.controls button').last().click();
			}
		});
	}

	test('each chapter has its own oEmbed document, one chapter tall', async ({ page, request }) => {
		desktopOnly();
		await page.goto(scrollPage(first));
		const [id] = await chapterIds(page);
		const title = (await page.locator(`#${id}-title`).textContent())!.trim();
		const oembed = await (await request.get(`${scrollPage(first)}oembed/${id}.json`)).json();
		expect(oembed.title).toContain(title);
		expect(oembed.html).toContain(`embed/?step=${id}`);
		const whole = await (await request.get(`${scrollPage(first)}oembed.json`)).json();
		expect(oembed.height).toBeLessThanOrEqual(whole.height);
	});
});

test.describe('kiosk', () => {
	test.skip(({ isMobile }) => isMobile, 'a kiosk is a fixed screen, not a phone');

	test('after a lost and restored GPU context the map shows the chapter on screen', async ({ page }) => {
		desktopOnly();
		await page.goto(`${scrollPage(first)}kiosk/?dwell=600`);
		const kiosk = page.getByTestId('kiosk');
		const map = page.getByTestId('map');
		await expect(map).toHaveAttribute('data-status', 'ready');
		await page.keyboard.press('ArrowRight');
		await expect(kiosk).toHaveAttribute('data-screen', 'chapter');
		const restore = await loseContext(page);
		await expect(map).toHaveAttribute('data-status', 'error');
		await page.keyboard.press('ArrowRight');
		const onScreen = await kiosk.getAttribute('data-chapter');
		await restore();
		await expect(map).toHaveAttribute('data-status', 'ready', { timeout: 5_000 });
		await expect(map).toHaveAttribute('data-chapter', onScreen!, { timeout: 5_000 });
	});

	test('"Previous" on the first chapter stays there', async ({ page }) => {
		desktopOnly();
		await page.goto(`${scrollPage(first)}kiosk/?dwell=600`);
		const kiosk = page.getByTestId('kiosk');
		await page.keyboard.press('ArrowRight');
		const firstChapter = await kiosk.getAttribute('data-chapter');
		expect(firstChapter).toBeTruthy();
		await page.keyboard.press('ArrowLeft');
		await expect(kiosk).toHaveAttribute('data-chapter', firstChapter!);
	});

	for (const viewport of [
		{ width: 1280, height: 720 },
		{ width: 720, height: 1280 }
	]) {
		test(`every source is shown whole and the map fills the screen (${viewport.width}×${viewport.height})`, async ({ page }) => {
			desktopOnly();
			await page.setViewportSize(viewport);
			await page.goto(`${scrollPage(first)}kiosk/?dwell=600`);
			const kiosk = page.getByTestId('kiosk');
			// The chapter with the most sources, whose card is fullest.
			const counts = await page.locator('article.chapter').evaluateAll((articles) => articles.map((a) => a.querySelectorAll('.sources-card li').length));
			const fullest = counts.indexOf(Math.max(...counts));
			for (let i = 0; i <= fullest; i++) await page.keyboard.press('ArrowRight');
			const card = page.locator('article.chapter[aria-current="step"] .sources-card');
			await expect(card).toBeVisible();
			// fitText shrinks the card's text a frame after it shows; then nothing is cut: every source line is inside the
			// card, the card inside the screen, and no line is clamped.
			await expect
				.poll(() =>
					card.evaluate((element) => {
						const box = element.getBoundingClientRect();
						const cut = [...element.querySelectorAll('li')].filter((li) => {
							const line = li.getBoundingClientRect();
							return line.bottom > box.bottom + 1 || li.scrollHeight > li.clientHeight + 1 || getComputedStyle(li).webkitLineClamp !== 'none';
						});
						return cut.length + (box.bottom > window.innerHeight + 1 ? 1 : 0);
					})
				)
				.toBe(0);
			const mapBox = await page.getByTestId('map').boundingBox();
			expect(mapBox!.y + mapBox!.height).toBeGreaterThanOrEqual(viewport.height - 1);
			await expect(kiosk).toHaveAttribute('data-screen', 'chapter');
		});
	}
});

test.describe('embed builder', () => {
	test('"One chapter" shows the chapter the snippet embeds, and several chapters play in the order chosen', async ({ page }) => {
		desktopOnly();
		await page.goto(`${scrollPage(first)}embed/builder/`);
		const embedUrl = page.getByTestId('embed-url');
		await page.locator('input[name="scope"][value="chapter"]').check();
		const select = page.getByTestId('chapter-select');
		const shown = await select.inputValue();
		expect(shown).not.toBe('');
		await expect(embedUrl).toContainText(`?step=${shown}`);

		await page.locator('input[name="scope"][value="sequence"]').check();
		const boxes = page.locator('fieldset.nested input[type="checkbox"]');
		const [a, b, c] = await boxes.evaluateAll((inputs) => inputs.slice(0, 3).map((input) => (input as HTMLInputElement).value));
		// Ticked out of story order, then the first one moved to the end.
		for (const id of [c, a, b]) await page.locator(`fieldset.nested input[value="${id}"]`).check();
		await expect(embedUrl).toContainText(`?steps=${[c, a, b].join(',')}`);
		await page.getByTestId('play-order').locator(`li[data-chapter-id="${c}"] button`).last().click();
		await page.getByTestId('play-order').locator(`li[data-chapter-id="${c}"] button`).last().click();
		await expect(embedUrl).toContainText(`?steps=${[a, b, c].join(',')}`);
	});
});
