/**
 * The `test` and `expect` every spec imports.
 *
 * An automatic fixture (`guard`) watches every page of the test's browser context and fails the test, listing them, on
 * - any request to an origin that is not allowed (by default only the site under test: its own origin, on localhost and
 *   127.0.0.1); such requests are also aborted, so nothing ever leaves the machine;
 * - any console message of type `error`, and any uncaught page error;
 * - any Content-Security-Policy violation (`securitypolicyviolation` event, in any frame: ./guards.ts), which no option
 *   allows;
 * - a broken map: a MapLibre `error` event or a MapLibre warning about an expression or layer (./guards.ts).
 *
 * Options, set with `test.use({...})` in a spec or a project:
 * - `allowedOrigins`: origins pages may load from (e.g. a second localhost port for a cross-origin host page in embed
 *   tests: `test.use({ allowedOrigins: [...ownOrigins(4173), ...ownOrigins(4174)] })`).
 * - `allowedConsoleErrors`: patterns of console errors (and map problems) a test expects (keep empty unless a test
 *   provokes one on purpose).
 *
 * `data:`, `blob:` and `about:` URLs are always allowed (MapLibre starts its worker from a blob).
 */
import { test as base, expect, type Page, type Request } from '@playwright/test';
import { CSP_VIOLATION, isMapProblem, watchPolicyViolations } from './guards';
import type { Chapter } from '../../src/lib/story/types';

export { expect };

/** The origins of a site served on `port`, as a browser may name it. */
export function ownOrigins(port: number): string[] {
	return [`http://localhost:${port}`, `http://127.0.0.1:${port}`, `http://[::1]:${port}`];
}

function originsOf(baseURL: string | undefined): string[] {
	if (!baseURL) return [];
	const url = new URL(baseURL);
	const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
	if (['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return ownOrigins(port);
	return [url.origin];
}

const ALWAYS_ALLOWED_PROTOCOLS = new Set(['data:', 'blob:', 'about:', 'chrome-error:']);

export function isAllowed(rawUrl: string, allowedOrigins: readonly string[]): boolean {
	let url: URL;
	try {
		url = new URL(rawUrl);
	} catch {
		return false;
	}
	if (ALWAYS_ALLOWED_PROTOCOLS.has(url.protocol)) return true;
	return allowedOrigins.includes(url.origin);
}

export interface GuardOptions {
	allowedOrigins: string[];
	allowedConsoleErrors: RegExp[];
}

export interface Guard {
	/** Every request made by any page of the context, in order. */
	requests: { url: string; method: string; resourceType: string }[];
	/** Requests to origins that are not allowed. */
	foreign: string[];
	/** Console errors, page errors and map problems not matched by `allowedConsoleErrors`. */
	errors: string[];
	/** Content-Security-Policy violations. */
	violations: string[];
}

export const test = base.extend<GuardOptions & { guard: Guard }>({
	allowedOrigins: [async ({ baseURL }, use) => use(originsOf(baseURL)), { option: true }],
	allowedConsoleErrors: [[], { option: true }],

	guard: [
		async ({ context, allowedOrigins, allowedConsoleErrors }, use, testInfo) => {
			const guard: Guard = { requests: [], foreign: [], errors: [], violations: [] };
			await watchPolicyViolations(context);

			const onRequest = (request: Request) => {
				const url = request.url();
				guard.requests.push({ url, method: request.method(), resourceType: request.resourceType() });
				if (!isAllowed(url, allowedOrigins)) guard.foreign.push(`${request.method()} ${url}`);
			};
			context.on('request', onRequest);
			// Never let a request leave the machine: abort whatever is not allowed (it is still reported above).
			await context.route(
				(url) => !isAllowed(url.href, allowedOrigins),
				(route) => route.abort('blockedbyclient')
			);

			const expected = (text: string) => allowedConsoleErrors.some((re) => re.test(text));
			context.on('console', (message) => {
				const type = message.type();
				if (type === 'error' && message.text().startsWith(CSP_VIOLATION)) return void guard.violations.push(message.text());
				if (type !== 'error' && !(type === 'warning' && isMapProblem(message.text()))) return;
				const where = message.location();
				const text = `console.${type === 'warning' ? 'warn' : type}: ${message.text()}${where.url ? ` (${where.url}:${where.lineNumber})` : ''}`;
				if (!expected(message.text())) guard.errors.push(text);
			});
			context.on('weberror', (webError) => {
				const error = webError.error();
				const text = `page error: ${error.stack || error.message}`;
				if (!expected(error.message)) guard.errors.push(text);
			});

			await use(guard);

			const problems = [
				...guard.foreign.map((r) => `request to another host: ${r}`),
				...guard.violations,
				...guard.errors
			];
			if (problems.length) {
				await testInfo.attach('guard', { body: problems.join('\n'), contentType: 'text/plain' });
				throw new Error(`The page misbehaved (${problems.length}):\n  - ${problems.join('\n  - ')}`);
			}
		},
		{ auto: true }
	]
});

// ---------------------------------------------------------------------------------------------------------------------
// Map helpers. The page exposes the map's state as attributes on [data-testid="map"] (docs/page-contract.md); these
// helpers add what a screenshot or a timing check needs and the contract cannot say: when the map has stopped drawing.

/** Frames without a WebGL draw call after which the map counts as settled (its flight, fades and tile loads done). */
export const QUIET_FRAMES = 20;

export interface ProbeEntry {
	/** Animation frame counter when the attribute changed. */
	frame: number;
	attr: string;
	value: string | null;
}

declare global {
	interface Window {
		__probe?: {
			frame: number;
			lastDraw: number;
			draws: number;
			log: ProbeEntry[];
		};
	}
}

/**
 * Call before `page.goto`: counts animation frames, notes the frame of the last WebGL draw call, and logs every change
 * of the map's data-status, data-chapter and data-camera, and every chapter that becomes the step (attr `step`), with
 * the frame it happened in.
 */
export async function installMapProbe(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const probe = { frame: 0, lastDraw: -1, draws: 0, log: [] as { frame: number; attr: string; value: string | null }[] };
		window.__probe = probe;
		const tick = () => {
			probe.frame++;
			requestAnimationFrame(tick);
		};
		requestAnimationFrame(tick);
		const contexts = [globalThis.WebGL2RenderingContext, globalThis.WebGLRenderingContext].filter(Boolean);
		for (const context of contexts) {
			const proto = context.prototype as unknown as Record<string, unknown>;
			for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced', 'drawRangeElements', 'clear']) {
				const original = proto[name];
				if (typeof original !== 'function') continue;
				proto[name] = function (this: unknown, ...args: unknown[]) {
					probe.draws++;
					probe.lastDraw = probe.frame;
					return original.apply(this, args);
				};
			}
		}
		const watched = ['data-status', 'data-chapter', 'data-camera', 'aria-current'];
		const observe = () => {
			new MutationObserver((records) => {
				for (const record of records) {
					const target = record.target as Element;
					if (!record.attributeName) continue;
					const value = target.getAttribute(record.attributeName);
					if (value === record.oldValue) continue;
					if (target.getAttribute('data-testid') === 'map' && record.attributeName !== 'aria-current')
						probe.log.push({ frame: probe.frame, attr: record.attributeName, value });
					// A chapter becoming the step is logged as { attr: 'step', value: its id }.
					else if (record.attributeName === 'aria-current' && value === 'step' && target.matches('article.chapter'))
						probe.log.push({ frame: probe.frame, attr: 'step', value: target.id });
				}
			}).observe(document.documentElement, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: watched });
		};
		if (document.documentElement) observe();
		else document.addEventListener('DOMContentLoaded', observe, { once: true });
	});
}

/** The probe's log of map attribute changes since the page loaded. */
export async function probeLog(page: Page): Promise<ProbeEntry[]> {
	return page.evaluate(() => window.__probe?.log ?? []);
}

/**
 * Waits until the map is ready, shows `chapter` (when given), has a camera, and has drawn nothing for QUIET_FRAMES
 * frames since it last changed chapter: the flight is over and the picture is complete. Needs installMapProbe.
 * Returns the map's data-camera.
 */
export async function waitForMapSettled(page: Page, chapter?: string): Promise<string> {
	const map = page.getByTestId('map');
	await expect(map).toHaveAttribute('data-status', 'ready');
	if (chapter) await expect(map).toHaveAttribute('data-chapter', chapter);
	await expect(map).toHaveAttribute('data-camera', /^-?\d+\.\d{3},-?\d+\.\d{3},\d+\.\d{3}$/);
	await page.waitForFunction(
		(quiet) => {
			const probe = window.__probe;
			if (!probe) throw new Error('installMapProbe(page) was not called before the page loaded');
			const changed = probe.log.filter((e) => e.attr === 'data-chapter').at(-1)?.frame ?? 0;
			return probe.lastDraw >= changed && probe.frame - probe.lastDraw >= quiet;
		},
		QUIET_FRAMES,
		{ polling: 'raf', timeout: 60_000 }
	);
	return (await map.getAttribute('data-camera')) ?? '';
}

// ---------------------------------------------------------------------------------------------------------------------
// What the map shows against what the chapter declares (tests/editions.ts gives the chapters).

/** The ids in a space-separated attribute (data-places, data-routes), sorted. */
const idList = (value: string | null) => (value ?? '').split(/\s+/).filter(Boolean).sort();

/** `lon,lat,zoom` from data-camera. */
function parseCamera(value: string): { lon: number; lat: number; zoom: number } {
	const [lon, lat, zoom] = value.split(',').map(Number);
	return { lon, lat, zoom };
}

/** How far east of `from` the longitude `lon` lies, in [0, 360): views and bounds may cross the 180° meridian. */
const eastOf = (lon: number, from: number) => (((lon - from) % 360) + 360) % 360;

/** data-camera rounds to 3 decimals. */
const ROUNDING = 0.0015;

/** Web Mercator pixels of [lon, lat] at `zoom` (MapLibre's 512 px tiles). */
function mercatorPixels(lon: number, lat: number, zoom: number): [number, number] {
	const size = 512 * 2 ** zoom;
	const sin = Math.sin((lat * Math.PI) / 180);
	return [((lon + 180) / 360) * size, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size];
}

/**
 * Whether `bounds` ([west, south, east, north], east < west across the 180° meridian) lie within a box of the map's
 * size centred on the camera, in Web Mercator pixels; the copy of the bounds nearest the camera counts.
 */
function frameInView(
	{ lon, lat, zoom }: { lon: number; lat: number; zoom: number },
	[west, south, east, north]: [number, number, number, number],
	{ width, height }: { width: number; height: number }
) {
	const span = east >= west ? east - west : east - west + 360;
	const middleOffset = eastOf(west + span / 2, lon);
	const westNearCentre = lon + (middleOffset > 180 ? middleOffset - 360 : middleOffset) - span / 2;
	const [cx, cy] = mercatorPixels(lon, lat, zoom);
	const [x0, y0] = mercatorPixels(westNearCentre, north, zoom);
	const [x1, y1] = mercatorPixels(westNearCentre + span, south, zoom);
	const slack = 2 + (ROUNDING / 360) * 512 * 2 ** zoom;
	const box = { left: cx - width / 2 - slack, right: cx + width / 2 + slack, top: cy - height / 2 - slack, bottom: cy + height / 2 + slack };
	const framed = { left: x0, right: x1, top: y0, bottom: y1 };
	const inView = framed.left >= box.left && framed.right <= box.right && framed.top >= box.top && framed.bottom <= box.bottom;
	return { inView, framed, box };
}

/**
 * The map shows the chapter's whole state: its places emphasised, its routes drawn, and a camera that honours what the
 * chapter declares: its explicit view (longitudes compared around the globe), or a view that has all it frames on
 * screen (across the 180° meridian too) and is no closer than its max-zoom.
 */
export async function expectMapShowsChapter(page: Page, chapter: Chapter, camera: string) {
	const map = page.getByTestId('map');
	await expect(map).toHaveAttribute('data-chapter', chapter.id);
	expect(idList(await map.getAttribute('data-places')), `places emphasised in ${chapter.id}`).toEqual([...chapter.map.places].sort());
	expect(idList(await map.getAttribute('data-routes')), `routes drawn in ${chapter.id}`).toEqual([...chapter.map.routes].sort());
	const { lon, lat, zoom } = parseCamera(camera);
	const declared = chapter.map.camera;
	if (declared) {
		const [east, north] = declared.center;
		const offset = eastOf(lon, east);
		expect(Math.min(offset, 360 - offset), `${chapter.id}: the camera's longitude is the chapter's (${camera})`).toBeLessThanOrEqual(ROUNDING);
		expect(lat, `${chapter.id}: the camera's latitude is the chapter's`).toBeCloseTo(north, 2);
		expect(zoom, `${chapter.id}: the camera's zoom is the chapter's`).toBeCloseTo(declared.zoom, 2);
	} else if (chapter.map.bounds) {
		// What the chapter frames lies within a map-sized box around the camera's centre (whether the map reports the
		// centre of the whole map or of the part beside the text, which lies within it).
		const view = frameInView({ lon, lat, zoom }, chapter.map.bounds, (await map.boundingBox())!);
		expect(view.inView, `${chapter.id}: all it frames, [${chapter.map.bounds.join(', ')}], is in view (camera ${camera}; px ${JSON.stringify(view)})`).toBe(true);
	}
	if (!declared && chapter.map.maxZoom !== undefined)
		expect(zoom, `${chapter.id}: the framing zooms no closer than max-zoom`).toBeLessThanOrEqual(chapter.map.maxZoom + ROUNDING);
}

/** No WebGL at all: every `getContext('webgl…')` gives null, as in a browser without it. */
export async function withoutWebGL(page: Page) {
	await page.addInitScript(() => {
		const original = HTMLCanvasElement.prototype.getContext;
		HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
			if (/webgl/i.test(type)) return null;
			return (original as (...args: unknown[]) => RenderingContext | null).call(this, type, ...rest);
		} as typeof original;
	});
}
