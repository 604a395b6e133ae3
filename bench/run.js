#!/usr/bin/env node
/**
 * `npm run bench`: builds the site (skip with --no-build), serves build/ as `npm start` does (compressed), and measures:
 *
 * 1. The map (bench/map/): on the scroll page of every story edition, from the map's creation to its first `idle` and
 *    through every chapter change: frames, frames after the camera stops and while idle, label candidates and labels
 *    placed, requests and bytes (the basemap apart), main-thread time (MapLibre's scripting, style/layout, GPU waits)
 *    from a trace. Beside it the floor page (bench/map/floor.js): bare MapLibre with the same basemap files and no
 *    labels, measured in the same run, so every figure also reads as a ratio to it.
 * 2. Lighthouse (mobile preset, medians of --runs): the scroll page of every edition; the embed and the kiosk
 *    (`?dwell=` long enough to stay on the first chapter) of each story's first edition; the floor page.
 * 3. The kiosk soak (bench/soak/kiosk.js; --soak 0 skips it).
 *
 * Editions come from the built index page (bench/lib/editions.js); no story is named here. Prints every figure with
 * its budget (bench/budgets.js) and writes bench/results/: latest.json (everything), map-<lang>-<story>.json (phases
 * with trace attribution: longest tasks, scripting by file) and trace-<lang>-<story>[-floor].json.gz (the raw traces,
 * for Chromium's DevTools Performance panel). Exits 0 whatever the budgets say; non-zero only when the bench itself
 * cannot run.
 *
 *   node bench/run.js [--no-build] [--runs 3] [--only map|lighthouse|soak]… [--page scroll|embed|kiosk|floor]…
 *                     [--chapters N] [--soak 500]
 */
import { chromium } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LIGHTHOUSE_BUDGETS, MAP_BUDGETS, PAGE_BUDGETS, judge } from './budgets.js';
import { readBuild, weigh } from './lib/assets.js';
import { findEditions } from './lib/editions.js';
import { CATEGORIES, CHROME_PATH, runLighthouse } from './lib/lighthouse.js';
import { printLighthouse, printMap } from './lib/report.js';
import { serveBuild } from './lib/server.js';
import { median, ms } from './lib/stats.js';
import { floorDriver, buildFloorPage } from './map/floor.js';
import { scrollDriver } from './map/drivers.js';
import { measureMap } from './map/measure.js';
import { printKioskSoak, runKioskSoak } from './soak/kiosk.js';
import { staticMapWeight } from '../src/lib/static-map/weight.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILD = fileURLToPath(new URL('../build', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results', import.meta.url));
/** Long enough that a Lighthouse run of the kiosk sees its first chapter and nothing after it. */
const KIOSK_DWELL_S = 600;

const { values: args } = parseArgs({
	options: {
		'no-build': { type: 'boolean', default: false },
		runs: { type: 'string', default: '3' },
		only: { type: 'string', multiple: true },
		page: { type: 'string', multiple: true },
		chapters: { type: 'string' },
		soak: { type: 'string', default: '500' }
	}
});
const runs = Math.max(1, Number(args.runs) || 3);
const suites = new Set(args.only?.length ? args.only : ['map', 'lighthouse', 'soak']);
const pageKinds = new Set(args.page?.length ? args.page : Object.keys(PAGE_BUDGETS));
const maxChapters = args.chapters === undefined ? Infinity : Math.max(0, Number(args.chapters));

function build() {
	console.log('Building (npm run build)…');
	const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
	if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`);
}

function describeEnvironment() {
	const read = (cmd, argv) => {
		try {
			return execFileSync(cmd, argv, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
		} catch {
			return undefined;
		}
	};
	return {
		date: new Date().toISOString(),
		commit: read('git', ['rev-parse', '--short', 'HEAD']),
		node: process.version,
		chromium: read(CHROME_PATH, ['--version']),
		lighthouse: '12.2.3 (mobile preset, simulated throttling)'
	};
}

/** Lighthouse `runs` times on one page; medians, bytes by group, budgets. */
async function benchPage(page, origin, files, context) {
	const url = new URL(page.path, origin).href;
	const results = [];
	for (let i = 1; i <= runs; i++) {
		process.stdout.write(`  ${page.name}: Lighthouse run ${i}/${runs}… `);
		const started = Date.now();
		const result = await runLighthouse(url);
		results.push({ ...result, bytes: weigh(result.requests, origin, files) });
		console.log(`perf ${result.scores.performance}, TBT ${ms(result.metrics.tbtMs)}, LCP ${ms(result.metrics.lcpMs)} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
	}
	const pick = (fn) => median(results.map(fn));
	const medians = {
		scores: Object.fromEntries(CATEGORIES.map((id) => [id, pick((r) => r.scores[id])])),
		metrics: Object.fromEntries(Object.keys(results[0].metrics).map((key) => [key, pick((r) => r.metrics[key])])),
		bytes: Object.fromEntries(
			['beforeMapGzip', 'mapLibraryGzip', 'basemapGzip', 'fontsGzip', 'otherGzip'].map((key) => [key, pick((r) => r.bytes[key])])
		)
	};
	const budgets = judge(medians, LIGHTHOUSE_BUDGETS.filter((b) => PAGE_BUDGETS[page.kind].includes(b.id)), context);
	const last = results[results.length - 1];
	return {
		name: page.name,
		kind: page.kind,
		url: page.path,
		medians,
		budgets,
		files: last.bytes.files,
		failingAudits: last.failing,
		diagnostics: last.diagnostics,
		warnings: [...new Set(results.flatMap((r) => r.warnings))],
		runs: results.map((r) => ({ scores: r.scores, metrics: r.metrics, bytes: { ...r.bytes, files: undefined } }))
	};
}

/** The map bench for one edition: its scroll page, then the floor page built from what that page loaded. */
async function benchMap(browser, edition, server, isMapLibrary) {
	const key = `${edition.lang}-${edition.story}`;
	const log = (line) => console.log(`  ${key}: ${line}`);
	const ours = await measureMap(browser, {
		url: new URL(edition.scroll, server.origin).href,
		driver: scrollDriver,
		maxChapters,
		isMapLibrary,
		tracePath: `${RESULTS}/trace-${key}.json.gz`,
		log
	});
	const page = await buildFloorPage({ dataUrls: ours.dataUrls, camera: ours.phases[0].camera });
	let floor;
	let floorPath;
	if ('html' in page) {
		floorPath = server.addPage(`floor/${key}/`, page.html);
		floor = await measureMap(browser, {
			url: new URL(floorPath, server.origin).href,
			driver: floorDriver(ours.phases),
			isMapLibrary,
			tracePath: `${RESULTS}/trace-${key}-floor.json.gz`,
			log: (line) => log(`floor ${line}`)
		});
	} else log(`no floor page: ${page.unsupported}`);
	const result = {
		edition: key,
		url: edition.scroll,
		floorPath,
		floorUnsupported: 'unsupported' in page ? page.unsupported : undefined,
		ours: { ...ours, style: undefined },
		floor: floor && { ...floor, style: undefined },
		budgets: judge(ours, MAP_BUDGETS)
	};
	writeFileSync(`${RESULTS}/map-${key}.json`, JSON.stringify(result, null, 2) + '\n');
	return result;
}

/** Budget of one chapter's static map (issue: a picture of every chapter), gzip. */
const STATIC_MAP_BUDGET_GZIP = 60 * 1024;

/** What the static maps and share cards weigh in the build, beside the per-map budget. */
function staticMaps() {
	const weight = staticMapWeight(BUILD);
	const over = weight.maps.filter((m) => m.gzip > STATIC_MAP_BUDGET_GZIP);
	const { totals } = weight;
	console.log(`\nstatic maps — ${weight.maps.length} SVG, ${weight.cards.length} share cards`);
	console.log(`  SVG total ${kb(totals.maps)} · gzip ${kb(totals.mapsGzip)} · largest ${kb(totals.largestMapGzip)} gzip · mean ${kb(totals.mapsGzip / Math.max(1, weight.maps.length))} gzip`);
	console.log(`  share cards (PNG) total ${kb(totals.cards)}`);
	console.log(`  budget`);
	console.log(`    ${over.length ? 'OVER' : 'PASS'} Each static map (gzip): largest ${kb(totals.largestMapGzip)} (≤ ${kb(STATIC_MAP_BUDGET_GZIP)})`);
	for (const map of over) console.log(`      over: ${map.path} ${kb(map.gzip)}`);
	return { ...weight.totals, count: weight.maps.length, cardCount: weight.cards.length, budgetGzip: STATIC_MAP_BUDGET_GZIP, over: over.map((m) => m.path) };
}

async function main() {
	process.chdir(ROOT);
	if (!args['no-build']) build();
	mkdirSync(RESULTS, { recursive: true });
	const files = readBuild(BUILD);
	const editions = findEditions(BUILD);
	const mapLibraryPaths = files.filter((f) => f.kind === 'map-library').map((f) => `/${f.path}`);
	const isMapLibrary = (url) => {
		const path = url.replace(/^[a-z]+:\/\/[^/]+/, '').split('?')[0];
		return path.startsWith('/__bench/maplibre-gl') || mapLibraryPaths.some((p) => path.endsWith(p));
	};
	const server = await serveBuild();
	const report = {
		...describeEnvironment(),
		runs,
		editions,
		map: /** @type {Record<string, unknown>} */ ({}),
		staticMaps: staticMaps(),
		pages: /** @type {Record<string, unknown>} */ ({}),
		soak: /** @type {unknown} */ (undefined)
	};
	try {
		console.log(`Serving build/ at ${server.origin}; editions: ${editions.map((e) => `${e.lang}/${e.story}`).join(', ')}`);
		/** Floor page per story (from its first edition measured). */
		const floors = /** @type {Map<string, string>} */ (new Map());
		if (suites.has('map')) {
			const browser = await chromium.launch({
				executablePath: CHROME_PATH,
				args: ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--no-first-run', '--disable-background-networking']
			});
			try {
				for (const edition of editions) {
					console.log(`\nMap: ${edition.scroll}`);
					// One edition whose map does not settle is reported; the others are still measured.
					const result = await benchMap(browser, edition, server, isMapLibrary).catch((error) => {
						console.log(`  MAP BENCH FAILED: ${error instanceof Error ? error.message : error}`);
						return { edition: `${edition.lang}-${edition.story}`, error: String(error) };
					});
					report.map[result.edition] = result;
					if ('error' in result) continue;
					if (result.floorPath && !floors.has(edition.story)) floors.set(edition.story, result.floorPath);
					printMap(result);
				}
			} finally {
				await browser.close();
			}
		}
		if (suites.has('lighthouse')) {
			const firstOfStory = editions.filter((e, i) => editions.findIndex((o) => o.story === e.story) === i);
			const pages = [
				...[...floors].map(([story, path]) => ({ kind: 'floor', name: `floor ${story}`, path, story })),
				...editions.map((e) => ({ kind: 'scroll', name: `scroll ${e.lang}/${e.story}`, path: e.scroll, story: e.story })),
				...firstOfStory.map((e) => ({ kind: 'embed', name: `embed ${e.lang}/${e.story}`, path: e.embed, story: e.story })),
				...firstOfStory.map((e) => ({ kind: 'kiosk', name: `kiosk ${e.lang}/${e.story}`, path: `${e.kiosk}?dwell=${KIOSK_DWELL_S}`, story: e.story }))
			].filter((p) => pageKinds.has(p.kind));
			console.log('');
			for (const page of pages) {
				const floor = /** @type {any} */ (report.pages[`floor ${page.story}`])?.medians;
				const result = await benchPage(page, server.origin, files, { floor });
				report.pages[page.name] = result;
				printLighthouse(result, runs, floor);
			}
		}
		const soakTransitions = Number(args.soak) || 0;
		if (suites.has('soak') && soakTransitions > 0) {
			report.soak = await runKioskSoak({ origin: server.origin, path: editions[0].kiosk, transitions: soakTransitions });
			printKioskSoak(report.soak);
		}
	} finally {
		await server.stop();
	}
	writeFileSync(`${RESULTS}/latest.json`, JSON.stringify(report, null, 2) + '\n');
	console.log(`\nWrote bench/results/ (latest.json, map-*.json, trace-*.json.gz)`);
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error instanceof Error ? error.stack : error);
		process.exit(1);
	}
);
