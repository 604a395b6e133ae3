/**
 * Approximate places on the map: an area of their radius of uncertainty that never shrinks below a minimum on screen
 * (so it cannot read as a pin), and a label that stays at its edge. MapLibre lengths are in pixels; these expressions
 * turn metres on the ground into pixels at every zoom.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { StoryPlaces } from './style';

/** An approximate area is never drawn smaller than this radius (px), however far out the map is zoomed. */
export const MIN_UNCERTAINTY_PX = 14;
const LABEL_SIZE_PX = 14;
/** Zoom levels at which the zoom-dependent expressions below are evaluated; between them they interpolate
 * exponentially (base 2), which is exact for a length on the ground. */
const ZOOMS = Array.from({ length: 23 }, (_, zoom) => zoom);
const EARTH_CIRCUMFERENCE_M = 40075016.686;

/** Each approximate place gets `uncertaintyPx0`: its radius of uncertainty in pixels at zoom 0 (512-px tiles). */
export function withUncertaintyPixels(places: StoryPlaces): StoryPlaces {
	return {
		...places,
		features: places.features.map((place) => {
			if (place.properties.precision !== 'approximate') return place;
			const metresPerPixel = (EARTH_CIRCUMFERENCE_M * Math.cos((place.geometry.coordinates[1] * Math.PI) / 180)) / 512;
			return { ...place, properties: { ...place.properties, uncertaintyPx0: (place.properties.uncertaintyMeters ?? 1000) / metresPerPixel } };
		})
	};
}

/** The true radius at `zoom` in pixels, as an expression on the feature. */
const trueRadius = (zoom: number): ExpressionSpecification => ['*', ['coalesce', ['get', 'uncertaintyPx0'], 0], 2 ** zoom];

function byZoom(value: (zoom: number) => ExpressionSpecification | number): ExpressionSpecification {
	return ['interpolate', ['exponential', 2], ['zoom'], ...ZOOMS.flatMap((zoom) => [zoom, value(zoom)])] as unknown as ExpressionSpecification;
}

/** The area's radius on screen: its true size, but never under MIN_UNCERTAINTY_PX. */
export function uncertaintyRadius(): ExpressionSpecification {
	return byZoom((zoom) => ['max', MIN_UNCERTAINTY_PX, trueRadius(zoom)]);
}

/** `opacity` while the true area is smaller than the minimum (the polygon layers draw it once it is larger). */
export function belowMinimum(opacity: number | ExpressionSpecification): ExpressionSpecification {
	return byZoom((zoom) => ['case', ['<', trueRadius(zoom), MIN_UNCERTAINTY_PX], opacity, 0]);
}

/** Label offset (em): past the edge of an approximate area (up to 40 px out, then inside it); 0.8 em for a pin. */
export function labelOffset(): ExpressionSpecification {
	return byZoom((zoom) => [
		'case',
		['==', ['get', 'precision'], 'approximate'],
		['+', 0.3, ['/', ['min', 40, ['max', MIN_UNCERTAINTY_PX, trueRadius(zoom)]], LABEL_SIZE_PX]],
		0.8
	]);
}
