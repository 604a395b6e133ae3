/** What the camera frames: bounds computed at build time from place and route ids. */
import { bbox } from '@turf/bbox';
import { circle } from '@turf/circle';
import type { PlaceFeature, Precision, RouteFeature } from '$lib/story/types';

export type Bounds = [west: number, south: number, east: number, north: number];

/** Smallest width and height (km) a framing may have, by the coarsest precision framed:
 * a city is shown with its surroundings, a building or compound closer in. */
const minimumExtentKm: Record<Precision, number> = { exact: 2, site: 4, approximate: 4, city: 40 };

/**
 * [west, south, east, north] covering the named places and routes. Approximate places count with their
 * uncertainty circle; a framing smaller than the minimum extent for its places is widened around its centre.
 * Throws on an unknown id (validation reports those first, with positions).
 */
export function frameBounds(ids: string[], places: PlaceFeature[], routes: RouteFeature[]): Bounds {
	const boxes: Bounds[] = [];
	let minimumKm = 0;
	for (const id of ids) {
		const place = places.find((p) => p.properties.id === id);
		const route = routes.find((r) => r.properties.id === id);
		if (place) {
			const { precision, uncertaintyMeters } = place.properties;
			boxes.push(
				precision === 'approximate' && uncertaintyMeters
					? (bbox(circle(place, uncertaintyMeters / 1000, { units: 'kilometers', steps: 64 })) as Bounds)
					: pointBox(place.geometry.coordinates)
			);
			minimumKm = Math.max(minimumKm, minimumExtentKm[precision]);
		} else if (route) {
			boxes.push(bbox(route) as Bounds);
		} else {
			throw new Error(`frameBounds: unknown place or route \`${id}\``);
		}
	}
	if (boxes.length === 0) throw new Error('frameBounds: nothing to frame');
	const framed = boxes.reduce(union);
	return widenTo(framed, minimumKm);
}

function pointBox([lon, lat]: number[]): Bounds {
	return [lon, lat, lon, lat];
}

function union(a: Bounds, b: Bounds): Bounds {
	return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** Grows each side that is shorter than `km` to `km`, keeping the centre. */
function widenTo(bounds: Bounds, km: number): Bounds {
	if (km === 0) return bounds;
	const center = [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2];
	const minimum = bbox(circle(center, km / 2, { units: 'kilometers', steps: 64 }));
	const narrow = bounds[2] - bounds[0] < minimum[2] - minimum[0];
	const flat = bounds[3] - bounds[1] < minimum[3] - minimum[1];
	return [
		narrow ? minimum[0] : bounds[0],
		flat ? minimum[1] : bounds[1],
		narrow ? minimum[2] : bounds[2],
		flat ? minimum[3] : bounds[3]
	];
}
