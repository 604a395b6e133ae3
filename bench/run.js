#!/usr/bin/env node
/**
 * `npm run bench`: builds the site (skip with --no-build), serves build/ with `vite preview` on a free port, runs
 * Lighthouse (mobile preset) several times on each page and prints the medians, the gzip weight of what the page loads
 * (before the map library / the map library / the basemap data) and PASS/OVER for each budget.
 * Writes bench/results/latest.json. Exits 0 whatever the budgets say (they are reported, not asserted); non-zero only
 * when the bench itself cannot run.
 *
 *   node bench/run.js [--no-build] [--runs 3] [--page scroll] [--soak 500]
 *
 * Then the kiosk soak (soak/kiosk.js): /kiosk/ played for --soak transitions at a 0.2 s dwell (0 skips it).
 *
 * Layout: pages/ (one module per page measured; pages/index.js lists them), budgets.js (limits), lib/server.js (serves
 * build/), lib/lighthouse.js (one Lighthouse run), lib/assets.js (what the build and the page weigh). A soak or other
 * suites go in their own modules beside these.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BUDGETS, judge } from './budgets.js';
import { readBuild, weigh } from './lib/assets.js';
import { CATEGORIES, CHROME_PATH, runLighthouse } from './lib/lighthouse.js';
import { serveBuild } from './lib/server.js';
import { kb, median, ms } from './lib/stats.js';
import { PAGES } from './pages/index.js';
import { printKioskSoak, runKioskSoak } from './soak/kiosk.js';
import { staticMapWeight } from '../src/lib/static-map/weight.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILD = fileURLToPath(new URL('../build', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results', import.meta.url));

const { values: args } = parseArgs({
	options: {
		'no-build': { type: 'boolean', default: false },
		runs: { type: 'string', default: '3' },
		page: { type: 'string', multiple: true },
		soak: { type: 'string', default: '500' }
	}
});
const runs = Math.max(1, Number(args.runs) || 3);
const pages = args.page?.length ? PAGES.filter((p) => args.page?.includes(p.name)) : PAGES;
if (!pages.length) {
	console.error(`No such page: ${args.page?.join(', ')}. Pages: ${PAGES.map((p) => p.name).join(', ')}`);
	process.exit(2);
}

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

async function benchPage(page, origin, files) {
	const url = new URL(page.path, origin).href;
	const results = [];
	for (let i = 1; i <= runs; i++) {
		process.stdout.write(`  ${page.name}: Lighthouse run ${i}/${runs}… `);
		const started = Date.now();
		const result = await runLighthouse(url);
		const bytes = weigh(result.requests, origin, files);
		results.push({ ...result, bytes });
		console.log(
			`perf ${result.scores.performance}, LCP ${ms(result.metrics.lcpMs)} (${((Date.now() - started) / 1000).toFixed(0)} s)`
		);
	}
	const pick = (fn) => median(results.map(fn));
	const medians = {
		scores: Object.fromEntries(CATEGORIES.map((id) => [id, pick((r) => r.scores[id])])),
		metrics: Object.fromEntries(Object.keys(results[0].metrics).map((key) => [key, pick((r) => r.metrics[key])])),
		bytes: Object.fromEntries(
			['beforeMapGzip', 'mapLibraryGzip', 'basemapGzip', 'fontsGzip', 'otherGzip'].map((key) => [key, pick((r) => r.bytes[key])])
		)
	};
	const budgets = judge(
		medians,
		BUDGETS.filter((b) => page.budgets.includes(b.id))
	);
	const last = results[results.length - 1];
	return {
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

function print(name, result) {
	const { scores, metrics, bytes } = result.medians;
	console.log(`\n${name} (${result.url}) — medians of ${runs} run(s)`);
	console.log(`  scores       ${CATEGORIES.map((id) => `${id} ${scores[id] ?? '—'}`).join(' · ')}`);
	console.log(`  FCP ${ms(metrics.fcpMs)} · LCP ${ms(metrics.lcpMs)} · TBT ${ms(metrics.tbtMs)} · CLS ${metrics.cls?.toFixed(3) ?? '—'} · total ${kb(metrics.totalBytes)} (transfer)`);
	console.log(`  gzip         before map ${kb(bytes.beforeMapGzip)} · map library ${kb(bytes.mapLibraryGzip)} · basemap ${kb(bytes.basemapGzip)} · fonts ${kb(bytes.fontsGzip)}`);
	for (const [group, list] of Object.entries(result.files)) {
		if (!list.length) continue;
		const items = list.map((f) => (typeof f === 'string' ? f : `${f.path} ${kb(f.gzip)}`));
		console.log(`    ${group}: ${items.join(', ')}`);
	}
	console.log('  budgets');
	for (const b of result.budgets) {
		const show = (v) => (v === undefined ? '—' : b.unit === 'B' ? kb(v) : b.unit === 'ms' ? ms(v) : String(v));
		console.log(`    ${b.verdict.padEnd(4)} ${b.label}: ${show(b.value)} (${b.comparison} ${show(b.limit)})`);
	}
	const diagnostics = /** @type {any} */ (result.diagnostics ?? {});
	if (diagnostics.lcpElement) console.log(`  LCP element  ${diagnostics.lcpElement}`);
	if (diagnostics.longTasks?.length)
		console.log(`  long tasks   ${diagnostics.longTasks.map((t) => `${t.durationMs} ms @${t.startMs} ${t.url?.replace(/^.*\//, '') || '(page)'}`).join(' · ')}`);
	if (diagnostics.mainThread?.length)
		console.log(`  main thread  ${diagnostics.mainThread.map((t) => `${t.group} ${t.ms} ms`).join(' · ')}`);
	for (const [category, audits] of Object.entries(result.failingAudits ?? {}))
		if (audits.length && category !== 'performance') console.log(`  ${category} below 100: ${audits.join(', ')}`);
	if (result.files.foreign?.length) console.log(`  REQUESTS TO OTHER HOSTS: ${result.files.foreign.join(', ')}`);
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
	if (!args['no-build']) build();
	const files = readBuild(BUILD);
	const server = await serveBuild();
	const report = {
		...describeEnvironment(),
		runs,
		staticMaps: staticMaps(),
		pages: /** @type {Record<string, unknown>} */ ({}),
		soak: /** @type {unknown} */ (undefined)
	};
	try {
		console.log(`Serving build/ at ${server.origin}`);
		for (const page of pages) {
			const result = await benchPage(page, server.origin, files);
			report.pages[page.name] = result;
			print(page.name, result);
		}
		const soakTransitions = Number(args.soak) || 0;
		if (soakTransitions > 0) {
			report.soak = await runKioskSoak({ origin: server.origin, transitions: soakTransitions });
			printKioskSoak(report.soak);
		}
	} finally {
		await server.stop();
	}
	mkdirSync(RESULTS, { recursive: true });
	writeFileSync(`${RESULTS}/latest.json`, JSON.stringify(report, null, 2) + '\n');
	console.log(`\nWrote bench/results/latest.json`);
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error instanceof Error ? error.stack : error);
		process.exit(1);
	}
);
