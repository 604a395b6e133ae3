/**
 * The engine's vocabulary: the kinds of place and of route every story may use, and what the map and the
 * descriptions make of them. A story may add kinds of place of its own in `place-kinds.yaml` (its folder), each
 * drawn as one of these. Imported by the validator, the style, the map descriptions and the geo scripts, so it is
 * plain JavaScript (JSDoc types) that Node runs without a build step.
 */

/** Neutral kinds of place. */
export const PLACE_KINDS = /** @type {const} */ ([
	'capital',
	'city',
	'town',
	'village',
	'site',
	'building',
	'airport',
	'port',
	'station',
	'area',
	'island',
	'water',
	'mountain'
]);

/** @typedef {typeof PLACE_KINDS[number]} PlaceKind */

/** Kinds of place that are settlements: named "Suva, Fiji" in descriptions, and not labelled twice on the map
 * (the basemap's own city labels give way to the story's). */
export const SETTLEMENT_KINDS = /** @type {const} */ (['capital', 'city', 'town', 'village']);

/** Kinds of route, each drawn its own way (src/lib/map/route-layers.ts). `road` legs are straight segments;
 * the others follow great circles (geo/scripts/build-routes.js). */
export const ROUTE_KINDS = /** @type {const} */ (['flight', 'road', 'proposed', 'return']);

/** @typedef {typeof ROUTE_KINDS[number]} RouteKind */

/**
 * @param {string} kind
 * @returns {kind is PlaceKind}
 */
export function isPlaceKind(kind) {
	return /** @type {readonly string[]} */ (PLACE_KINDS).includes(kind);
}

/**
 * @param {string} kind
 * @returns {boolean}
 */
export function isSettlement(kind) {
	return /** @type {readonly string[]} */ (SETTLEMENT_KINDS).includes(kind);
}

/**
 * @param {string} kind
 * @returns {kind is RouteKind}
 */
export function isRouteKind(kind) {
	return /** @type {readonly string[]} */ (ROUTE_KINDS).includes(kind);
}
