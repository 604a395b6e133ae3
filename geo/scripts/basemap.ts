/**
 * A story's basemap: what its views show (see views.ts), from Natural Earth, in one GeoJSON file whose features
 * carry the style layer they belong to (`layer`). See geo/SOURCES.md for every source and tolerance.
 */
import type { Feature, Geometry, LineString, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { BasemapDetail, Bounds } from '$lib/geo/framing';
import { BASEMAP_ZOOM, STORY_LAYERS, type StoryLayer } from '$lib/map/basemap';
import { distance } from '@turf/distance';
import type { PlaceFeature } from '$lib/story/types';
import { isSettlement } from '$lib/story/vocabulary.js';
import {
	bboxOf,
	boxContains,
	boxesOverlap,
	clipPolygon,
	cleanPolygons,
	decimalsFor,
	distanceInside,
	douglasPeucker,
	interiorPoint,
	lineGeometry,
	linesOf,
	polygonArea,
	polygonGeometry,
	polygonsOf,
	ringArea,
	round,
	roundPoint,
	simplifiedTopology,
	simplifyAlong,
	unwrapPolygon,
	type PolygonRings
} from './geometry';
import { countryFeatures, naturalEarth, worldAtlas, type CountryFeature } from './natural-earth';
import { coverage, degreesPerPixel, shownAt, type View } from './views';

// Douglas–Peucker tolerances, degrees (0.01° ≈ 1.1 km; one pixel is ≈ 0.011° at zoom 6 and ≈ 0.0007° at zoom 10).
const TOL_COUNTRIES_50M = 0.02; // for zoom 3 to 6
const TOL_COUNTRIES_10M = 0.002; // world-atlas 10m is quantised to ~0.0036° × 0.0017° anyway
const TOL_URBAN = 0.002;
/** Lines (borders, lakes) are simplified to half a pixel at the closest zoom a view shows them at, never finer than this. */
const TOL_LINES_FINEST = 0.001;
/** 1:50m land: islands smaller than this (square degrees, ≈ 5 km²) are dropped unless a place is near. */
const MIN_ISLAND_50M = 0.0004;
/** How near (degrees, ≈ 25 km) a place keeps a small island, and brings in its 1:10m outline where 1:50m has none. */
const ISLAND_REACH = 0.25;
/** Lakes smaller than this many square pixels in every view that shows them are left out (1:50m, 1:10m). */
const MIN_LAKE_PIXELS_50M = 50;
const MIN_LAKE_PIXELS_10M = 12;

/** City minzoom by Natural Earth scalerank (0 = world city … 10 = small town); national capitals no later than 3. */
const CITY_MINZOOM = [2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 7, 7.5];
const CAPITAL_MINZOOM = 3;
const MARINE_CLASSES = ['ocean', 'sea', 'gulf', 'bay', 'strait', 'channel', 'sound', 'lagoon'];

export interface StoryBasemapData {
	/** Features in drawing order, each with properties.layer first. */
	features: Feature[];
	detail: BasemapDetail;
}

type Properties = { layer: StoryLayer } & Record<string, unknown>;
const feature = (properties: Properties, geometry: Geometry): Feature => ({ type: 'Feature', properties, geometry });

// Inputs prepared once per run, whatever the number of stories.
let countries50: CountryFeature[] | undefined;
let countries10: CountryFeature[] | undefined;
const countries50m = () => (countries50 ??= countryFeatures(simplifiedTopology(worldAtlas('countries-50m'), TOL_COUNTRIES_50M)));
const countries10m = () => (countries10 ??= countryFeatures(simplifiedTopology(worldAtlas('countries-10m'), TOL_COUNTRIES_10M)));

export function buildStoryBasemap(views: View[], places: PlaceFeature[]): StoryBasemapData {
	const detailBoxes = coverage(views, BASEMAP_ZOOM.detail);
	// Below worldLandUntil the shared world file has land, borders and lakes: the story's own start there.
	const close = views.filter((v) => v.zoom >= BASEMAP_ZOOM.worldLandUntil);
	const layers: Record<StoryLayer, Feature[]> = {
		land: land(close, places),
		'detail-mask': detailBoxes.map((box) => feature({ layer: 'detail-mask' }, rectangle(box))),
		'land-detail': landDetail(detailBoxes),
		lakes: lakes(close),
		urban: urban(views),
		states: lines(views.filter((v) => v.zoom >= BASEMAP_ZOOM.states), 'ne_50m_admin_1_states_provinces_lines', () => ({ layer: 'states' })),
		borders: lines(close, 'ne_10m_admin_0_boundary_lines_land', (p) => ({ layer: 'borders', kind: borderKind(String(p.featurecla)) })),
		'sea-labels': seaLabels(views),
		cities: cities(views, places),
		'country-labels': countryLabels(views)
	};
	return {
		features: STORY_LAYERS.flatMap((layer) => layers[layer]),
		detail: {
			maxZoom: BASEMAP_ZOOM.detail,
			regions: detailBoxes.map((box) => ({ bounds: box.map((v) => round(v)) as Bounds, maxZoom: BASEMAP_ZOOM.detailUntil }))
		}
	};
}

function rectangle([w, s, e, n]: Bounds): Polygon {
	const [west, south, east, north] = [w, s, e, n].map((v) => round(v));
	return { type: 'Polygon', coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] };
}

/** The parts of polygons inside any of the boxes. */
const clipToBoxes = (polygons: PolygonRings[], boxes: Bounds[]) => boxes.flatMap((box) => polygons.flatMap((p) => clipPolygon(p, box)));

/** Longitude moved by whole turns into [west, west + 360). */
const onto = (lon: number, west: number) => west + ((((lon - west) % 360) + 360) % 360);

/** A test for points (any longitude) within `reach` degrees of the polygon's bounding box. */
function nearBox(polygon: PolygonRings, reach: number): (point: Position) => boolean {
	const [w, s, e, n] = bboxOf(polygon[0]);
	const box: Bounds = [w - reach, s - reach, e + reach, n + reach];
	return (point) => boxContains(box, point);
}

/** Countries at 1:50m where views reach the zoom they are drawn at; small islands kept near the story's places, and
 * brought in at 1:10m where 1:50m has none. */
function land(views: View[], places: PlaceFeature[]): Feature[] {
	const boxes = coverage(views);
	const points = places.map((p) => p.geometry.coordinates);
	const nearPlace = (polygon: PolygonRings) => points.some(nearBox(polygon, ISLAND_REACH));
	const countries = countries50m().map((c) =>
		cleanPolygons(clipToBoxes(polygonsOf(c.geometry), boxes), 0, decimalsFor(TOL_COUNTRIES_50M)).filter(
			(p) => Math.abs(ringArea(p[0])) >= MIN_ISLAND_50M || nearPlace(p)
		)
	);
	const parts = countries.flat();
	const onLand = (point: Position) => parts.some((p) => distanceInside([onto(point[0], bboxOf(p[0])[0]), point[1]], p) > -0.02);
	const missing = points.filter((point) => boxes.some((box) => boxContains(box, point)) && !onLand(point));
	const islands = missing.length
		? countries10m()
				.flatMap((c) => polygonsOf(c.geometry).map(unwrapPolygon))
				.filter((p) => polygonArea(p) < 0.05 && missing.some(nearBox(p, ISLAND_REACH)))
		: [];
	return [...countries, cleanPolygons(clipToBoxes(islands, boxes), 0, decimalsFor(TOL_COUNTRIES_10M))].flatMap((polygons) => {
		const geometry = polygonGeometry(polygons);
		return geometry ? [feature({ layer: 'land' }, geometry)] : [];
	});
}

/** Countries at 1:10m (world-atlas quantisation), every island, inside the detail regions. */
function landDetail(boxes: Bounds[]): Feature[] {
	return countries10m().flatMap((c) => {
		const geometry = polygonGeometry(cleanPolygons(clipToBoxes(polygonsOf(c.geometry), boxes), 0, decimalsFor(TOL_COUNTRIES_10M)));
		return geometry ? [feature({ layer: 'land-detail' }, geometry)] : [];
	});
}

/** Lakes big enough to see in the views that show them: 1:50m everywhere, and where views reach the detail zoom,
 * Natural Earth's 1:10m North America supplement (the only 1:10m lakes it carries) down to smaller ones. */
function lakes(views: View[]): Feature[] {
	const detailViews = views.filter((v) => v.zoom >= BASEMAP_ZOOM.detail);
	return [
		...lakesOf('ne_50m_lakes', views, MIN_LAKE_PIXELS_50M),
		...lakesOf('ne_10m_lakes_north_america', detailViews, MIN_LAKE_PIXELS_10M)
	];
}

function lakesOf(name: 'ne_50m_lakes' | 'ne_10m_lakes_north_america', views: View[], minPixels: number): Feature[] {
	const boxes = coverage(views);
	const out: Feature[] = [];
	for (const lake of naturalEarth<Polygon | MultiPolygon>(name)) {
		const polygons = polygonsOf(lake.geometry).map(unwrapPolygon);
		const [w, s, e, n] = bboxOf(polygons.map((p) => p[0]));
		const zoom = Math.max(...views.filter((v) => boxesOverlap(v.bounds, [w, s, e, n])).map((v) => v.zoom));
		if (zoom === -Infinity) continue;
		const latitude = (s + n) / 2;
		const pixel = degreesPerPixel(zoom);
		const areaPixels = polygons.reduce((sum, p) => sum + polygonArea(p), 0) / (pixel * pixel * Math.cos((latitude * Math.PI) / 180));
		if (areaPixels < minPixels) continue;
		const tolerance = lineTolerance(zoom, latitude);
		const simplified = polygons.map((p) => p.map((ring) => douglasPeucker(ring, tolerance)));
		const geometry = polygonGeometry(cleanPolygons(clipToBoxes(simplified, boxes), 0, decimalsFor(tolerance)));
		if (geometry) out.push(feature({ layer: 'lakes' }, geometry));
	}
	return out;
}

/** Half a pixel at a zoom and latitude (high latitudes counted as 60°), never finer than the data needs. */
function lineTolerance(zoom: number, latitude: number): number {
	return Math.max(TOL_LINES_FINEST, degreesPerPixel(zoom, Math.min(60, Math.abs(latitude))) / 2);
}

/** Built-up areas (MODIS, 1:50m) where views reach the zoom they are drawn at. */
function urban(views: View[]): Feature[] {
	const boxes = coverage(views, BASEMAP_ZOOM.urban);
	const polygons = naturalEarth<Polygon | MultiPolygon>('ne_50m_urban_areas').flatMap((area) =>
		clipToBoxes(polygonsOf(area.geometry).map((p) => p.map((ring) => douglasPeucker(ring, TOL_URBAN))), boxes)
	);
	const geometry = polygonGeometry(cleanPolygons(polygons, 0, decimalsFor(TOL_URBAN)));
	return geometry ? [feature({ layer: 'urban' }, geometry)] : [];
}

/** Lines of a Natural Earth layer where the views show them, each stretch simplified for the closest view of it. */
function lines(views: View[], layer: 'ne_50m_admin_1_states_provinces_lines' | 'ne_10m_admin_0_boundary_lines_land', properties: (p: Record<string, unknown>) => Properties): Feature[] {
	// Each view asks for half a pixel at its zoom (and central latitude); a vertex gets the finest of the views showing it.
	const byTolerance = views
		.map((v) => ({ bounds: v.bounds, tolerance: lineTolerance(v.zoom, v.center[1]) }))
		.sort((a, b) => a.tolerance - b.tolerance);
	const toleranceAt = (point: Position) => byTolerance.find((v) => boxContains(v.bounds, point))?.tolerance ?? Infinity;
	const out: Feature[] = [];
	for (const line of naturalEarth<LineString | MultiLineString>(layer)) {
		const box = bboxOf(line.geometry.coordinates);
		if (!views.some((v) => boxesOverlap(v.bounds, box))) continue;
		const geometry = lineGeometry(linesOf(line.geometry).flatMap((part) => simplifyAlong(part, toleranceAt)));
		if (geometry) out.push(feature(properties(line.properties), geometry));
	}
	return out;
}

function borderKind(featurecla: string): string {
	if (featurecla.startsWith('International')) return 'international';
	if (featurecla.startsWith('Lease')) return 'lease';
	if (featurecla.startsWith('Overlay')) return 'overlay';
	return 'disputed';
}

const byMinzoomThenName = (a: Feature, b: Feature) => {
	const [pa, pb] = [a.properties!, b.properties!];
	const [ca, cb] = [(a.geometry as Point).coordinates, (b.geometry as Point).coordinates];
	return pa.minzoom - pb.minzoom || (pa.name < pb.name ? -1 : pa.name > pb.name ? 1 : 0) || ca[0] - cb[0] || ca[1] - cb[1];
};

/** A point written within ±180° of longitude (MapLibre draws it on every copy of the world). */
const pointAt = (p: Position): Point => ({ type: 'Point', coordinates: roundPoint([onto(p[0], -180), p[1]]) });

/** A town the story marks itself within this distance (km) is left to the story's marker: one marker per place. */
const SAME_PLACE_KM = { settlement: 6, namesake: 12 };
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** True when one of the story's places is this town: a settlement close by, or a place nearby named after it
 * ("Maiquetía airport" for the town of Maiquetía). */
function markedByStory(name: string, at: Position, places: PlaceFeature[]): boolean {
	const town = folded(name);
	return places.some((place) => {
		const km = distance(at, place.geometry.coordinates, { units: 'kilometers' });
		if (isSettlement(place.properties.drawAs) && km <= SAME_PLACE_KM.settlement) return true;
		return km <= SAME_PLACE_KM.namesake && Object.values(place.properties.name).some((label) => folded(label).includes(town));
	});
}

/** Towns and cities the views show at their minzoom, but those the story marks itself. */
function cities(views: View[], places: PlaceFeature[]): Feature[] {
	const out: Feature[] = [];
	for (const city of naturalEarth<Point>('ne_10m_populated_places_simple')) {
		const { name, scalerank, adm0cap } = city.properties as { name: string; scalerank: number; adm0cap: number };
		if (markedByStory(name, city.geometry.coordinates, places)) continue;
		const capital = adm0cap === 1;
		const base = CITY_MINZOOM[Math.min(10, Math.max(0, scalerank))];
		const minzoom = capital ? Math.min(base, CAPITAL_MINZOOM) : base;
		if (!shownAt(views, city.geometry.coordinates, minzoom)) continue;
		out.push(feature({ layer: 'cities', name, minzoom, capital }, pointAt(city.geometry.coordinates)));
	}
	return out.sort(byMinzoomThenName);
}

const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
const cleanName = (raw: string) => {
	const name = raw.replace(/\s+/g, ' ').trim();
	return name === name.toUpperCase() ? titleCase(name) : name;
};

/** Seas and oceans, labelled at the pole of inaccessibility of their largest part in the views. */
function seaLabels(views: View[]): Feature[] {
	const regions = coverage(views, 1);
	const out: Feature[] = [];
	for (const sea of naturalEarth<Polygon | MultiPolygon>('ne_10m_geography_marine_polys')) {
		const { name, name_fr, featurecla, scalerank, min_label } = sea.properties as Record<string, string | number | null>;
		if (typeof name !== 'string' || !name || !MARINE_CLASSES.includes(String(featurecla))) continue;
		if (Number(scalerank) > (featurecla === 'lagoon' ? 6 : 5)) continue;
		const minzoom = Math.round(Number(min_label) * 10) / 10;
		const extent = bboxOf(sea.geometry.coordinates);
		if (!views.some((v) => v.zoom >= minzoom && boxesOverlap(v.bounds, extent))) continue;
		const full = polygonsOf(sea.geometry);
		const fullArea = full.reduce((s, p) => s + Math.abs(ringArea(p[0])), 0);
		for (const box of regions) {
			const parts = cleanPolygons(full.flatMap((p) => clipPolygon(p, box)));
			if (!parts.length) continue;
			const inArea = parts.reduce((s, p) => s + Math.abs(ringArea(p[0])), 0);
			// Oceans are labelled wherever they are; smaller seas only when most of them is in view.
			if (featurecla !== 'ocean' && inArea < 0.5 * fullArea) continue;
			const largest = parts.reduce((a, b) => (Math.abs(ringArea(b[0])) > Math.abs(ringArea(a[0])) ? b : a));
			const point = interiorPoint(largest, Math.max(0.01, Math.sqrt(Math.abs(ringArea(largest[0]))) / 100));
			if (!shownAt(views, point, minzoom)) continue;
			const names = { name: cleanName(name), ...(typeof name_fr === 'string' && name_fr && { name_fr: cleanName(name_fr) }) };
			out.push(feature({ layer: 'sea-labels', ...names, kind: String(featurecla), minzoom }, pointAt(point)));
		}
	}
	return out.sort(byMinzoomThenName);
}

const KM2_PER_SQUARE_DEGREE = 111.32 * 111.32;
function areaKm2(polygon: PolygonRings): number {
	const [, s, , n] = bboxOf(polygon[0]);
	return polygonArea(polygon) * KM2_PER_SQUARE_DEGREE * Math.cos((((s + n) / 2) * Math.PI) / 180);
}

/** The polygon scaled so that one unit is the same distance east–west as north–south (at its middle latitude). */
function scaled(polygon: PolygonRings): { k: number; polygon: PolygonRings } {
	const [, s, , n] = bboxOf(polygon[0]);
	const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
	return { k, polygon: polygon.map((r) => r.map(([x, y]) => [x * k, y])) };
}

/**
 * One label per country the views show at its minzoom. Natural Earth's label points (several per country, none
 * ranked) are tried inside the country's largest part; the most interior wins unless the part's pole of
 * inaccessibility is clearly more central. minzoom = 8.5 − log10(area in km²), clamped to 1…6, in half steps
 * (USA 1.5, Venezuela 2.5, Honduras 3.5, El Salvador 4). `iso_a2` is the ISO 3166-1 code Natural Earth's populated
 * places give inside that part (or the whole country, or those naming it as their country), so the page can name
 * it in the reader's language.
 */
function countryLabels(views: View[]): Feature[] {
	const labelPoints = naturalEarth<Point>('ne_10m_admin_0_label_points').map((f) => f.geometry.coordinates);
	const towns = naturalEarth<Point>('ne_10m_populated_places_simple').map((f) => ({
		point: f.geometry.coordinates,
		iso: String(f.properties.iso_a2),
		country: String(f.properties.adm0name)
	}));
	const out: Feature[] = [];
	for (const country of countries50m()) {
		const parts = polygonsOf(country.geometry).map(unwrapPolygon);
		const area = parts.reduce((sum, p) => sum + areaKm2(p), 0);
		const minzoom = Math.min(6, Math.max(1, Math.round((8.5 - Math.log10(area)) * 2) / 2));
		const extent = bboxOf(parts.map((p) => p[0]));
		if (!views.some((v) => v.zoom >= minzoom && boxesOverlap(v.bounds, extent))) continue;
		const largest = parts.reduce((a, b) => (areaKm2(b) > areaKm2(a) ? b : a));
		const west = bboxOf(largest[0])[0];
		const { k, polygon } = scaled(largest);
		const pole = interiorPoint(polygon, Math.max(0.005, Math.sqrt(Math.abs(ringArea(polygon[0]))) / 200));
		const poleDistance = distanceInside(pole, polygon);
		let best: { p: Position; d: number } | undefined;
		const inLargest = nearBox(largest, 0);
		for (const p of labelPoints) {
			if (!inLargest(p)) continue;
			const d = distanceInside([onto(p[0], west) * k, p[1]], polygon);
			if (d > 0 && (!best || d > best.d)) best = { p, d };
		}
		const point = best && best.d >= 0.75 * poleDistance ? best.p : [pole[0] / k, pole[1]];
		if (!shownAt(views, point, minzoom)) continue;
		const iso = isoCode(towns, [largest]) ?? isoCode(towns, parts) ?? mostCommon(towns.filter((t) => t.country === country.properties.name).map((t) => t.iso));
		out.push(feature({ layer: 'country-labels', name: country.properties.name, ...(iso && { iso_a2: iso }), minzoom }, pointAt(point)));
	}
	return out.sort(byMinzoomThenName);
}

/** The ISO 3166-1 alpha-2 code most of the towns inside the polygons have. */
function isoCode(towns: { point: Position; iso: string }[], polygons: PolygonRings[]): string | undefined {
	const codes: string[] = [];
	for (const polygon of polygons) {
		const west = bboxOf(polygon[0])[0];
		const inBox = nearBox(polygon, 0);
		for (const { point, iso } of towns) {
			if (inBox(point) && distanceInside([onto(point[0], west), point[1]], polygon) > 0) codes.push(iso);
		}
	}
	return mostCommon(codes);
}

/** The most frequent two-letter code (Natural Earth's `-99`, none, ignored); ties go to the first alphabetically. */
function mostCommon(codes: string[]): string | undefined {
	const counts = new Map<string, number>();
	for (const code of codes) if (/^[A-Z]{2}$/.test(code)) counts.set(code, (counts.get(code) ?? 0) + 1);
	return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

/** The label features (cities, countries, seas) a view may place: in it, and shown at its zoom. */
export function labelCandidates(view: View, features: Feature[]): Feature[] {
	return features.filter((f) => {
		const { layer, minzoom } = f.properties as { layer: StoryLayer; minzoom: number };
		return LABEL_LAYERS.includes(layer) && minzoom <= view.zoom && boxContains(view.bounds, (f.geometry as Point).coordinates);
	});
}
const LABEL_LAYERS: StoryLayer[] = ['cities', 'country-labels', 'sea-labels'];
