/**
 * Accessibility beyond Lighthouse (issue 11): every page in every state, in every edition the build holds and in
 * both viewports, scanned by axe against WCAG 2.1 A and AA; the order a keyboard user meets with Tab, with a visible
 * focus on something visible at every stop; and text over the map on an opaque card.
 *
 * One page load per page, then its states in turn (each a test step). Editions come from build/data, never typed here.
 * The camera jumps instead of flying (reduced motion): motion plays no part in what is checked, and a software-rendered
 * flight only slows the page. Map labels, which axe cannot read on the canvas, are checked in
 * tests/unit/map-label-contrast.test.ts.
 *
 * Exceptions (rules switched off, each for a reason written where it is): none.
 */
import type { Frame, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
	builtEditions,
	formatViolations,
	regionOrder,
	scanA11y,
	stopProblems,
	tabThrough,
	textOverMapWithoutCard,
	type FocusStop,
	type Regions,
	type ScanOptions
} from './a11y-helper';
import { DEFAULT_IDLE_SECONDS } from '../../src/lib/modes/kiosk/params';
import { WARNING_MS } from '../../src/lib/modes/kiosk/player';

const editions = builtEditions();
test.use({ contextOptions: { reducedMotion: 'reduce' } });

/** The scroll page's layout switches to a column beside the map from this width (src/routes/[lang]/[story]/+page.svelte). */
const WIDE = 832;

async function expectNoViolations(page: Page, state: string, options?: ScanOptions) {
	const violations = await scanA11y(page, options);
	expect.soft(violations, `${state}:\n${formatViolations(violations)}`).toEqual([]);
}

async function expectMapReady(where: Page | Frame) {
	await expect(where.getByTestId('map')).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
}

async function chapterIds(page: Page): Promise<string[]> {
	const ids = await page.locator('article.chapter').evaluateAll((articles) => articles.map((a) => a.getAttribute('data-chapter-id') ?? ''));
	expect(ids.length, 'the story has chapters').toBeGreaterThan(1);
	return ids;
}

/** The keyboard's walk met no hidden, off-screen or unmarked stop. */
function expectStopsSound(stops: FocusStop[], where: string) {
	expect.soft(stopProblems(stops), `${where}: focus stops with a problem`).toEqual([]);
}

const names = (stops: FocusStop[]) => stops.map((stop) => stop.name);

/** Regions of the scroll page, in order of precedence, for naming where each focus stop is. */
const SCROLL_REGIONS: Regions = [
	['skip link', 'a.skip-link'],
	['explore toggle', 'div.explore'],
	['map', '[data-testid="map"]'],
	['chapter list', 'nav'],
	['header', 'header.story-header'],
	['chapter', 'article.chapter'],
	['sources', '#sources'],
	['story', 'main']
];

/**
 * Holds back the page's map data until `release()`: the map stays loading, so a long walk with the keyboard is not
 * slowed by a software-rendered map redrawing at every stop (the page scrolls to each one).
 */
async function holdMapData(page: Page): Promise<() => void> {
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route(/\/map\.json$/, async (route) => {
		await released;
		await route.continue();
	});
	return release;
}

for (const { story, lang, path } of editions) {
	test.describe(`${story} (${lang})`, () => {
		test('scroll page: the focus order, top, mid-story (with text over the map on opaque cards), exploring the map', async ({ page }) => {
			const releaseMap = await holdMapData(page);
			await page.goto(path);
			const ids = await chapterIds(page);
			const wide = page.viewportSize()!.width >= WIDE;

			await test.step('focus order: skip link, header, chapter list, chapters in order, sources', async () => {
				const headerLinks = await page.locator('header.story-header a:not(nav a)').count();
				const stops = await tabThrough(page, SCROLL_REGIONS);
				expectStopsSound(stops, 'scroll page');
				expect(regionOrder(stops)).toEqual([
					'skip link',
					...(headerLinks ? ['header'] : []),
					'chapter list',
					...ids.map((id) => `chapter:${id}`),
					'sources'
				]);
			});

			releaseMap();
			await expectMapReady(page);
			await test.step('top', async () => {
				await page.evaluate(() => scrollTo({ top: 0, behavior: 'instant' }));
				await expect(page.getByTestId('map')).toHaveAttribute('data-chapter', 'overview');
				await expectNoViolations(page, 'top of the scroll page');
				expect.soft(await textOverMapWithoutCard(page), 'text over the map at the top').toEqual([]);
			});

			await test.step('focus order with the map ready: the map is no tab stop; its toggle is', async () => {
				// From the top again (the last walk left the page). The map comes before the story in the page.
				const stops = await tabThrough(page, SCROLL_REGIONS, 3);
				expectStopsSound(stops, 'scroll page, map ready');
				const order = regionOrder(stops);
				expect(order[0]).toBe('skip link');
				// On a wide screen the toggle floats at the top right, next after the skip link; on a phone it is in
				// the header and each card.
				if (wide) expect(order[1]).toBe('explore toggle');
				expect(order).not.toContain('map');
			});

			const midIndex = Math.floor(ids.length / 2);
			const mid = page.locator('article.chapter').nth(midIndex);
			await test.step('mid-story', async () => {
				await mid.evaluate((card) => card.scrollIntoView({ block: 'start', behavior: 'instant' }));
				await expect(mid).toHaveAttribute('aria-current', 'step');
				await expect(page.getByTestId('map')).toHaveAttribute('data-chapter', ids[midIndex]);
				await expectNoViolations(page, `mid-story (${ids[midIndex]})`);
				expect.soft(await textOverMapWithoutCard(page), 'text over the map mid-story').toEqual([]);
			});


			await test.step('exploring the map: a scan; its canvas and controls are tab stops and the hidden story is not', async () => {
				const toggle = wide ? page.locator('div.explore button') : mid.locator('button.explore');
				await toggle.click();
				const back = page.locator('div.explore button');
				await expect(back).toHaveAttribute('aria-pressed', 'true');
				await expectNoViolations(page, 'exploring the map');
				const stops = await tabThrough(page, SCROLL_REGIONS);
				expectStopsSound(stops, 'exploring');
				const order = regionOrder(stops);
				expect(order.filter((region) => !['map', 'explore toggle'].includes(region)), 'the hidden story (and the link to skip to it) is no tab stop').toEqual([]);
				expect(order).toContain('explore toggle');
				expect(stops.filter((stop) => stop.region === 'map').length, 'the map, its zoom buttons and attribution').toBeGreaterThanOrEqual(3);
				await back.click();
				await expect(page.locator('button.explore[aria-pressed="true"]')).toHaveCount(0);
			});
		});

		test.describe('without JavaScript', () => {
			test.use({ javaScriptEnabled: false });
			test('scroll page', async ({ page }) => {
				await page.goto(path);
				await expect(page.locator('article.chapter').last()).toBeVisible();
				await expect(page.getByTestId('map'), 'no map without JavaScript').toBeHidden();
				await expectNoViolations(page, 'scroll page without JavaScript', { scripting: false });
			});
		});

		test('embed: the whole story, and its focus order', async ({ page }) => {
			await page.goto(`${path}embed/`);
			await expectMapReady(page);
			const ids = await chapterIds(page);
			await expectNoViolations(page, 'embed, the whole story');
			await test.step('focus order: the map toggle, previous and next, the chapter on show, the links after it', async () => {
				const stops = await tabThrough(page, [
					['explore toggle', 'div.explore'],
					['map', '[data-testid="map"]'],
					['controls', '.controls'],
					['chapter', 'article.chapter'],
					['after', 'p.full-story, ul.other-editions']
				]);
				expectStopsSound(stops, 'embed');
				expect(regionOrder(stops)).toEqual(['explore toggle', 'controls', `chapter:${ids[0]}`, 'after']);
			});
		});

		// The embed's other states (one chapter, a sequence) are scanned where the builder previews them, in its frame:
		// the scan covers every frame of the page, and an embed is always in a frame.
		test('embed builder and the embeds it previews: whole story, the focus order, a sequence, one chapter', async ({ page }) => {
			await page.goto(`${path}embed/builder/`);
			const preview = () => page.frame({ url: /\/embed\/(\?.*)?$/ })!;
			await expect.poll(() => preview()?.url(), { message: 'the preview frame' }).toBeTruthy();
			await expectMapReady(preview());
			await test.step('whole story', () => expectNoViolations(page, 'builder, whole story'));

			await test.step('focus order: the lede, the choices, the preview, the snippets', async () => {
				const stops = await tabThrough(page, [
					['lede', 'p.lede, ul.other-editions'],
					['choices', 'form.choices'],
					['preview', 'section.preview'],
					['snippets', 'section.snippets']
				]);
				expectStopsSound(stops, 'builder');
				expect(regionOrder(stops)).toEqual(['lede', 'choices', 'preview', 'snippets']);
				// A radio group is one stop: the chosen radio.
				expect(stops.filter((stop) => stop.region === 'choices')).toHaveLength(2);
			});

			const ids = await preview().locator('article.chapter').evaluateAll((articles) => articles.map((a) => a.getAttribute('data-chapter-id') ?? ''));
			await test.step('several chapters: too few, then a sequence of two (?steps=), on its first and second', async () => {
				await page.locator('input[name="scope"][value="sequence"]').check();
				await expect(page.locator('input[type="checkbox"]').first()).toBeVisible();
				// None ticked yet: too few, and the preview goes on showing the whole story.
				await expect(page.locator('p.note[role="status"]')).toBeVisible();
				await expect.poll(() => preview()?.url()).toMatch(/\/embed\/$/);
				await expectNoViolations(page, 'builder, several chapters, none ticked');
				const sequence = [ids[0], ids.at(-1)!];
				for (const id of sequence) await page.locator(`input[type="checkbox"][value="${id}"]`).check();
				await expect.poll(() => preview()?.url()).toContain('?steps=');
				const embed = preview();
				await expect(embed.getByTestId('embed')).toHaveAttribute('data-selection', 'sequence');
				await expectMapReady(embed);
				await expectNoViolations(page, 'builder and embed, a sequence');
				await embed.locator('.controls button').last().click();
				await expect(embed.locator('article.chapter[aria-current="step"]')).toHaveAttribute('data-chapter-id', sequence[1]);
				await expect(embed.getByTestId('announcer')).not.toBeEmpty();
				await expectNoViolations(page, 'builder and embed, a sequence, its second chapter');
			});

			await test.step('one chapter (?step=)', async () => {
				await page.locator('input[name="scope"][value="chapter"]').check();
				await expect(page.getByTestId('chapter-select')).toBeVisible();
				await expect.poll(() => preview()?.url()).toContain('?step=');
				await expect(preview().getByTestId('embed')).toHaveAttribute('data-selection', 'chapter');
				await expectMapReady(preview());
				await expectNoViolations(page, 'builder and embed, one chapter');
			});
		});

		test.describe('kiosk', () => {
			test.skip(({ isMobile }) => isMobile, 'A kiosk is a fixed landscape or portrait screen, not a phone.');
			// The offline cache plays no part here; filling it would only compete with the map for the machine.
			test.use({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
			const SCREENS = { landscape: { width: 1280, height: 800 }, portrait: { width: 540, height: 960 } };

			/** Scans the kiosk as it is on a landscape screen, then on a portrait one, and turns it back. */
			async function expectNoViolationsOnBothScreens(page: Page, state: string) {
				for (const [shape, size] of Object.entries(SCREENS)) {
					await page.setViewportSize(size);
					await expect(page.getByTestId('kiosk')).toHaveClass(shape === 'portrait' ? /\bportrait\b/ : /^(?!.*\bportrait\b)/);
					await settle(page);
					await expectNoViolations(page, `kiosk, ${state}, ${shape}`, { tick: () => page.clock.runFor(10) });
				}
				await page.setViewportSize(SCREENS.landscape);
			}

			/** A moment of the page's (held) clock: what waits for a frame (text fitted to its card) is done. */
			const settle = (page: Page) => page.clock.runFor(200);

			test('attract, chapter, paused (and its focus order), idle warning, no map; landscape and portrait', async ({ page }) => {
				// The page's clock stands still once the map is up, and moves only when the test moves it (a little while
				// axe runs, and on to the idle warning); an hour on every screen, so the loop never moves on by itself.
				await page.clock.install();
				await page.goto(`${path}kiosk/?dwell=3600`);
				const kiosk = page.getByTestId('kiosk');
				await expect(kiosk).toHaveAttribute('data-loops', /^[1-9]\d*$/);
				await expectMapReady(page);
				await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 2000);
				await test.step('attract', () => expectNoViolationsOnBothScreens(page, 'attract screen'));

				await test.step('chapter', async () => {
					await page.keyboard.press('Enter');
					await expect(kiosk).toHaveAttribute('data-screen', 'chapter');
					await expectNoViolationsOnBothScreens(page, 'a chapter');
				});

				const controls = page.getByTestId('controls');
				await test.step('paused', async () => {
					await page.keyboard.press('Enter');
					await expect(kiosk).toHaveAttribute('data-paused', 'true');
					await expect(controls).toBeVisible();
					await expectNoViolationsOnBothScreens(page, 'paused');
				});

				await test.step('focus order of the paused controls: previous, play, next', async () => {
					const stops = await tabThrough(page, [['controls', '[data-testid="controls"]']]);
					expectStopsSound(stops, 'kiosk controls');
					expect(regionOrder(stops)).toEqual(['controls']);
					const buttons = await controls.locator('button').evaluateAll((all) => all.map((b) => b.textContent?.replace(/\s+/g, ' ').trim()));
					expect(names(stops)).toEqual(buttons.map((text) => `button "${text}"`));
				});

				await test.step('idle warning, and its one button', async () => {
					const warning = page.getByTestId('idle-warning');
					// A second into the countdown before the idle reset.
					await page.clock.fastForward(DEFAULT_IDLE_SECONDS * 1000 - WARNING_MS + 1000);
					await expect(warning).toBeVisible();
					await expectNoViolationsOnBothScreens(page, 'idle warning');
					const stops = await tabThrough(page, [['idle warning', '[data-testid="idle-warning"]']]);
					expectStopsSound(stops, 'kiosk idle warning');
					expect(regionOrder(stops)).toEqual(['idle warning']);
					expect(stops).toHaveLength(1);
					await page.keyboard.press('Tab');
					await page.keyboard.press('Enter');
					await expect(warning).toBeHidden();
					await expect(kiosk).toHaveAttribute('data-paused', 'true');
				});

				await test.step('no map (its GPU context lost)', async () => {
					await page.keyboard.press('Enter');
					await expect(kiosk).toHaveAttribute('data-paused', 'false');
					await page.locator('[data-testid="map"] canvas').evaluate((canvas: HTMLCanvasElement) => {
						canvas.getContext('webgl2')?.getExtension('WEBGL_lose_context')?.loseContext();
					});
					await expect(page.getByTestId('map')).toHaveAttribute('data-status', 'error');
					await expect(page.locator('article.chapter[aria-current="step"] .map-description')).toBeVisible();
					await expectNoViolationsOnBothScreens(page, 'no map');
				});
			});
		});
	});
}

test('the index: a scan, and every link met once, in the order of the page', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('article.edition').first()).toBeVisible();
	await expectNoViolations(page, 'index');
	const links = page.locator('a[href]');
	const texts = await links.evaluateAll((all) => all.map((a) => `a "${a.textContent?.replace(/\s+/g, ' ').trim().slice(0, 50)}"`));
	const stops = await tabThrough(page, [['edition', 'article.edition']]);
	expectStopsSound(stops, 'index');
	expect(regionOrder(stops)).toEqual(['edition']);
	expect(names(stops)).toEqual(texts);
});

test.describe('the checks can fail', () => {
	test.skip(({ isMobile }) => isMobile, 'once is enough');

	test('axe, and the keyboard walk, on a page spoiled on purpose', async ({ page }) => {
		await page.goto('/');
		await expect(page.locator('article.edition').first()).toBeVisible();
		await page.evaluate(() => {
			const main = document.querySelector('main')!;
			main.append(Object.assign(document.createElement('button'), { type: 'button' }));
			const hidden = Object.assign(document.createElement('a'), { href: '#hidden', textContent: 'hidden', className: 'visually-hidden' });
			const unmarked = Object.assign(document.createElement('a'), { href: '#unmarked', textContent: 'unmarked' });
			unmarked.style.outline = 'none';
			const muted = Object.assign(document.createElement('div'), { ariaHidden: 'true' });
			muted.append(Object.assign(document.createElement('a'), { href: '#muted', textContent: 'muted' }));
			main.prepend(hidden, unmarked, muted);
		});
		const violations = await scanA11y(page);
		expect(violations.map((v) => v.rule)).toEqual(expect.arrayContaining(['button-name', 'aria-hidden-focus']));
		const problems = stopProblems(await tabThrough(page, [['index', 'main']]));
		expect(problems.join('\n')).toMatch(/a "hidden": .*too small to see/);
		expect(problems.join('\n')).toMatch(/a "unmarked": no focus indicator/);
		expect(problems.join('\n')).toMatch(/a "muted": inside aria-hidden/);
	});

	test('text over the map on a card that lets the map show through', async ({ page }) => {
		await holdMapData(page);
		await page.goto(editions[0].path);
		await expect(page.locator('header.story-header')).toBeVisible();
		expect(await textOverMapWithoutCard(page)).toEqual([]);
		await page.locator('header.story-header').evaluate((header: HTMLElement) => (header.style.background = 'rgb(255 255 255 / 80%)'));
		expect((await textOverMapWithoutCard(page)).join('\n')).toMatch(/is not a solid colour/);
	});
});
