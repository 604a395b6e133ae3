/**
 * The basemap every story shares, for low zooms (below BASEMAP_ZOOM.worldLandUntil): the world's land at 1:110m,
 * country borders and large lakes, so a wide view never ends at the edge of a story's own basemap. Antarctica
 * (south of 60°S) is left out.
 */
import * as topojson from 'topojson-client';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Bounds } from '$lib/geo/framing';
import {
	cleanPolygons,
	clipPolygon,
	decimalsFor,
	douglasPeucker,
	lineGeometry,
	polygonArea,
	polygonGeometry,
	polygonsOf,
	roundPoint,
	simplifiedTopology,
	unwrapPolygon
} from './geometry';
import { naturalEarth, worldAtlas } from './natural-earth';

/** Douglas–Peucker tolerances, degrees: land on the 1:110m arcs; borders and lakes about half a pixel at zoom 3. */
const TOL_LAND = 0.3;
const TOL_LINES = 0.06;
/** Land specks and lakes smaller than these (square degrees) are dropped. */
const MIN_LAND = 0.05;
const MIN_LAKE = 0.5;
const WORLD: Bounds = [-180, -60, 180, 85];

export function worldFeatures(): Feature[] {
	const topology = simplifiedTopology(worldAtlas('land-110m'), TOL_LAND);
	// Rings across the 180° meridian (eastern Russia, Fiji) are clipped in pieces, one either side of it.
	const land = topojson
		.feature(topology, topology.objects.land)
		.features.flatMap((f) => polygonsOf(f.geometry))
		.flatMap((polygon) => cleanPolygons(clipPolygon(polygon, WORLD), MIN_LAND, decimalsFor(TOL_LAND)))
		.map((polygon): Feature => ({ type: 'Feature', properties: { layer: 'world-land' }, geometry: polygonGeometry([polygon])! }));
	// Borders: the arcs two 1:50m countries share (TopoJSON mesh), so each is drawn once, without its kind.
	const countries = simplifiedTopology(worldAtlas('countries-50m'), TOL_LINES);
	const mesh = topojson.mesh(countries, countries.objects.countries, (a, b) => a !== b);
	const borders: Feature[] = mesh.coordinates.flatMap((line) => {
		const geometry = lineGeometry([line.map((p) => roundPoint(p, decimalsFor(TOL_LINES)))]);
		return geometry ? [{ type: 'Feature', properties: { layer: 'world-borders' }, geometry }] : [];
	});
	const lakes = naturalEarth<Polygon | MultiPolygon>('ne_50m_lakes').flatMap((lake): Feature[] => {
		const polygons = polygonsOf(lake.geometry).map(unwrapPolygon);
		if (polygons.reduce((sum, p) => sum + polygonArea(p), 0) < MIN_LAKE) return [];
		const simplified = polygons.map((p) => p.map((ring) => douglasPeucker(ring, TOL_LINES)));
		const geometry = polygonGeometry(cleanPolygons(simplified, MIN_LAKE / 10, decimalsFor(TOL_LINES)));
		return geometry ? [{ type: 'Feature', properties: { layer: 'world-lakes' }, geometry }] : [];
	});
	return [...land, ...lakes, ...borders];
}
