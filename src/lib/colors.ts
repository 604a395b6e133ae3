/**
 * Every colour the site uses, in one place: the map style reads `COLOR`, and the page's CSS custom properties
 * (`--ink`, `--sea` …) are generated from it (`virtual:theme.css`, see vite.config.ts), so the map, the CSS and
 * the components never disagree. Chosen for contrast: text and labels reach WCAG AA on paper, land and sea.
 */
export const COLOR = {
	// The page
	ink: '#1d1d1d',
	inkSoft: '#4a4a4a',
	paper: '#ffffff',
	/** Cards about what happened after the story's source article. */
	paperAfter: '#f6f4ee',
	afterLabel: '#7a4b00',
	link: '#1d4e89',
	focus: '#1d4e89',
	onLink: '#ffffff',
	rule: '#c4c4c4',
	/** A control that does nothing now (first or last chapter): still 4.5:1 on paper. */
	disabled: '#767676',
	// The map
	sea: '#c9dbe6',
	land: '#f4f1ea',
	landDetail: '#f1eee6',
	urban: '#e2dccf',
	border: '#8a8378',
	stateBorder: '#b9b2a6',
	lake: '#c9dbe6',
	countryLabel: '#5b554c',
	/** 4.7:1 on the sea, which is its halo. */
	seaLabel: '#3b6075',
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

/** `:root` custom properties for every colour: `inkSoft` becomes `--ink-soft`. */
export function colorCustomProperties(): string {
	const name = (key: string) => `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
	return `:root{${Object.entries(COLOR)
		.map(([key, value]) => `${name(key)}:${value};`)
		.join('')}}`;
}
