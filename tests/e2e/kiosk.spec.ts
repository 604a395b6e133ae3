/**
 * Kiosk mode `/<lang>/<story>/kiosk/`: the story plays itself. Short `?dwell=` and `?idle=` make the loop quick; every
 * wait is on a condition the page exposes (data-screen, data-chapter, data-paused on [data-testid="kiosk"],
 * aria-current, the map's data-status), never on a fixed delay. Chapter ids come from the story files (tests/editions.ts),
 * never hard-coded. The loop and a visitor's taps and controls are tested on every edition; swipes and keys, idling,
 * playing offline and a lost map are the same code for every story and are tested once, on the edition the old /kiosk/
 * forwards to.
 * Every test also runs under the guard in ./fixtures.ts: no request to another host, no console or page error
 * (offline, that means every file the kiosk needs came from the service worker's cache).
 */
import type { Page } from '@playwright/test';
import { legacyEdition, storiesUnderTest, type EditionUnderTest } from '../editions';
import { expect, test } from './fixtures';

test.skip(({ isMobile }) => isMobile, 'A kiosk is a fixed landscape or portrait screen, not a phone; portrait is tested here at a kiosk’s proportions.');
test.use({ hasTouch: true });

const ATTRACT = 'attract';

declare global {
	interface Window {
		/** Each screen the kiosk showed, in order: `attract` or a chapter id. */
		__screens?: string[];
		/** For each of those, what was visible then: the attract screen, or the id of the one chapter panel that was
		 * both visible and marked aria-current="step" (`none` otherwise). */
		__visible?: string[];
		/** For each of those, whether the panel said in words what the map shows (it does when the map is missing). */
		__described?: boolean[];
	}
}

/** Call before `page.goto`: logs every screen the kiosk shows and which panel was the step then. */
async function logScreens(page: Page) {
	await page.addInitScript(() => {
		const screens: string[] = [];
		const visible: string[] = [];
		const described: boolean[] = [];
		window.__screens = screens;
		window.__visible = visible;
		window.__described = described;
		const shown = () => {
			if (document.querySelector('[data-testid="attract"]')?.checkVisibility()) return 'attract';
			const panels = [...document.querySelectorAll('article.chapter')].filter((panel) => panel.checkVisibility());
			return panels.length === 1 && panels[0].getAttribute('aria-current') === 'step' ? panels[0].id : 'none';
		};
		const observe = () =>
			new MutationObserver(() => {
				const kiosk = document.querySelector('[data-testid="kiosk"]');
				if (!kiosk) return;
				const screen = kiosk.getAttribute('data-screen') === 'attract' ? 'attract' : (kiosk.getAttribute('data-chapter') ?? '');
				if (screens.at(-1) === screen) return;
				screens.push(screen);
				visible.push(shown());
				described.push(document.querySelector('article.chapter[aria-current="step"] .map-description')?.checkVisibility() ?? false);
			}).observe(document.documentElement, {
				subtree: true,
				attributes: true,
				attributeFilter: ['data-screen', 'data-chapter', 'data-loops', 'aria-current']
			});
		if (document.documentElement) observe();
		else document.addEventListener('DOMContentLoaded', observe, { once: true });
	});
}

const screens = (page: Page) => page.evaluate(() => window.__screens ?? []);

/** Opens the edition's kiosk and waits until its loop has started; returns the chapter ids in order (one panel each). */
async function openKiosk(page: Page, edition: EditionUnderTest, query: string): Promise<string[]> {
	await page.goto(`${edition.paths.kiosk}${query}`);
	await expect(page.getByTestId('kiosk')).toHaveAttribute('data-loops', /^[1-9]\d*$/);
	const ids = edition.data.chapters.map((chapter) => chapter.id);
	const panels = await page.locator('article.chapter').evaluateAll((articles) => articles.map((a) => a.getAttribute('data-chapter-id') ?? ''));
	expect(panels, 'one panel per chapter, in order').toEqual(ids);
	return ids;
}

/** Exactly one panel is the step, and it is the chapter the kiosk says it shows. */
async function expectOnScreen(page: Page, id: string) {
	const kiosk = page.getByTestId('kiosk');
	await expect(kiosk).toHaveAttribute('data-chapter', id);
	await expect(page.locator(`article.chapter#${id}`)).toHaveAttribute('aria-current', 'step');
	await expect(page.locator('article.chapter[aria-current="step"]')).toHaveCount(1);
	await expect(page.locator(`article.chapter#${id} h2`)).toBeVisible();
}

/** A point on the map, clear of the cards and controls. */
function onTheMap(page: Page) {
	const { width, height } = page.viewportSize()!;
	return height > width ? { x: width * 0.5, y: height * 0.22 } : { x: width * 0.75, y: height * 0.35 };
}

/** The controls shown while paused, in their order (Previous, Play, Next; their words are the edition's language's). */
function controlButtons(page: Page) {
	const buttons = page.getByTestId('controls').getByRole('button');
	return { previous: buttons.nth(0), play: buttons.nth(1), next: buttons.nth(2) };
}

async function tap(page: Page) {
	const { x, y } = onTheMap(page);
	await page.touchscreen.tap(x, y);
}

/**
 * A finger's swipe across the map, 200 px in a quarter of a second. Sent as touch events with their own timestamps:
 * a busy page on a loaded machine may take seconds to take each event in, and the kiosk must see the swipe the
 * visitor made, not how long the test machine took to deliver it.
 */
async function swipe(page: Page, direction: 'left' | 'right') {
	const { x, y } = onTheMap(page);
	const distance = direction === 'left' ? -200 : 200;
	const cdp = await page.context().newCDPSession(page);
	const start = Date.now() / 1000;
	const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', at: number, point?: { x: number; y: number }) =>
		cdp.send('Input.dispatchTouchEvent', { type, touchPoints: point ? [point] : [], timestamp: start + at });
	await touch('touchStart', 0, { x, y });
	await touch('touchMove', 0.1, { x: x + distance / 2, y });
	await touch('touchMove', 0.2, { x: x + distance, y });
	await touch('touchEnd', 0.25);
	await cdp.detach();
}

for (const edition of storiesUnderTest()) {
	test(`kiosk ${edition.name} plays the chapters in order, then the attract screen, then the story again, also with reduced motion`, async ({ page }) => {
		// Reduced motion: the map jumps instead of flying and the progress bar moves in steps, but the loop never waits for
		// a camera to finish moving, so it must not stall.
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await logScreens(page);
		const ids = await openKiosk(page, edition, '?dwell=0.5');
		await expect(page.getByTestId('progress')).toBeVisible();
		await expect(page.getByTestId('progress').locator('div')).toHaveCSS('animation-timing-function', /^steps\(/);
		const loop = [ATTRACT, ...ids, ATTRACT, ids[0]];
		await expect.poll(async () => (await screens(page)).slice(0, loop.length), { timeout: 90_000 }).toEqual(loop);
		// What a visitor saw: the attract screen, then each chapter's panel alone, marked as the step.
		const seen = await page.evaluate(() => window.__visible ?? []);
		expect(seen.slice(0, loop.length)).toEqual(loop);
	});

	test.describe(`kiosk ${edition.name}: a visitor`, () => {
		// The camera jumps instead of flying: the taps, swipes and keys are what these test, and a software-rendered
		// flight would only slow the page's answers on a loaded machine.
		test.use({ contextOptions: { reducedMotion: 'reduce' } });

		test('a tap begins the story, a second pauses it and shows the controls, which move and resume', async ({ page }) => {
			test.skip(edition.data.chapters.length < 2, 'needs two chapters');
			const ids = await openKiosk(page, edition, '?dwell=60');
			const kiosk = page.getByTestId('kiosk');
			await expect(page.getByTestId('attract')).toBeVisible();

			await tap(page);
			await expectOnScreen(page, ids[0]);
			await expect(page.getByTestId('attract')).toBeHidden();
			await expect(kiosk).toHaveAttribute('data-paused', 'false');
			await expect(page.getByTestId('controls')).toBeHidden();

			await tap(page);
			await expect(kiosk).toHaveAttribute('data-paused', 'true');
			const controls = page.getByTestId('controls');
			await expect(controls).toBeVisible();
			const { previous, play, next } = controlButtons(page);
			for (const button of [previous, play, next]) {
				const box = await button.boundingBox();
				const name = await button.innerText();
				expect(name.trim(), 'the button says what it does').not.toBe('');
				expect(box, `${name} is on screen`).not.toBeNull();
				expect(Math.min(box!.width, box!.height), `${name} is at least 64 px to touch`).toBeGreaterThanOrEqual(64);
			}

			await next.click();
			await expectOnScreen(page, ids[1]);
			await expect(kiosk).toHaveAttribute('data-paused', 'true');
			await previous.click();
			await expectOnScreen(page, ids[0]);

			await play.click();
			await expect(kiosk).toHaveAttribute('data-paused', 'false');
			await expect(controls).toBeHidden();
		});
	});
}

// Swipes, idling, playing offline and a lost map: the same code for every story, tested once.
const legacy = legacyEdition();

test.describe(`kiosk ${legacy.name}`, () => {
	test.describe('a visitor', () => {
		test.use({ contextOptions: { reducedMotion: 'reduce' } });

		test.describe('in portrait', () => {
			test.use({ viewport: { width: 540, height: 960 } });

			test('a swipe moves between chapters, and so do the arrow keys; space pauses', async ({ page }) => {
				const ids = await openKiosk(page, legacy, '?dwell=60');
				const kiosk = page.getByTestId('kiosk');
				await tap(page);
				await expectOnScreen(page, ids[0]);

				await swipe(page, 'left');
				await expectOnScreen(page, ids[1]);
				await swipe(page, 'left');
				await expectOnScreen(page, ids[2]);
				await swipe(page, 'right');
				await expectOnScreen(page, ids[1]);

				await page.keyboard.press('ArrowRight');
				await expectOnScreen(page, ids[2]);
				await page.keyboard.press('ArrowLeft');
				await expectOnScreen(page, ids[1]);
				await page.keyboard.press(' ');
				await expect(kiosk).toHaveAttribute('data-paused', 'true');
				// A swipe while paused moves, and the story stays paused.
				await swipe(page, 'left');
				await expectOnScreen(page, ids[2]);
				await expect(kiosk).toHaveAttribute('data-paused', 'true');
			});
		});

		test('paused and left alone, it warns with a countdown and then returns to the attract loop', async ({ page }) => {
			await logScreens(page);
			// Two-second chapters: had the pause not held, the loop would be chapters further on by the time the warning shows.
			// idle=20: the countdown shows for its last 10 s, long enough to be read on a loaded machine.
			const ids = await openKiosk(page, legacy, '?dwell=2&idle=20');
			const kiosk = page.getByTestId('kiosk');
			await expect(kiosk).toHaveAttribute('data-screen', 'chapter');
			await tap(page);
			await expect(kiosk).toHaveAttribute('data-paused', 'true');
			const pausedOn = (await kiosk.getAttribute('data-chapter'))!;
			expect(ids).toContain(pausedOn);

			const warning = page.getByTestId('idle-warning');
			await expect(warning).toBeVisible({ timeout: 30_000 });
			await expect(warning.getByTestId('countdown')).toHaveText(/^([1-9]|10)$/);
			await expect(kiosk).toHaveAttribute('data-chapter', pausedOn);

			// "Keep reading" takes the warning down and keeps the visitor's place. (A touch where the button is: a click would
			// wait for the page to be still, and the countdown does not wait.)
			const keepReading = (await warning.getByRole('button').boundingBox())!;
			await page.touchscreen.tap(keepReading.x + keepReading.width / 2, keepReading.y + keepReading.height / 2);
			await expect(warning).toBeHidden();
			await expect(kiosk).toHaveAttribute('data-chapter', pausedOn);
			await expect(kiosk).toHaveAttribute('data-paused', 'true');

			// Left alone again: the countdown, then the attract screen, and the loop plays on from chapter 1.
			await expect(warning).toBeVisible({ timeout: 30_000 });
			const before = (await screens(page)).length;
			await expect.poll(async () => (await screens(page)).slice(before - 1, before + 2), { timeout: 30_000 }).toEqual([pausedOn, ATTRACT, ids[0]]);
			await expect(warning).toBeHidden();
			await expect(kiosk).toHaveAttribute('data-paused', 'false');
		});
	});

	test('after one visit it plays offline, from the service worker’s cache', async ({ page, context }) => {
		await logScreens(page);
		await openKiosk(page, legacy, '?dwell=0.5');
		// The worker takes control once its install (which fills the cache) has finished.
		await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 60_000 });
		await expect(page.getByTestId('map')).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
		// The worker's scope is the kiosk: the scroll page, in the same browser, is not controlled by it.
		const scrollPage = await context.newPage();
		await scrollPage.goto(legacy.paths.scroll, { waitUntil: 'domcontentloaded' });
		expect(await scrollPage.evaluate(() => navigator.serviceWorker.controller), 'the scroll page’s service worker').toBeNull();
		await scrollPage.close();

		await context.setOffline(true);
		// Offline, every file must come from the service worker: not from the network, and not from the HTTP cache either.
		const notFromCache: string[] = [];
		context.on('response', (response) => {
			if (/^https?:/.test(response.url()) && !response.fromServiceWorker()) notFromCache.push(response.url());
		});
		const response = await page.reload();
		expect(response?.fromServiceWorker(), 'the page came from the cache').toBe(true);
		await expect(page.getByTestId('kiosk')).toHaveAttribute('data-loops', /^[1-9]\d*$/);
		// Scripts, styles, the map library and its worker, fonts and geo data all came from the cache: the map draws.
		await expect(page.getByTestId('map')).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
		await expect.poll(async () => new Set((await screens(page)).filter((s) => s !== ATTRACT)).size, { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
		expect(notFromCache, 'files served from elsewhere than the service worker').toEqual([]);
	});

	test('a lost WebGL context does not stop the loop, and the map comes back with the next loop', async ({ page }) => {
		// Jumps instead of flights: less for the software renderer to draw; motion plays no part here.
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await logScreens(page);
		const ids = await openKiosk(page, legacy, '?dwell=1.5');
		const map = page.getByTestId('map');
		await expect(map).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
		// Lose the context in the first half of a loop, so chapters play without the map before the loop comes round.
		const early = new RegExp(`^(${ids.slice(0, Math.ceil(ids.length / 2)).join('|')})$`);
		await expect(page.getByTestId('kiosk')).toHaveAttribute('data-chapter', early, { timeout: 60_000 });
		await page.locator('[data-testid="map"] canvas').evaluate((canvas: HTMLCanvasElement) => {
			canvas.getContext('webgl2')?.getExtension('WEBGL_lose_context')?.loseContext();
		});
		await expect(map).toHaveAttribute('data-status', 'error');
		const lostAt = (await screens(page)).length;

		// The loop goes on to the attract screen, each chapter on the way saying in words what the map would show.
		await expect.poll(async () => (await screens(page)).slice(lostAt).includes(ATTRACT), { timeout: 60_000 }).toBe(true);
		const { shown, described } = await page.evaluate(() => ({ shown: window.__screens ?? [], described: window.__described ?? [] }));
		const withoutMap = shown.slice(lostAt, shown.indexOf(ATTRACT, lostAt));
		expect(withoutMap.length, 'chapters played while the map was lost').toBeGreaterThan(0);
		expect(withoutMap, 'in order').toEqual(ids.slice(ids.indexOf(withoutMap[0]), ids.indexOf(withoutMap[0]) + withoutMap.length));
		expect(described.slice(lostAt, lostAt + withoutMap.length), 'the map description shows while the map is lost').toEqual(withoutMap.map(() => true));

		// At the next loop the map is mounted afresh: ready again, with one canvas, and the loop still goes.
		await expect(map).toHaveAttribute('data-status', 'ready', { timeout: 90_000 });
		await expect(page.locator('canvas')).toHaveCount(1);
		await expect.poll(async () => (await screens(page)).filter((s) => s === ids[0]).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
	});
});
