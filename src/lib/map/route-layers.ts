import type { RouteKind } from '$lib/story/vocabulary.js';
import { COLOR } from '$lib/colors';

/** One line layer per kind of route (the vocabulary's): line-gradient, which draws a route as the reader scrolls,
 * cannot vary by feature. */
export const ROUTE_LAYERS = {
	flight: { id: 'story-routes-flight', color: COLOR.route, filter: ['==', ['get', 'mode'], 'flight'], width: 3 },
	road: { id: 'story-routes-road', color: COLOR.accentDark, filter: ['==', ['get', 'mode'], 'road'], width: 4 },
	proposed: {
		id: 'story-routes-proposed',
		color: COLOR.routeProposed,
		filter: ['==', ['get', 'mode'], 'proposed'],
		width: 3,
		// A proposal, not a journey: dashed.
		dash: [2, 1.5]
	},
	return: { id: 'story-routes-return', color: COLOR.routeReturn, filter: ['==', ['get', 'mode'], 'return'], width: 3 }
} as const satisfies Record<RouteKind, unknown>;
