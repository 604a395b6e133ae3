/**
 * What the bench prints: every figure with its budget, and the floor page's figure beside ours with the ratio.
 */
import { CATEGORIES } from './lighthouse.js';
import { kb, ms } from './stats.js';

const ratio = (ours, floor) => (typeof ours === 'number' && typeof floor === 'number' && floor > 0 ? ` ×${(ours / floor).toFixed(1)}` : '');
const vs = (ours, floor, show = String) => (floor === undefined ? show(ours) : `${show(ours)} (floor ${show(floor)}${ratio(ours, floor)})`);
/** A small fraction (a CLS) with enough digits to show it is not 0. */
const fraction = (v) => (v !== 0 && Math.abs(v) < 0.001 ? v.toPrecision(2) : v.toFixed(3));
const sum = (phases, read) => phases.reduce((total, p) => total + (read(p) ?? 0), 0);

function printBudgets(budgets) {
	console.log('  budgets');
	for (const b of budgets) {
		const show = (v) =>
			v === undefined ? '—' : b.unit === 'B' ? kb(v) : b.unit === 'ms' ? ms(v) : typeof v === 'number' && !Number.isInteger(v) ? fraction(v) : String(v);
		console.log(`    ${b.verdict.padEnd(4)} ${b.label}: ${show(b.value)} (${b.comparison} ${show(b.limit)})`);
	}
}

/** One edition's map: opening view, chapter changes in total and one line each, with the floor beside. */
export function printMap(result) {
	const ours = result.ours.phases;
	const floor = result.floor?.phases;
	console.log(`\nMap ${result.url} — 1280×720, software WebGL; the map created ${ms(result.ours.createdAfterNavigationMs)} after navigation`);
	if (!floor) console.log(`  (no floor page: ${result.floorUnsupported})`);
	const line = (label, o, f) => {
		const read = (p, fn) => (p ? fn(p) : undefined);
		const fig = (fn, show) => vs(read(o, fn), read(f, fn), show);
		console.log(`  ${label}`);
		console.log(`    frames ${fig((p) => p.frames)} · after the camera stopped ${fig((p) => p.framesAfterCameraStopped)} · while idle ${fig((p) => p.framesWhileIdle)} · ${fig((p) => p.ms, ms)} to idle`);
		console.log(`    labels: ${o.labels.candidates} candidates, ${o.labels.placed} placed · requests ${fig((p) => p.requests.count)}, ${fig((p) => p.requests.bytes, kb)} · basemap ${fig((p) => p.requests.mapData.count)} files, ${fig((p) => p.requests.mapData.bytes, kb)}`);
		if (o.work)
			console.log(
				`    main thread ${fig((p) => p.work?.mainThreadMs, ms)}: MapLibre scripting ${fig((p) => p.work?.mapLibraryScriptingMs, ms)} · style/layout ${fig((p) => p.work?.styleLayoutMs, ms)} · GPU waits ${fig((p) => p.work?.gpuWaitMs, ms)} (${o.work.readbacks} canvas readbacks) · other scripting ${ms(o.work.otherScriptingMs)}`
			);
	};
	line('opening view (creation → first idle on the view the page shows)', ours[0], floor?.[0]);
	const chapters = ours.slice(1);
	if (chapters.length) {
		const total = (phases) =>
			phases && {
				frames: sum(phases, (p) => p.frames),
				framesAfterCameraStopped: sum(phases, (p) => p.framesAfterCameraStopped),
				framesWhileIdle: sum(phases, (p) => p.framesWhileIdle),
				ms: sum(phases, (p) => p.ms),
				labels: { candidates: Math.max(...phases.map((p) => p.labels.candidates)), placed: Math.max(...phases.map((p) => p.labels.placed)) },
				requests: {
					count: sum(phases, (p) => p.requests.count),
					bytes: sum(phases, (p) => p.requests.bytes),
					mapData: { count: sum(phases, (p) => p.requests.mapData.count), bytes: sum(phases, (p) => p.requests.mapData.bytes) }
				},
				work: {
					mainThreadMs: sum(phases, (p) => p.work?.mainThreadMs),
					mapLibraryScriptingMs: sum(phases, (p) => p.work?.mapLibraryScriptingMs),
					styleLayoutMs: sum(phases, (p) => p.work?.styleLayoutMs),
					gpuWaitMs: sum(phases, (p) => p.work?.gpuWaitMs),
					otherScriptingMs: sum(phases, (p) => p.work?.otherScriptingMs),
					readbacks: sum(phases, (p) => p.work?.readbacks)
				}
			};
		line(`${chapters.length} chapter changes, in total (labels: the most in one view)`, total(chapters), total(floor?.slice(1)));
		console.log('  each chapter change: frames (after the camera stopped, while idle) · labels placed/candidates · main thread');
		for (const [i, p] of chapters.entries()) {
			const f = floor?.[i + 1];
			console.log(
				`    ${p.name.padEnd(28)} ${String(p.frames).padStart(3)} (${p.framesAfterCameraStopped}, ${p.framesWhileIdle})${f ? ` floor ${f.frames}` : ''} · ${p.labels.placed}/${p.labels.candidates} · ${ms(p.work?.mainThreadMs)}${f ? ` floor ${ms(f.work?.mainThreadMs)}` : ''}${p.timedOut ? ' · TIMED OUT' : ''}`
			);
		}
	}
	printBudgets(result.budgets);
	if (result.ours.errors.length) console.log(`  page errors: ${result.ours.errors.slice(0, 5).join(' | ')}`);
}

/** One page's Lighthouse medians, with the floor page's beside where there is one. */
export function printLighthouse(result, runs, floor) {
	const { scores, metrics, bytes } = result.medians;
	const f = result.kind === 'floor' ? undefined : floor;
	console.log(`\n${result.name} (${result.url}) — Lighthouse mobile, medians of ${runs} run(s)${f ? '; floor page beside' : ''}`);
	console.log(`  scores       ${CATEGORIES.map((id) => `${id} ${scores[id] ?? '—'}`).join(' · ')}${f ? ` (floor performance ${f.scores.performance})` : ''}`);
	console.log(
		`  FCP ${vs(metrics.fcpMs, f?.metrics.fcpMs, ms)} · LCP ${vs(metrics.lcpMs, f?.metrics.lcpMs, ms)} · TBT ${vs(metrics.tbtMs, f?.metrics.tbtMs, ms)} · CLS ${metrics.cls === undefined ? '—' : fraction(metrics.cls)} · total ${kb(metrics.totalBytes)} (transfer)`
	);
	console.log(`  gzip         before map ${kb(bytes.beforeMapGzip)} · map library ${kb(bytes.mapLibraryGzip)} · map data ${kb(bytes.basemapGzip)} · fonts ${kb(bytes.fontsGzip)}`);
	for (const [group, list] of Object.entries(result.files)) {
		if (!list.length) continue;
		const items = list.map((file) => (typeof file === 'string' ? file : `${file.path} ${kb(file.gzip)}`));
		console.log(`    ${group}: ${items.join(', ')}`);
	}
	if (result.budgets.length) printBudgets(result.budgets);
	const diagnostics = result.diagnostics ?? {};
	if (diagnostics.lcpElement) console.log(`  LCP element  ${diagnostics.lcpElement}`);
	if (diagnostics.longTasks?.length)
		console.log(`  long tasks   ${diagnostics.longTasks.map((t) => `${t.durationMs} ms @${t.startMs} ${t.url?.replace(/^.*\//, '') || '(page)'}`).join(' · ')}`);
	if (diagnostics.mainThread?.length) console.log(`  main thread  ${diagnostics.mainThread.map((t) => `${t.group} ${t.ms} ms`).join(' · ')}`);
	for (const [category, audits] of Object.entries(result.failingAudits ?? {}))
		if (audits.length && category !== 'performance') console.log(`  ${category} below 100: ${audits.join(', ')}`);
	if (result.files.foreign?.length) console.log(`  REQUESTS TO OTHER HOSTS: ${result.files.foreign.join(', ')}`);
}
