#!/usr/bin/env node
/**
 * The kiosk soak: a kiosk page (`<lang>/<story>/kiosk/?dwell=SECONDS`) left to play at a short dwell for at least `transitions` screen changes
 * (default 500 at 0.2 s; the kiosk takes sub-second dwells for exactly this), in Debian's Chromium with SwiftShader.
 * A kiosk runs for days, so what matters is that nothing grows from one loop to the next:
 *
 * - JS heap in use, after a forced garbage collection, at the start of the second loop and at the start of the last
 *   one (budget: grows less than 10 MB);
 * - canvases in the page and WebGL contexts ever created (budget: the same at the last loop as at the first: one
 *   canvas, no new context);
 * - event listeners on window and document (the same);
 * - console errors and page errors (none), and stalls (no screen change for STALL_MS).
 *
 * Run by `npm run bench` (bench/run.js) after the Lighthouse pages, or alone against a running site or build/:
 *
 *   node bench/soak/kiosk.js [--origin http://localhost:4173] [--path /<lang>/<story>/kiosk/] [--transitions 500] [--dwell 0.2]
 *
 * Without --path, the first edition the built index links to.
 */
import { chromium } from '@playwright/test';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { CHROME_PATH } from '../lib/lighthouse.js';

export const HEAP_GROWTH_BUDGET = 10 * 1024 * 1024;
const STALL_MS = 30_000;
const VIEWPORT = { width: 1280, height: 720 };

/** Counts every screen change and every WebGL context the page creates; runs before the page's own scripts. */
function instrument() {
	const contexts = new WeakSet();
	const probe = { transitions: 0, contextsCreated: 0, lastChange: performance.now() };
	Object.assign(window, { __soak: probe });
	const getContext = HTMLCanvasElement.prototype.getContext;
	HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
		const context = getContext.call(this, type, ...rest);
		if (context && /webgl/.test(String(type)) && !contexts.has(context)) {
			contexts.add(context);
			probe.contextsCreated++;
		}
		return context;
	};
	let last = '';
	const observe = () =>
		new MutationObserver(() => {
			const kiosk = document.querySelector('[data-testid="kiosk"]');
			if (!kiosk) return;
			const screen = `${kiosk.getAttribute('data-screen')}:${kiosk.getAttribute('data-chapter') ?? ''}`;
			if (screen === last) return;
			if (last) probe.transitions++;
			last = screen;
			probe.lastChange = performance.now();
		}).observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ['data-screen', 'data-chapter'] });
	if (document.documentElement) observe();
	else document.addEventListener('DOMContentLoaded', observe, { once: true });
}

/** One sample of what must not grow. */
async function sample(page, cdp) {
	await cdp.send('HeapProfiler.collectGarbage');
	const { usedSize } = await cdp.send('Runtime.getHeapUsage');
	const listeners = {};
	for (const target of ['window', 'document']) {
		const { result } = await cdp.send('Runtime.evaluate', { expression: target });
		const { listeners: found } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
		listeners[target] = found.length;
		await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
	}
	const inPage = await page.evaluate(() => ({
		loops: Number(document.querySelector('[data-testid="kiosk"]')?.getAttribute('data-loops')),
		transitions: window.__soak.transitions,
		canvases: document.querySelectorAll('canvas').length,
		contextsCreated: window.__soak.contextsCreated,
		mapStatus: document.querySelector('[data-testid="map"]')?.getAttribute('data-status')
	}));
	return { ...inPage, heapBytes: usedSize, listeners };
}

/**
 * @param {{ origin: string, path: string, transitions?: number, dwell?: number, log?: (line: string) => void }} options
 */
export async function runKioskSoak({ origin, path, transitions = 500, dwell = 0.2, log = console.log }) {
	const browser = await chromium.launch({
		executablePath: CHROME_PATH,
		args: ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--no-first-run', '--disable-background-networking']
	});
	const errors = [];
	const started = Date.now();
	try {
		const context = await browser.newContext({ viewport: VIEWPORT });
		const page = await context.newPage();
		page.on('console', (message) => message.type() === 'error' && errors.push(`console.error: ${message.text()}`));
		page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
		await page.addInitScript(instrument);
		const cdp = await context.newCDPSession(page);
		await page.goto(new URL(`${path}?dwell=${dwell}`, origin).href);
		await page.waitForFunction(() => document.querySelector('[data-testid="map"]')?.getAttribute('data-status') === 'ready', null, {
			timeout: 60_000
		});

		const probe = () => page.evaluate(() => ({ ...window.__soak, now: performance.now(), loops: Number(document.querySelector('[data-testid="kiosk"]')?.getAttribute('data-loops')) }));
		const waitForLoop = async (loops) => {
			for (;;) {
				const now = await probe();
				if (now.loops >= loops) return now;
				if (now.now - now.lastChange > STALL_MS) throw new Error(`stalled: no screen change for ${STALL_MS / 1000} s at loop ${now.loops}`);
				await page.waitForTimeout(250);
			}
		};

		// The first loop warms up (map library, worker, basemap); measuring starts with the second.
		const first = await waitForLoop(2).then(() => sample(page, cdp));
		log(`  kiosk soak: loop ${first.loops} started, heap ${mb(first.heapBytes)}; playing ${transitions} transitions at ${dwell} s…`);
		let last = first;
		let stallError;
		for (;;) {
			const now = await probe();
			if (now.now - now.lastChange > STALL_MS) {
				stallError = `stalled: no screen change for ${STALL_MS / 1000} s after ${now.transitions} transitions`;
				break;
			}
			if (now.transitions - first.transitions >= transitions) {
				// Measure at the start of the loop after the last transition counted, as at the first sample.
				last = await waitForLoop(now.loops + 1).then(() => sample(page, cdp));
				break;
			}
			await page.waitForTimeout(1000);
		}
		if (stallError) errors.push(stallError);
		const growth = last.heapBytes - first.heapBytes;
		return {
			url: `${path}?dwell=${dwell}`,
			viewport: VIEWPORT,
			durationS: Math.round((Date.now() - started) / 1000),
			transitions: last.transitions - first.transitions,
			loops: last.loops - first.loops,
			first,
			last,
			heapGrowthBytes: growth,
			errors,
			budgets: [
				verdict('JS heap growth, first loop to last', growth < HEAP_GROWTH_BUDGET, `${mb(growth)} (< ${mb(HEAP_GROWTH_BUDGET)})`),
				verdict('Canvases', last.canvases === first.canvases && last.canvases === 1, `${first.canvases} → ${last.canvases} (1, constant)`),
				verdict('WebGL contexts created', last.contextsCreated === first.contextsCreated, `${first.contextsCreated} → ${last.contextsCreated} (constant)`),
				verdict(
					'Listeners on window / document',
					last.listeners.window === first.listeners.window && last.listeners.document === first.listeners.document,
					`${first.listeners.window}/${first.listeners.document} → ${last.listeners.window}/${last.listeners.document} (constant)`
				),
				verdict('Errors', errors.length === 0, String(errors.length)),
				verdict('Transitions played', last.transitions - first.transitions >= transitions, `${last.transitions - first.transitions} (≥ ${transitions})`)
			]
		};
	} finally {
		await browser.close();
	}
}

function verdict(label, pass, value) {
	return { label, verdict: pass ? 'PASS' : 'OVER', value };
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

export function printKioskSoak(result) {
	console.log(`\nkiosk soak (${result.url}, ${result.viewport.width}×${result.viewport.height}) — ${result.transitions} transitions, ${result.loops} loops, ${result.durationS} s`);
	console.log(`  heap         ${mb(result.first.heapBytes)} at loop ${result.first.loops} → ${mb(result.last.heapBytes)} at loop ${result.last.loops}`);
	console.log(`  map          ${result.last.mapStatus}; canvases ${result.last.canvases}; WebGL contexts created ${result.last.contextsCreated}`);
	console.log('  budgets');
	for (const b of result.budgets) console.log(`    ${b.verdict.padEnd(4)} ${b.label}: ${b.value}`);
	for (const error of result.errors.slice(0, 10)) console.log(`  ERROR ${error}`);
}

// Run alone: serve build/ (or use --origin) and soak.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const { values } = parseArgs({
		options: {
			origin: { type: 'string' },
			path: { type: 'string' },
			transitions: { type: 'string', default: '500' },
			dwell: { type: 'string', default: '0.2' }
		}
	});
	const { serveBuild } = await import('../lib/server.js');
	const { findEditions } = await import('../lib/editions.js');
	const path = values.path ?? findEditions(fileURLToPath(new URL('../../build', import.meta.url)))[0].kiosk;
	const server = values.origin ? undefined : await serveBuild();
	try {
		const result = await runKioskSoak({
			origin: values.origin ?? server.origin,
			path,
			transitions: Number(values.transitions),
			dwell: Number(values.dwell)
		});
		printKioskSoak(result);
	} finally {
		await server?.stop();
	}
}
