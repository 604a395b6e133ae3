/** Distances computed from the data, never typed by hand. */
import { distance } from '@turf/distance';
import { length } from '@turf/length';
import type { PlaceFeature, RouteFeature } from '$lib/story/types';

/** Great-circle distance between two places, in kilometres. */
export function distanceKm(placeA: PlaceFeature, placeB: PlaceFeature): number {
	return distance(placeA, placeB, { units: 'kilometers' });
}

/** Length of a route's line (great-circle arcs through its places), in kilometres. */
export function routeLengthKm(route: RouteFeature): number {
	return length(route, { units: 'kilometers' });
}

/** Number-formatting locale per story language; other languages use their own code. */
const numberLocales: Record<string, string> = { en: 'en-US', es: 'es-ES' };

/** `2,405 km` in English, `2405 km` / `12.405 km` in Spanish (CLDR: Spanish groups from five digits). */
export function formatKm(km: number, lang: string): string {
	const format = new Intl.NumberFormat(numberLocales[lang] ?? lang, { maximumFractionDigits: 0 });
	return `${format.format(km)} km`;
}

/** A radius or short distance in metres: `500 m` below a kilometre, otherwise as formatKm. */
export function formatMeters(meters: number, lang: string): string {
	if (meters >= 1000) return formatKm(meters / 1000, lang);
	return `${new Intl.NumberFormat(numberLocales[lang] ?? lang).format(Math.round(meters))} m`;
}
