/**
 * One map measurement in Debian's Chromium (software WebGL): a page is opened with the map probe (./probe.js) and a
 * trace running; the opening view is measured from the map's creation to its first `idle` on the view the page shows
 * (an `idle` followed by a second of stillness: a step applied after `load` belongs to the opening), then each
 * chapter change that `driver` makes, from the change to the map's `idle` after it. For each phase:
 *
 * - frames: `render` events in the phase; those after the camera stopped (the last `moveend`, or the change itself
 *   when the camera did not move); and those in the WATCH_MS after `idle` (an idle map renders nothing);
 * - label candidates and labels placed: symbol instances MapLibre's placement considered in the view, and those it
 *   showed (falls back to the rendered features of the symbol layers);
 * - requests started in the phase and their bytes on the wire, with the map's data files (found from the style the
 *   page gave MapLibre, whatever their names) apart, and whether each was compressed;
 * - main-thread work from the trace (./trace.js).
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { installMapProbe } from './probe.js';
import { TRACE_CATEGORIES, attributeTrace } from './trace.js';

export const VIEWPORT = { width: 1280, height: 720 };
/** How long an idle map is watched for frames it should not draw. */
const WATCH_MS = 2000;
const OPENING_TIMEOUT_MS = 120_000;
/** The opening view is reached at the first `idle` after which the map stays still this long. */
const OPENING_QUIET_MS = 1000;
const PHASE_TIMEOUT_MS = 60_000;

/**
 * @typedef {{ name: string, start: number, end: number, frames: number, framesAfterCameraStopped: number,
 *   framesWhileIdle: number, cameraMoved: boolean, ms: number, labels: { candidates: number, placed: number },
 *   camera: Camera, flightMs: number, requests: RequestSummary, work?: import('./trace.js').PhaseWork, timedOut?: boolean }} Phase
 * @typedef {{ center: [number, number], zoom: number, bearing: number, pitch: number }} Camera
 * @typedef {{ count: number, bytes: number, files: string[], mapData: { count: number, bytes: number, uncompressed: string[], files: string[] } }} RequestSummary
 * @typedef {{ url: string, resourceType: string, start: number, bytes: number, encoding?: string, contentType?: string }} LoggedRequest
 */

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {{ url: string, driver: import('./drivers.js').Driver, maxChapters?: number,
 *   isMapLibrary: (url: string) => boolean, tracePath?: string, log?: (line: string) => void }} options
 */
export async function measureMap(browser, { url, driver, maxChapters = Infinity, isMapLibrary, tracePath, log = () => {} }) {
	const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
	const page = await context.newPage();
	const errors = /** @type {string[]} */ ([]);
	page.on('pageerror', (error) => errors.push(error.message));
	page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
	const pending = /** @type {Promise<LoggedRequest | undefined>[]} */ ([]);
	page.on('requestfinished', (request) => pending.push(logRequest(request)));
	await page.addInitScript(installMapProbe);
	await browser.startTracing(page, { categories: TRACE_CATEGORIES });
	let traceStopped = false;
	const stopTrace = async () => {
		traceStopped = true;
		return browser.stopTracing();
	};
	try {
		await page.goto(url, { waitUntil: 'domcontentloaded' });
		const mapCreated = await page
			.waitForFunction(() => window.__benchMaps?.records.length > 0, null, { timeout: OPENING_TIMEOUT_MS })
			.then(() => true)
			.catch(() => false);
		const created = mapCreated ? await page.evaluate(() => window.__benchMaps.records[0].created) : 0;
		const firstIdle = mapCreated ? await waitForSettled(page, created, { quietMs: OPENING_QUIET_MS, timeout: OPENING_TIMEOUT_MS }) : undefined;
		if (firstIdle === undefined) {
			const status = await page.locator('[data-testid="map"]').getAttribute('data-status').catch(() => null);
			throw new Error(
				`${url}: the map ${mapCreated ? 'did not settle' : 'was not created'} within ${OPENING_TIMEOUT_MS / 1000} s (status ${status}; ${errors.join('; ') || 'no page errors'})`
			);
		}
		const timeOrigin = await page.evaluate(() => performance.timeOrigin);
		/** @type {Omit<Phase, 'requests'>[]} */
		const phases = [await settlePhase(page, 'opening', created, firstIdle)];
		log(`opening: ${phases[0].frames} frames, ${Math.round(phases[0].ms)} ms`);

		for (let index = 1; index <= maxChapters; index++) {
			const start = await page.evaluate(() => window.__benchMaps.now());
			const chapter = await driver.next(page);
			if (chapter === undefined) break;
			const idle = await waitForSettled(page, start);
			const phase = await settlePhase(page, `→ ${chapter}`, start, idle ?? (await page.evaluate(() => window.__benchMaps.now())));
			if (idle === undefined) phase.timedOut = true;
			phases.push(phase);
			log(`${phase.name}: ${phase.frames} frames (${phase.framesAfterCameraStopped} after the camera stopped, ${phase.framesWhileIdle} while idle)`);
		}
		const style = await page.evaluate(() => window.__benchMaps.records[0].style);
		const trace = JSON.parse((await stopTrace()).toString('utf8'));
		if (tracePath) writeFileSync(tracePath, gzipSync(JSON.stringify(trace)));
		const work = attributeTrace(trace, phases.map((p) => ({ name: p.name, start: p.start, end: p.end + WATCH_MS })), isMapLibrary);
		const requests = (await Promise.all(pending)).filter((r) => r !== undefined);
		const dataUrls = styleDataUrls(style, url);
		const result = phases.map((phase, i) => ({
			...phase,
			work: work[phase.name],
			requests: summarise(
				requests.filter((r) => (i === 0 ? r.start < phase.end + WATCH_MS : r.start >= phase.start && r.start < phase.end + WATCH_MS)),
				dataUrls
			)
		}));
		return { url, createdAfterNavigationMs: Math.round(created - timeOrigin), phases: result, style, dataUrls, errors };
	} finally {
		if (!traceStopped) await stopTrace().catch(() => undefined);
		await context.close();
	}
}

/**
 * Waits until the map has gone idle after `since` with the camera at rest and stayed so for `quietMs` (no frame, no
 * camera move): the time of that `idle`, or undefined on timeout. On the opening view MapLibre's first `idle` can come
 * at `load`, before the page applies its step; the quiet period waits for the view the page means to show.
 */
async function waitForSettled(page, since, { quietMs = 0, timeout = PHASE_TIMEOUT_MS } = {}) {
	const handle = await page
		.waitForFunction(
			({ since, quietMs }) => {
				const now = window.__benchMaps.now();
				// At least a moment after the change, so a camera move that is about to start is not missed.
				if (now - since < 500) return false;
				const events = window.__benchMaps.records[0].events.filter((e) => e.t > since);
				const lastMoveEnd = events.findLast((e) => e.type === 'moveend')?.t ?? since;
				const lastMoveStart = events.findLast((e) => e.type === 'movestart')?.t ?? since;
				const settled = events.find(
					(idle) =>
						idle.type === 'idle' &&
						idle.t >= lastMoveEnd &&
						idle.t >= lastMoveStart &&
						now - idle.t >= quietMs &&
						!events.some((e) => (e.type === 'render' || e.type === 'movestart') && e.t > idle.t && e.t <= idle.t + quietMs)
				);
				return settled ? settled.t : false;
			},
			{ since, quietMs },
			{ timeout, polling: 100 }
		)
		.catch(() => undefined);
	return handle ? /** @type {number} */ (await handle.jsonValue()) : undefined;
}

/** Counts the phase's frames, watches the idle map for WATCH_MS, and reads labels and camera. */
async function settlePhase(page, name, start, end) {
	await page.waitForTimeout(WATCH_MS);
	const state = await page.evaluate(
		({ start, end, watch }) => {
			const map = window.__benchMaps.maps[0];
			const events = window.__benchMaps.records[0].events;
			const inPhase = events.filter((e) => e.t >= start && e.t <= end);
			const moves = inPhase.filter((e) => e.type === 'movestart' || e.type === 'moveend');
			const cameraStopped = inPhase.findLast((e) => e.type === 'moveend')?.t ?? start;
			const firstMove = inPhase.find((e) => e.type === 'movestart')?.t;
			const renders = (from, to) => events.filter((e) => e.type === 'render' && e.t > from && e.t <= to).length;
			const placements = Object.values(map.style?.placement?.placements ?? {});
			const symbolLayers = (map.getStyle()?.layers ?? []).filter((l) => l.type === 'symbol').map((l) => l.id);
			const placed = placements.length
				? placements.filter((p) => p.text || p.icon).length
				: symbolLayers.length
					? map.queryRenderedFeatures({ layers: symbolLayers }).length
					: 0;
			const center = map.getCenter();
			return {
				frames: renders(start - 1, end),
				framesAfterCameraStopped: renders(cameraStopped, end),
				framesWhileIdle: renders(end, end + watch),
				cameraMoved: moves.length > 0,
				flightMs: firstMove === undefined ? 0 : cameraStopped - firstMove,
				labels: { candidates: placements.length, placed },
				camera: { center: [center.lng, center.lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() }
			};
		},
		{ start, end, watch: WATCH_MS }
	);
	return { name, start, end, ms: end - start, ...state };
}

/** @param {import('@playwright/test').Request} request @returns {Promise<LoggedRequest | undefined>} */
async function logRequest(request) {
	try {
		const response = await request.response();
		const sizes = await request.sizes();
		const headers = response ? await response.allHeaders() : {};
		return {
			url: request.url(),
			resourceType: request.resourceType(),
			start: request.timing().startTime,
			bytes: sizes.responseBodySize + sizes.responseHeadersSize,
			encoding: headers['content-encoding'],
			contentType: headers['content-type']
		};
	} catch {
		return undefined;
	}
}

/**
 * The data files a style loads: GeoJSON sources given by URL, and the TileJSON, tile and PMTiles addresses of vector
 * and raster sources (tile templates as prefixes up to their first `{`).
 * @returns {{ url: string, prefix: boolean, source: string }[]}
 */
export function styleDataUrls(style, pageUrl) {
	if (!style || typeof style !== 'object') return [];
	const out = [];
	for (const [id, source] of Object.entries(/** @type {any} */ (style).sources ?? {})) {
		const add = (address, prefix = false) => {
			if (typeof address !== 'string') return;
			const bare = address.replace(/^pmtiles:\/\//, '');
			const cut = prefix ? bare.slice(0, bare.indexOf('{') < 0 ? undefined : bare.indexOf('{')) : bare;
			try {
				out.push({ url: new URL(cut, pageUrl).href, prefix, source: id });
			} catch {
				// not a URL (inline data)
			}
		};
		if (source.type === 'geojson') add(source.data);
		add(source.url);
		for (const tile of source.tiles ?? []) add(tile, true);
	}
	return out;
}

/** @param {LoggedRequest[]} requests @param {ReturnType<typeof styleDataUrls>} dataUrls @returns {RequestSummary} */
function summarise(requests, dataUrls) {
	const isMapData = (url) => {
		const bare = url.split('#')[0].split('?')[0];
		return dataUrls.some((d) => (d.prefix ? bare.startsWith(d.url) : bare === d.url.split('?')[0]));
	};
	const mapData = requests.filter((r) => isMapData(r.url));
	return {
		count: requests.length,
		bytes: requests.reduce((sum, r) => sum + r.bytes, 0),
		files: requests.filter((r) => !isMapData(r.url)).map((r) => new URL(r.url).pathname),
		mapData: {
			count: mapData.length,
			bytes: mapData.reduce((sum, r) => sum + r.bytes, 0),
			files: mapData.map((r) => new URL(r.url).pathname.replace(/^.*\//, '')),
			// Text sent as is: a CDN would have compressed it.
			uncompressed: mapData.filter((r) => !r.encoding && !/protobuf|octet-stream|pmtiles/.test(r.contentType ?? '')).map((r) => new URL(r.url).pathname)
		}
	};
}
