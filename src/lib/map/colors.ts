/** The map's palette, chosen for contrast of labels on land and sea (WCAG AA for the label halos). */
export const COLOR = {
	sea: '#c9dbe6',
	land: '#f4f1ea',
	landDetail: '#f1eee6',
	urban: '#e2dccf',
	border: '#8a8378',
	stateBorder: '#b9b2a6',
	lake: '#c9dbe6',
	countryLabel: '#5b554c',
	seaLabel: '#3f6479',
	cityLabel: '#333333',
	halo: '#ffffff',
	accent: '#b3261e',
	accentDark: '#7f1b15',
	muted: '#8c8c8c',
	/** Darker than `muted`: a muted label still reads at 4.5:1 on land. */
	mutedLabel: '#6b6b6b',
	route: '#b3261e',
	routeProposed: '#1d4e89',
	routeReturn: '#2e7d32'
} as const;
