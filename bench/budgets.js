/**
 * Budgets (issue 10), reported as PASS/OVER, never asserted: the bench exits 0 either way.
 * Each reads one figure; its limit is `max` or `min`, or `maxFrom(context)` when the limit is another page's figure
 * from the same run (the floor page's TBT).
 *
 * @typedef {{ id: string, label: string, unit: '' | 'ms' | 'B' | 'frames' | 'count', read: (figures: any) => number | undefined,
 *   max?: number, min?: number, maxFrom?: (context: { floor?: any }) => number | undefined }} Budget
 */

/** Lighthouse (mobile preset) on a page; `figures` are the page's medians. */
export const LIGHTHOUSE_BUDGETS = /** @type {Budget[]} */ ([
	{ id: 'performance', label: 'Performance score', min: 90, read: (m) => m.scores.performance, unit: '' },
	{ id: 'accessibility', label: 'Accessibility score', min: 100, read: (m) => m.scores.accessibility, unit: '' },
	{ id: 'fcp', label: 'FCP', max: 1000, read: (m) => m.metrics.fcpMs, unit: 'ms' },
	{ id: 'lcp', label: 'LCP', max: 1200, read: (m) => m.metrics.lcpMs, unit: 'ms' },
	{ id: 'cls', label: 'CLS', max: 0, read: (m) => m.metrics.cls, unit: '' },
	{ id: 'tbt', label: "TBT, at most the floor page's", maxFrom: (c) => c.floor?.metrics.tbtMs, read: (m) => m.metrics.tbtMs, unit: 'ms' },
	{ id: 'before-map', label: 'Before the map library (gzip)', max: 45 * 1024, read: (m) => m.bytes.beforeMapGzip, unit: 'B' }
]);

/** Which Lighthouse budgets apply to each kind of page. */
export const PAGE_BUDGETS = {
	scroll: ['performance', 'accessibility', 'fcp', 'lcp', 'cls', 'tbt', 'before-map'],
	embed: ['performance', 'accessibility', 'fcp', 'lcp', 'cls', 'tbt', 'before-map'],
	kiosk: ['accessibility', 'cls', 'before-map'],
	floor: []
};

/** The map, from its creation to idle and through each chapter change; `figures` is one edition's map measurement. */
export const MAP_BUDGETS = /** @type {Budget[]} */ ([
	{ id: 'opening-frames', label: 'Opening view: frames from creation to idle', max: 6, read: (r) => r.phases[0].frames, unit: 'frames' },
	{ id: 'opening-labels', label: 'Opening view: label candidates', max: 300, read: (r) => r.phases[0].labels.candidates, unit: 'count' },
	{ id: 'opening-requests', label: 'Opening view: basemap requests', max: 2, read: (r) => r.phases[0].requests.mapData.count, unit: 'count' },
	{ id: 'uncompressed', label: 'Basemap files sent uncompressed', max: 0, read: (r) => r.phases.reduce((n, p) => n + p.requests.mapData.uncompressed.length, 0), unit: 'count' },
	{ id: 'after-camera', label: 'Chapter change: frames after the camera stops (worst chapter)', max: 0, read: (r) => worst(r.phases.slice(1), (p) => p.framesAfterCameraStopped), unit: 'frames' },
	{ id: 'idle', label: 'Idle map: frames drawn while idle (worst phase)', max: 0, read: (r) => worst(r.phases, (p) => p.framesWhileIdle), unit: 'frames' }
]);

const worst = (list, read) => (list.length ? Math.max(...list.map(read)) : undefined);

/**
 * @param {any} figures
 * @param {Budget[]} budgets
 * @param {{ floor?: any }} [context]
 */
export function judge(figures, budgets, context = {}) {
	return budgets.map((budget) => {
		const value = budget.read(figures);
		const limit = budget.min ?? budget.max ?? budget.maxFrom?.(context);
		let verdict = /** @type {'PASS' | 'OVER' | 'N/A'} */ ('N/A');
		if (typeof value === 'number' && Number.isFinite(value) && typeof limit === 'number' && Number.isFinite(limit))
			verdict = budget.min !== undefined ? (value >= limit ? 'PASS' : 'OVER') : value <= limit ? 'PASS' : 'OVER';
		return { id: budget.id, label: budget.label, value, limit, unit: budget.unit, comparison: budget.min !== undefined ? '≥' : '≤', verdict };
	});
}
