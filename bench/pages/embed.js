/**
 * The embed `/embed/`: what a reader of a host article loads inside the iframe (map, one caption, controls). Measured
 * as its own page; the host page and its parent script (pym.js ~3 KB, frames ~1 KB) are not part of it.
 */
export default {
	name: 'embed',
	path: '/embed/',
	/** Budget ids (from ../budgets.js) that apply to this page. */
	budgets: ['performance', 'accessibility', 'lcp', 'before-map', 'basemap']
};
