/** The scroll page `/`: the story told as panels over a sticky map. */
export default {
	name: 'scroll',
	path: '/',
	/** Budget ids (from ../budgets.js) that apply to this page. */
	budgets: ['performance', 'accessibility', 'lcp', 'before-map', 'basemap']
};
