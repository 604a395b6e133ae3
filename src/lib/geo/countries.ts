/** Which Natural Earth country a point lies in, for the build-time check of place coordinates. */
import { bbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { circle } from '@turf/circle';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

/** A country from world-atlas countries-10m (Natural Earth 1:10m), named by `properties.name`. */
export type CountryFeature = Feature<Polygon | MultiPolygon, { name: string }>;

const boxes = new WeakMap<CountryFeature, number[]>();

/**
 * True when the point lies in the country or within `toleranceKm` of it: 1:10m coastlines are generalised,
 * so a coastal airport or a base on a bay can fall just offshore.
 */
export function isInCountry(point: Position, country: CountryFeature, toleranceKm: number): boolean {
	const box = boxes.get(country) ?? boxes.set(country, bbox(country)).get(country)!;
	const [lon, lat] = point;
	const latMargin = toleranceKm / 111; // km per degree of latitude
	const lonMargin = latMargin / Math.max(Math.cos((lat * Math.PI) / 180), 0.01);
	const outsideBox = lon < box[0] - lonMargin || lon > box[2] + lonMargin || lat < box[1] - latMargin || lat > box[3] + latMargin;
	if (outsideBox) return false;
	if (booleanPointInPolygon(point, country)) return true;
	const probes = circle(point, toleranceKm, { units: 'kilometers', steps: 16 }).geometry.coordinates[0];
	return probes.some((probe) => booleanPointInPolygon(probe, country));
}

/** Names of the countries the point lies in (or near, see isInCountry). */
export function countriesAt(point: Position, countries: CountryFeature[], toleranceKm: number): string[] {
	return countries.filter((country) => isInCountry(point, country, toleranceKm)).map((c) => c.properties.name);
}
