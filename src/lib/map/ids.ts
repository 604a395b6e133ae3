/** Source and layer ids, named once. The style builds them and the controller changes them. */
export const SOURCE = {
	places: 'story-places',
	uncertainty: 'story-uncertainty',
	routes: 'story-routes'
} as const;

export const LAYER = {
	uncertaintyMinimum: 'story-uncertainty-minimum',
	uncertaintyFill: 'story-uncertainty-fill',
	uncertaintyLine: 'story-uncertainty-line',
	routesMuted: 'story-routes-muted',
	routes: 'story-routes',
	placeDots: 'story-place-dots',
	placeLabels: 'story-place-labels'
} as const;

/** Fonts the page serves (static/fonts, declared in src/app.css); MapLibre draws labels with them, no glyph server. */
export const FONT = { regular: ['Noto Sans'], bold: ['Noto Sans Bold'] } as const;
