/**
 * Accessibility scans with axe-core against WCAG 2.1 A and AA. axe is injected from node_modules with
 * `frame.evaluate`, which the page's Content-Security-Policy does not govern (DevTools-protocol evaluation), into the
 * page and every frame in it, so an embed inside the builder or a host page is scanned too.
 *
 *   const violations = await scanA11y(page);
 *   expect(violations, formatViolations(violations)).toEqual([]);
 *
 * A rule axe gets wrong for a page is switched off by name in `disableRules`, with a comment saying why; never a whole
 * tag or region.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Frame, Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface A11yViolation {
	rule: string;
	impact: string;
	help: string;
	helpUrl: string;
	/** Each offending element: its CSS path (through frames), a snippet of its HTML and what to fix. */
	nodes: { target: string; html: string; fix: string }[];
}

export interface ScanOptions {
	/** Rules to switch off, each a reviewed exception. */
	disableRules?: string[];
	/** CSS selectors of regions to leave out (for a third-party region, never the page's own content). */
	exclude?: string[];
	/**
	 * False for a page loaded with JavaScript disabled: such a document never runs a timer or an observer's callback,
	 * which axe's queue waits on, so they are replaced (for axe, in the page's otherwise idle script world) by promise
	 * callbacks, which it does run.
	 */
	scripting?: boolean;
	/**
	 * For a page whose clock the test holds still (`page.clock.pauseAt`): axe waits on timers, so while it runs this is
	 * called again and again to move the page's clock on a little (e.g. `() => page.clock.runFor(20)`).
	 */
	tick?: () => Promise<unknown>;
}

function replaceTimersForAxe() {
	const page = window as unknown as Record<string, unknown>;
	page.setTimeout = (callback: (...args: unknown[]) => void, _delay?: number, ...args: unknown[]) => {
		Promise.resolve().then(() => callback(...args));
		return 0;
	};
	page.clearTimeout = () => {};
	page.MutationObserver = page.WebKitMutationObserver = undefined;
}

async function inject(frame: Frame): Promise<void> {
	try {
		if (await frame.evaluate(() => 'axe' in window)) return;
		await frame.evaluate(AXE_SOURCE);
	} catch (error) {
		// A frame that navigated away or was removed meanwhile has nothing left to scan.
		if (!frame.isDetached()) throw error;
	}
}

/** The WCAG 2.1 A/AA violations on the page as it is now (every frame included). */
export async function scanA11y(page: Page, options: ScanOptions = {}): Promise<A11yViolation[]> {
	if (!options.tick) return scan(page, options);
	let done = false;
	const result = scan(page, options).finally(() => (done = true));
	while (!done) await options.tick();
	return result;
}

async function scan(page: Page, { disableRules = [], exclude = [], scripting = true }: ScanOptions): Promise<A11yViolation[]> {
	if (!scripting) await page.evaluate(replaceTimersForAxe);
	await Promise.all(page.frames().map(inject));
	const options: RunOptions = {
		runOnly: { type: 'tag', values: WCAG21_AA },
		resultTypes: ['violations'],
		rules: Object.fromEntries(disableRules.map((rule) => [rule, { enabled: false }]))
	};
	const results = await page.evaluate(
		async ([options, exclude]) => {
			const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } }).axe;
			const context = exclude.length ? { include: [document], exclude: exclude.map((selector) => [selector]) } : document;
			return axe.run(context, options);
		},
		[options, exclude] as const
	);
	return results.violations.map((violation) => ({
		rule: violation.id,
		impact: violation.impact ?? 'unknown',
		help: violation.help,
		helpUrl: violation.helpUrl,
		nodes: violation.nodes.map((node) => ({
			target: node.target.map((part) => (Array.isArray(part) ? part.join(' ') : String(part))).join(' >>> '),
			html: node.html.length > 160 ? `${node.html.slice(0, 157)}…` : node.html,
			fix: (node.failureSummary ?? '').replace(/\s+/g, ' ').trim()
		}))
	}));
}

/** One line per violation and one per element, for an assertion message or a report. */
export function formatViolations(violations: A11yViolation[]): string {
	if (violations.length === 0) return 'no WCAG 2.1 A/AA violations';
	return violations
		.map(
			(v) =>
				`${v.rule} (${v.impact}): ${v.help} ${v.helpUrl}\n` +
				v.nodes.map((node) => `    ${node.target}\n      ${node.html}\n      ${node.fix}`).join('\n')
		)
		.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------------
// The editions the build holds.

export interface BuiltEdition {
	story: string;
	lang: string;
	/** The scroll page, `/<lang>/<story>/`; the other modes are below it. */
	path: string;
}

/** Every story and language the site was built with, read from `build/data/<story>/<lang>/map.json`. */
export function builtEditions(buildDir = 'build'): BuiltEdition[] {
	const data = join(buildDir, 'data');
	if (!existsSync(data)) throw new Error(`${data} is missing: build the site first (STORY_FIXTURES=1 npx vite build)`);
	const editions = readdirSync(data).flatMap((story) =>
		readdirSync(join(data, story))
			.filter((lang) => existsSync(join(data, story, lang, 'map.json')))
			.map((lang) => ({ story, lang, path: `/${lang}/${story}/` }))
	);
	if (editions.length === 0) throw new Error(`${data} holds no edition (no <story>/<lang>/map.json)`);
	return editions;
}

// ---------------------------------------------------------------------------------------------------------------------
// Focus order: what a keyboard user meets, pressing Tab.

export interface FocusStop {
	/** The region it belongs to: the name of the first `regions` entry it is inside (`chapter:<id>` for a chapter). */
	region: string;
	/** Tag, id and text, to name it in a message. */
	name: string;
	/** Everything wrong with it as a place for the keyboard's focus (empty when nothing). */
	problems: string[];
}

/** [region name, selector] in order of precedence; the region named `chapter` is named by each chapter's id. */
export type Regions = [name: string, selector: string][];

/** The focused element (inside a same-origin frame, the one in the frame), described and checked. */
async function focusStop(page: Page, regions: Regions): Promise<FocusStop | null> {
	return page.evaluate((regions) => {
		let element = document.activeElement;
		let frame: HTMLIFrameElement | null = null;
		while (element instanceof HTMLIFrameElement && element.contentDocument?.activeElement) {
			frame = element;
			element = element.contentDocument.activeElement;
		}
		if (!element || element === document.body || element === frame?.contentDocument?.body) return null;
		const view = element.ownerDocument.defaultView!;
		// A stop inside a frame belongs where its frame is in the page.
		let outermost: Element = element;
		for (let f: Element | null = frame; f; f = f.ownerDocument.defaultView?.frameElement ?? null) outermost = f;
		const region = (() => {
			for (const [name, selector] of regions) {
				const inside = outermost.closest(selector);
				if (inside) return name === 'chapter' ? `chapter:${inside.getAttribute('data-chapter-id')}` : name;
			}
			return 'elsewhere';
		})();
		const text = (element.textContent || element.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim().slice(0, 50);
		const name = `${frame ? 'iframe >>> ' : ''}${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${text}"`;

		const problems: string[] = [];
		if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) problems.push('not visible');
		if (element.closest('[aria-hidden="true"], [inert]')) problems.push('inside aria-hidden or inert');
		const box = element.getBoundingClientRect();
		if (box.width < 2 || box.height < 2) problems.push(`too small to see (${box.width}×${box.height})`);
		const onScreen = (rect: DOMRect, width: number, height: number) => rect.right > 0 && rect.bottom > 0 && rect.left < width && rect.top < height;
		if (!onScreen(box, view.innerWidth, view.innerHeight)) problems.push(`off screen at ${Math.round(box.x)},${Math.round(box.y)}`);
		if (frame && !onScreen(frame.getBoundingClientRect(), innerWidth, innerHeight)) problems.push('its frame is off screen');
		// A visible indicator: an outline, or a box-shadow (MapLibre's controls), drawn where no ancestor clips it all away.
		const style = view.getComputedStyle(element);
		const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && !/rgba\(.*, 0\)$/.test(style.outlineColor);
		const shadow = style.boxShadow !== 'none';
		if (!outline && !shadow) problems.push('no focus indicator (outline or box-shadow)');
		else if (outline && !shadow) {
			// An outline outside an element that fills a clipping ancestor (a map canvas) is cut off on every side.
			const reach = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
			for (let up = element.parentElement; up && reach > 0; up = up.parentElement) {
				const clip = view.getComputedStyle(up);
				if (clip.overflowX === 'visible' && clip.overflowY === 'visible') continue;
				const c = up.getBoundingClientRect();
				if (c.left >= box.left - 0.5 && c.top >= box.top - 0.5 && c.right <= box.right + 0.5 && c.bottom <= box.bottom + 0.5) {
					problems.push(`its outline is clipped away by ${up.tagName.toLowerCase()}.${up.classList[0] ?? ''}`);
					break;
				}
			}
		}
		return { region, name, problems };
	}, regions);
}

/**
 * Presses Tab from where the focus is until the focus comes round to the first stop again (or leaves the page), and
 * returns every stop in order. Gives up after `max` presses.
 */
export async function tabThrough(page: Page, regions: Regions, max = 400): Promise<FocusStop[]> {
	const stops: FocusStop[] = [];
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		const stop = await focusStop(page, regions);
		if (!stop) {
			if (stops.length) break;
			continue;
		}
		if (stops.length && stop.name === stops[0].name && stop.region === stops[0].region) break;
		stops.push(stop);
	}
	return stops;
}

/** The regions in the order met, each once per run of stops in it: `[skip, header, chapter:a, chapter:b, sources]`. */
export function regionOrder(stops: FocusStop[]): string[] {
	return stops.map((stop) => stop.region).filter((region, i, all) => region !== all[i - 1]);
}

/** One line per stop with a problem. */
export function stopProblems(stops: FocusStop[]): string[] {
	return stops.filter((stop) => stop.problems.length).map((stop) => `${stop.region} ${stop.name}: ${stop.problems.join('; ')}`);
}

// ---------------------------------------------------------------------------------------------------------------------
// Text over the map.

/**
 * Every piece of visible text on screen that overlaps the map but is not drawn on an opaque background in front of
 * it: its nearest ancestor with a background must be fully opaque (alpha 1, nothing on the way translucent), and not
 * be one of the map's own ancestors (which are behind the map). Then the text's contrast is that of its card, which
 * axe checks; otherwise it depends on the map under it.
 */
export async function textOverMapWithoutCard(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const map = document.querySelector('[data-testid="map"]');
		if (!map) return ['no map on the page'];
		const mapBox = map.getBoundingClientRect();
		const overlaps = (r: DOMRect) => r.width > 0 && r.height > 0 && r.right > mapBox.left && r.left < mapBox.right && r.bottom > mapBox.top && r.top < mapBox.bottom;
		const inView = (r: DOMRect) => r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
		const alpha = (color: string) => {
			const match = /rgba?\(([^)]+)\)/.exec(color);
			if (!match) return color === 'transparent' ? 0 : 1;
			const parts = match[1].split(/[\s,/]+/).filter(Boolean);
			return parts.length > 3 ? parseFloat(parts[3]) : 1;
		};
		/** Text for screen readers only, in a box of a pixel that clips it (`.visually-hidden`, Kit's announcer). */
		const clippedAway = (element: Element) => {
			for (let box: Element | null = element; box; box = box.parentElement) {
				const style = getComputedStyle(box);
				const rect = box.getBoundingClientRect();
				if (style.overflow !== 'visible' && (rect.width <= 1 || rect.height <= 1)) return true;
			}
			return false;
		};
		const found: string[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		const seen = new Set<Element>();
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const element = node.parentElement;
			if (!element || seen.has(element) || !node.textContent?.trim()) continue;
			seen.add(element);
			if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true }) || clippedAway(element)) continue;
			const range = document.createRange();
			range.selectNodeContents(node);
			const rect = range.getBoundingClientRect();
			if (!inView(rect) || !overlaps(rect) || rect.width < 2) continue;
			const text = node.textContent.replace(/\s+/g, ' ').trim().slice(0, 40);
			let card: Element | null = element;
			let opacity = 1;
			for (; card; card = card.parentElement) {
				const style = getComputedStyle(card);
				opacity *= parseFloat(style.opacity);
				if (alpha(style.backgroundColor) > 0 || style.backgroundImage !== 'none') break;
			}
			const name = card ? `${card.tagName.toLowerCase()}.${card.classList[0] ?? ''}` : 'none';
			if (!card || card.contains(map)) found.push(`"${text}": no background of its own in front of the map`);
			else if (alpha(getComputedStyle(card).backgroundColor) < 1 || getComputedStyle(card).backgroundImage !== 'none')
				found.push(`"${text}": its background (${name}) is not a solid colour: ${getComputedStyle(card).backgroundColor}`);
			else if (opacity < 1) found.push(`"${text}": drawn at opacity ${opacity}`);
		}
		return found;
	});
}
