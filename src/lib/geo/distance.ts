/** Distances computed from the data, never typed by hand. */
import { distance } from '@turf/distance';
import { length } from '@turf/length';
import { formatNumber } from '$lib/format-number';
import type { PlaceFeature, RouteFeature } from '$lib/story/types';

/** Great-circle distance between two places, in kilometres. */
export function distanceKm(placeA: PlaceFeature, placeB: PlaceFeature): number {
	return distance(placeA, placeB, { units: 'kilometers' });
}

/** Length of a route's line (great-circle arcs through its places), in kilometres. */
export function routeLengthKm(route: RouteFeature): number {
	return length(route, { units: 'kilometers' });
}

/** `2,405 km` in English, `2.405 km` in Spanish (see formatNumber). */
export function formatKm(km: number, lang: string): string {
	return `${formatNumber(km, lang, { maximumFractionDigits: 0 })} km`;
}

/** A radius or short distance in metres: `500 m` below a kilometre, otherwise as formatKm. */
export function formatMeters(meters: number, lang: string): string {
	if (meters >= 1000) return formatKm(meters / 1000, lang);
	return `${formatNumber(Math.round(meters), lang)} m`;
}
