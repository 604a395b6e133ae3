/**
 * Budgets, reported (PASS/OVER), never asserted: the bench exits 0 either way.
 * Each reads one figure from a page's medians; `max` or `min` is the limit.
 */
export const BUDGETS = [
	{ id: 'performance', label: 'Performance score', min: 90, read: (m) => m.scores.performance, unit: '' },
	{ id: 'accessibility', label: 'Accessibility score', min: 100, read: (m) => m.scores.accessibility, unit: '' },
	{ id: 'lcp', label: 'LCP', max: 1500, read: (m) => m.metrics.lcpMs, unit: 'ms' },
	{ id: 'before-map', label: 'Before the map library (gzip)', max: 60 * 1024, read: (m) => m.bytes.beforeMapGzip, unit: 'B' },
	{ id: 'basemap', label: 'Basemap data (gzip)', max: 250 * 1024, read: (m) => m.bytes.basemapGzip, unit: 'B' }
];

/** @returns {{ id: string, label: string, value: number | undefined, limit: number, verdict: 'PASS' | 'OVER' | 'N/A' }[]} */
export function judge(medians, budgets = BUDGETS) {
	return budgets.map((budget) => {
		const value = budget.read(medians);
		const limit = budget.min ?? budget.max;
		let verdict = /** @type {'PASS' | 'OVER' | 'N/A'} */ ('N/A');
		if (typeof value === 'number' && Number.isFinite(value))
			verdict = budget.min !== undefined ? (value >= budget.min ? 'PASS' : 'OVER') : value <= budget.max ? 'PASS' : 'OVER';
		return { id: budget.id, label: budget.label, value, limit, unit: budget.unit, comparison: budget.min !== undefined ? '≥' : '≤', verdict };
	});
}
