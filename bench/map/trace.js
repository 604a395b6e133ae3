/**
 * Where the main thread's time went in each phase of a map measurement, from a Chromium trace, with Lighthouse's own
 * trace model (tasks, their kind and the script they are attributed to):
 *
 * - scripting in MapLibre: script tasks attributed to the map library's files (its rAF frames, event handlers, the
 *   messages from its worker);
 * - style & layout, rendering, other scripting, garbage collection, all main-thread work: the whole page;
 * - GPU waits: time the main thread sat blocked on the GPU process (`CommandBufferProxyImpl::WaitFor…`), which on a
 *   machine with software WebGL is mostly the canvas read back for every frame the map draws (`ReadPixels`).
 *
 * Times are matched to the page's clock by a user-timing mark the probe leaves (`bench-clock:<epoch ms>`).
 */
import { MainThreadTasks } from 'lighthouse/core/lib/tracehouse/main-thread-tasks.js';
import { TraceProcessor } from 'lighthouse/core/lib/tracehouse/trace-processor.js';

/** Lighthouse's categories plus the GPU process's, so waits on it show on the main thread. */
export const TRACE_CATEGORIES = [
	'-*',
	'disabled-by-default-lighthouse',
	'loading',
	'v8',
	'v8.execute',
	'blink.user_timing',
	'devtools.timeline',
	'disabled-by-default-devtools.timeline',
	'disabled-by-default-devtools.timeline.stack',
	'disabled-by-default-devtools.timeline.frame',
	'gpu'
];

const SCRIPT_GROUPS = new Set(['scriptEvaluation', 'scriptParseCompile']);
const GPU_WAIT = /^CommandBufferProxyImpl::WaitFor/;

/**
 * @typedef {{ name: string, start: number, end: number }} Window  epoch ms
 * @typedef {{ mapLibraryScriptingMs: number, otherScriptingMs: number, styleLayoutMs: number, renderingMs: number,
 *   gcMs: number, otherMs: number, mainThreadMs: number, gpuWaitMs: number, readbacks: number,
 *   longestTasks: { startMs: number, ms: number, kind: string, url?: string }[],
 *   scriptingByUrl: Record<string, number> }} PhaseWork
 */

/**
 * @param {{ traceEvents: any[] }} trace
 * @param {Window[]} windows
 * @param {(url: string) => boolean} isMapLibrary
 * @returns {Record<string, PhaseWork>}
 */
export function attributeTrace(trace, windows, isMapLibrary) {
	const processed = TraceProcessor.processTrace(trace, { timeOriginDeterminationMethod: 'lastNavigationStart' });
	const clock = trace.traceEvents.find((e) => e.name?.startsWith('bench-clock:') && e.cat.includes('blink.user_timing'));
	const clockEpoch = Number(clock?.name.slice('bench-clock:'.length));
	if (!clock || !Number.isFinite(clockEpoch)) throw new Error('trace: no bench-clock mark from the map probe');
	/** epoch ms → trace µs */
	const toTs = (epoch) => clock.ts + (epoch - clockEpoch) * 1000;

	// Task times in ms on the page's epoch clock.
	const tasks = MainThreadTasks.getMainThreadTasks(processed.mainThreadEvents, processed.frames, processed.timestamps.traceEnd, toTs(0));

	/** @type {Record<string, PhaseWork>} */
	const out = {};
	for (const window of windows) {
		const inWindow = tasks.filter((t) => t.startTime >= window.start && t.startTime < window.end);
		const work = {
			mapLibraryScriptingMs: 0,
			otherScriptingMs: 0,
			styleLayoutMs: 0,
			renderingMs: 0,
			gcMs: 0,
			otherMs: 0,
			mainThreadMs: 0,
			gpuWaitMs: 0,
			readbacks: 0,
			longestTasks: /** @type {PhaseWork['longestTasks']} */ ([]),
			scriptingByUrl: /** @type {Record<string, number>} */ ({})
		};
		for (const task of inWindow) {
			const group = task.group.id;
			const mapLibraryUrl = task.attributableURLs.find(isMapLibrary);
			if (SCRIPT_GROUPS.has(group)) {
				if (mapLibraryUrl) work.mapLibraryScriptingMs += task.selfTime;
				else work.otherScriptingMs += task.selfTime;
				const url = mapLibraryUrl ?? task.attributableURLs[0];
				const key = url ? shortUrl(url) : '(page)';
				work.scriptingByUrl[key] = (work.scriptingByUrl[key] ?? 0) + task.selfTime;
			} else if (group === 'styleLayout') work.styleLayoutMs += task.selfTime;
			else if (group === 'paintCompositeRender') work.renderingMs += task.selfTime;
			else if (group === 'garbageCollection') work.gcMs += task.selfTime;
			else work.otherMs += task.selfTime;
			if (!task.parent) work.mainThreadMs += task.duration;
		}
		work.longestTasks = inWindow
			.filter((t) => !t.parent)
			.sort((a, b) => b.duration - a.duration)
			.slice(0, 8)
			.map((t) => {
				const url = t.attributableURLs.find(isMapLibrary) ?? t.attributableURLs[0];
				return { startMs: Math.round(t.startTime - window.start), ms: round(t.duration), kind: dominantKind(t), url: url && shortUrl(url) };
			});
		const [from, to] = [toTs(window.start), toTs(window.end)];
		let waitEnd = -Infinity;
		for (const event of processed.mainThreadEvents) {
			if (event.ts < from || event.ts >= to || event.ph !== 'X' || !event.cat.includes('gpu')) continue;
			if (event.name === 'GLES2::ReadPixels') work.readbacks++;
			// Waits nest (a wait inside a wait): count the outermost only.
			if (GPU_WAIT.test(event.name) && event.ts >= waitEnd) {
				work.gpuWaitMs += (event.dur ?? 0) / 1000;
				waitEnd = event.ts + (event.dur ?? 0);
			}
		}
		for (const key of /** @type {(keyof typeof work)[]} */ (Object.keys(work)))
			if (typeof work[key] === 'number' && key !== 'readbacks') /** @type {any} */ (work)[key] = round(/** @type {number} */ (work[key]));
		for (const key of Object.keys(work.scriptingByUrl)) work.scriptingByUrl[key] = round(work.scriptingByUrl[key]);
		out[window.name] = work;
	}
	return out;
}

/** The kind of work that took most of a task's time (its own or its children's). */
function dominantKind(task) {
	/** @type {Record<string, number>} */
	const byGroup = {};
	const visit = (t) => {
		byGroup[t.group.id] = (byGroup[t.group.id] ?? 0) + t.selfTime;
		for (const child of t.children) visit(child);
	};
	visit(task);
	return Object.entries(byGroup).sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'other';
}

const round = (n) => Math.round(n * 10) / 10;
const shortUrl = (url) => url.replace(/^[a-z]+:\/\/[^/]+/, '').replace(/^.*\/(_app|__bench)\//, '$1/');
