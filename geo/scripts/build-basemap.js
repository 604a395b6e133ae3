#!/usr/bin/env node
/**
 * Derives the story's basemap layers (geo/basemap/*.geojson) from Natural Earth.
 *
 * Inputs (read only here, never at build or run time):
 *   - ../shared/geo-sources/natural-earth/*.geojson.gz (relative to the repository root): Natural Earth layers
 *     as GeoJSON (public domain; converted by martynafford/natural-earth-geojson, CC0)
 *   - the npm package world-atlas (Natural Earth 4.1.0 admin-0 countries as TopoJSON), read with topojson-client
 *
 * Output: small, clipped, simplified GeoJSON files, committed. Same input → byte-identical output.
 * Usage: node geo/scripts/build-basemap.js   (or `npm run geo`)
 * See geo/SOURCES.md for provenance and every tolerance used.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as topojson from 'topojson-client';
import { bboxClip } from '@turf/bbox-clip';
import { simplify } from '@turf/simplify';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..', '..');
const NE_DIR = path.resolve(ROOT, '..', 'shared', 'geo-sources', 'natural-earth');
const OUT_DIR = path.join(ROOT, 'geo', 'basemap');
const require = createRequire(import.meta.url);

/** Total gzip budget for everything in geo/basemap (bytes). */
const BUDGET_GZIP = 250 * 1024;

// ---------------------------------------------------------------------------------------------------------------
// Extents. [west, south, east, north] in degrees (WGS84).

/** Everything the story ever shows: south Texas to Caracas, Guantánamo, Washington and Madrid, with margin. */
const REGION = [-125, -10, 10, 50];

/** City-zoom boxes: 10m country polygons and finer borders are kept only inside these. */
const DETAIL_BOXES = [
	{ id: 'rio-grande', bbox: [-99.0, 25.3, -96.6, 27.3] }, // Harlingen, Raymondville, Brownsville/Matamoros, McAllen/Reynosa
	{ id: 'el-salvador-honduras', bbox: [-90.6, 12.8, -83.0, 16.6] }, // all of El Salvador and Honduras (not the Swan Islands)
	{ id: 'caracas', bbox: [-67.8, 10.0, -66.0, 11.0] } // Caracas valley, Maiquetía, the coast
];

/** Built-up areas are kept only near the story's places: the detail boxes plus Washington, Madrid and Guantánamo. */
const URBAN_BOXES = [
	...DETAIL_BOXES.map((b) => b.bbox),
	[-78.0, 38.3, -76.3, 39.6], // Washington, DC
	[-4.5, 39.9, -3.0, 41.0], // Madrid
	[-75.6, 19.7, -74.8, 20.3] // Guantánamo
];

/** Countries whose first-order (state/department) borders are drawn, as named in ne_50m_admin_1_states_provinces_lines
 * (that layer only holds a few large countries; these are the ones that reach into REGION). */
const ADMIN1_COUNTRIES = ['United States of America', 'Canada', 'Brazil'];

// Simplification tolerances (degrees, Douglas–Peucker). 0.01° ≈ 1.1 km; 1 px at zoom 6 ≈ 0.011°.
const TOL_COUNTRIES_50M = 0.02; // for zoom ≤ ~6
const TOL_COUNTRIES_10M = 0.002; // world-atlas 10m is quantised to ~0.0036° × 0.0017° anyway
const TOL_LINES_COARSE = 0.01; // borders outside the detail boxes
const TOL_LINES_FINE = 0.001; // borders inside the detail boxes
const TOL_ADMIN1 = 0.02;
const TOL_URBAN = 0.002;
const TOL_LAKES = 0.01;
/** Coordinates are rounded to this many decimals (1e-4° ≈ 11 m). */
const DECIMALS = 4;

// ---------------------------------------------------------------------------------------------------------------
// Inputs

if (!fs.existsSync(NE_DIR)) {
	console.error(
		`build-basemap: Natural Earth sources not found.\n  Looked in: ${NE_DIR}\n` +
			`  (../shared/geo-sources/natural-earth relative to the repository root ${ROOT}).\n` +
			`  The committed files in geo/basemap/ do not need it; only regenerating them does.`
	);
	process.exit(1);
}

function readNE(name) {
	const file = path.join(NE_DIR, `${name}.geojson.gz`);
	if (!fs.existsSync(file)) {
		console.error(`build-basemap: missing Natural Earth layer ${file}`);
		process.exit(1);
	}
	return JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8'));
}

function readWorldAtlas(name) {
	return JSON.parse(fs.readFileSync(require.resolve(`world-atlas/${name}.json`), 'utf8'));
}

// ---------------------------------------------------------------------------------------------------------------
// Geometry helpers (plain code; planar in degrees, which is all a basemap needs)

const round = (v) => {
	const f = 10 ** DECIMALS;
	const r = Math.round(v * f) / f;
	return Object.is(r, -0) ? 0 : r;
};
const roundPt = (p) => [round(p[0]), round(p[1])];

function dedupe(coords) {
	const out = [];
	for (const p of coords) {
		const q = roundPt(p);
		const last = out[out.length - 1];
		if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
	}
	return out;
}

function ringArea(ring) {
	let a = 0;
	for (let i = 0, n = ring.length - 1; i < n; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
	return a / 2;
}

/** Round, drop repeated points, close; null if the ring has collapsed. */
function cleanRing(ring, minArea = 0) {
	const r = dedupe(ring);
	if (r.length && (r[0][0] !== r[r.length - 1][0] || r[0][1] !== r[r.length - 1][1])) r.push([...r[0]]);
	if (r.length < 4) return null;
	const a = Math.abs(ringArea(r));
	if (a === 0 || a < minArea) return null;
	return r;
}

/** Clean a Polygon/MultiPolygon into an array of polygons (arrays of rings); empty if nothing is left. */
function cleanPolygons(geometry, minArea = 0) {
	const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
	const out = [];
	for (const poly of polys) {
		if (!poly.length) continue;
		const outer = cleanRing(poly[0], minArea);
		if (!outer) continue;
		const holes = poly.slice(1).map((r) => cleanRing(r, minArea)).filter(Boolean);
		out.push([outer, ...holes]);
	}
	return out;
}

function polygonGeometry(polys) {
	if (!polys.length) return null;
	return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
}

function lineParts(geometry) {
	if (geometry.type === 'LineString') return [geometry.coordinates];
	if (geometry.type === 'MultiLineString') return geometry.coordinates;
	return [];
}

function lineGeometry(parts) {
	const clean = parts.map(dedupe).filter((p) => p.length >= 2);
	if (!clean.length) return null;
	return clean.length === 1 ? { type: 'LineString', coordinates: clean[0] } : { type: 'MultiLineString', coordinates: clean };
}

const inBox = (p, b) => p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];
const inAnyDetailBox = (p) => DETAIL_BOXES.some((b) => inBox(p, b.bbox));
const boxesOverlap = (a, b) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

function bboxOf(coords) {
	const b = [Infinity, Infinity, -Infinity, -Infinity];
	const walk = (c) => {
		if (typeof c[0] === 'number') {
			if (c[0] < b[0]) b[0] = c[0];
			if (c[1] < b[1]) b[1] = c[1];
			if (c[0] > b[2]) b[2] = c[0];
			if (c[1] > b[3]) b[3] = c[1];
		} else c.forEach(walk);
	};
	walk(coords);
	return b;
}

/** Douglas–Peucker on a coordinate array; keeps both ends (so shared TopoJSON arcs stay shared). */
function douglasPeucker(points, tolerance) {
	const n = points.length;
	if (n <= 2 || tolerance <= 0) return points.slice();
	const keep = new Uint8Array(n);
	keep[0] = keep[n - 1] = 1;
	const tol2 = tolerance * tolerance;
	const stack = [[0, n - 1]];
	while (stack.length) {
		const [first, last] = stack.pop();
		const [ax, ay] = points[first];
		const [bx, by] = points[last];
		const dx = bx - ax;
		const dy = by - ay;
		const len2 = dx * dx + dy * dy;
		let maxD = -1;
		let index = -1;
		for (let i = first + 1; i < last; i++) {
			const [px, py] = points[i];
			let t = len2 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
			t = Math.max(0, Math.min(1, t));
			const ex = ax + t * dx - px;
			const ey = ay + t * dy - py;
			const d = ex * ex + ey * ey;
			if (d > maxD) {
				maxD = d;
				index = i;
			}
		}
		if (index > 0 && maxD > tol2) {
			keep[index] = 1;
			stack.push([first, index], [index, last]);
		}
	}
	return points.filter((_, i) => keep[i]);
}

/** Simplify a line with a finer tolerance where it runs through a detail box and a coarser one elsewhere.
 * The line is cut into runs at the vertices where it enters or leaves a box; each run keeps its ends,
 * so the runs join up again exactly. */
function simplifyLineByBox(coords, coarse, fine) {
	if (coords.length <= 2) return coords.slice();
	const runs = [];
	let start = 0;
	let state = inAnyDetailBox(coords[0]);
	for (let i = 1; i < coords.length; i++) {
		const s = inAnyDetailBox(coords[i]);
		if (s !== state) {
			runs.push({ from: start, to: i, fine: state || s });
			start = i;
			state = s;
		}
	}
	runs.push({ from: start, to: coords.length - 1, fine: state });
	const out = [];
	for (const run of runs) {
		const part = coords.slice(run.from, run.to + 1);
		const simplified = run.fine ? douglasPeucker(part, fine) : simplify({ type: 'LineString', coordinates: part }, { tolerance: coarse, highQuality: true }).coordinates;
		if (out.length) simplified.shift();
		out.push(...simplified);
	}
	return out;
}

/** Distance from a point to a polygon's nearest edge: positive inside, negative outside. */
function distanceInside([x, y], poly) {
	let inside = false;
	let minD2 = Infinity;
	for (const ring of poly) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [ax, ay] = ring[i];
			const [bx, by] = ring[j];
			if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
			const dx = bx - ax;
			const dy = by - ay;
			const len2 = dx * dx + dy * dy;
			const t = len2 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0;
			minD2 = Math.min(minD2, (ax + t * dx - x) ** 2 + (ay + t * dy - y) ** 2);
		}
	}
	return (inside ? 1 : -1) * Math.sqrt(minD2);
}

/** Pole of inaccessibility (the "polylabel" idea: quadtree search for the interior point farthest from any edge). */
function interiorPoint(polygon, precision = 0.05) {
	const outer = polygon[0];
	const [minX, minY, maxX, maxY] = bboxOf(outer);
	const width = maxX - minX;
	const height = maxY - minY;
	const cellSize = Math.min(width, height);
	if (cellSize === 0) return outer[0];

	const cell = (x, y, h) => {
		const d = distanceInside([x, y], polygon);
		return { x, y, h, d, max: d + h * Math.SQRT2 };
	};

	const queue = [];
	let h = cellSize / 2;
	for (let x = minX; x < maxX; x += cellSize) for (let y = minY; y < maxY; y += cellSize) queue.push(cell(x + h, y + h, h));
	let best = cell(minX + width / 2, minY + height / 2, 0);
	while (queue.length) {
		let bi = 0;
		for (let i = 1; i < queue.length; i++) if (queue[i].max > queue[bi].max) bi = i;
		const c = queue.splice(bi, 1)[0];
		if (c.d > best.d) best = c;
		if (c.max - best.d <= precision) continue;
		h = c.h / 2;
		queue.push(cell(c.x - h, c.y - h, h), cell(c.x + h, c.y - h, h), cell(c.x - h, c.y + h, h), cell(c.x + h, c.y + h, h));
	}
	return [best.x, best.y];
}

/** Decode a TopoJSON topology's arcs to absolute coordinates and simplify every arc (shared borders stay shared). */
function simplifiedTopology(topology, tolerance) {
	const [sx, sy] = topology.transform ? topology.transform.scale : [1, 1];
	const [tx, ty] = topology.transform ? topology.transform.translate : [0, 0];
	const arcs = topology.arcs.map((arc) => {
		let x = 0;
		let y = 0;
		const abs = arc.map((p) => {
			if (topology.transform) {
				x += p[0];
				y += p[1];
				return [x * sx + tx, y * sy + ty];
			}
			return [p[0], p[1]];
		});
		return douglasPeucker(abs, tolerance);
	});
	return { ...topology, transform: undefined, arcs };
}

function countryFeatures(topology) {
	return topojson.feature(topology, topology.objects.countries).features;
}

// ---------------------------------------------------------------------------------------------------------------
// Output

const written = [];

function feature(properties, geometry) {
	return { type: 'Feature', properties, geometry };
}

/** One feature per line: small diffs, deterministic bytes. */
function writeLayer(name, features) {
	for (const f of features) validateFeature(name, f);
	const body = `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
	const file = path.join(OUT_DIR, `${name}.geojson`);
	fs.writeFileSync(file, body);
	const raw = Buffer.byteLength(body);
	const gz = zlib.gzipSync(body, { level: 9 }).length;
	written.push({ name: `${name}.geojson`, count: features.length, raw, gz });
}

function validateFeature(layer, f) {
	const fail = (msg) => {
		throw new Error(`build-basemap: ${layer}: invalid feature ${JSON.stringify(f.properties)}: ${msg}`);
	};
	const g = f.geometry;
	if (!g || !g.coordinates || !g.coordinates.length) fail('empty geometry');
	const finite = (p) => p.length === 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);
	const ring = (r) => {
		if (r.length < 4) fail('ring with fewer than 4 positions');
		if (r[0][0] !== r[r.length - 1][0] || r[0][1] !== r[r.length - 1][1]) fail('ring not closed');
		if (!r.every(finite)) fail('bad position');
	};
	switch (g.type) {
		case 'Point':
			if (!finite(g.coordinates)) fail('bad position');
			break;
		case 'LineString':
			if (g.coordinates.length < 2 || !g.coordinates.every(finite)) fail('bad line');
			break;
		case 'MultiLineString':
			g.coordinates.forEach((l) => (l.length < 2 || !l.every(finite)) && fail('bad line'));
			break;
		case 'Polygon':
			g.coordinates.forEach(ring);
			break;
		case 'MultiPolygon':
			g.coordinates.forEach((p) => (p.length ? p.forEach(ring) : fail('empty polygon')));
			break;
		default:
			fail(`unexpected geometry type ${g.type}`);
	}
}

const roundTo = (v, step) => Math.round(v / step) * step;

// ---------------------------------------------------------------------------------------------------------------
// Layers

fs.mkdirSync(OUT_DIR, { recursive: true });

// land.geojson: countries, 1:50m, whole region.
const topo50 = simplifiedTopology(readWorldAtlas('countries-50m'), TOL_COUNTRIES_50M);
const countries50 = [];
for (const f of countryFeatures(topo50)) {
	if (!f.geometry) continue;
	const clipped = bboxClip(f, REGION);
	// Drop islands that simplification has reduced to specks (< ~0.0004 square degrees, about 5 km²).
	const geometry = polygonGeometry(cleanPolygons(clipped.geometry, 0.0004));
	if (geometry) countries50.push(feature({ name: f.properties.name, detail: '50m' }, geometry));
}
countries50.sort((a, b) => (a.properties.name < b.properties.name ? -1 : a.properties.name > b.properties.name ? 1 : 0));
writeLayer('land', countries50);

// world-land.geojson: 1:110m land for the whole world, drawn only at low zoom, so that a wide view (the story's
// overview spans Texas to Madrid) never ends at the edge of REGION.
const TOL_WORLD_110M = 0.3;
const topo110 = simplifiedTopology(readWorldAtlas('land-110m'), TOL_WORLD_110M);
// Rings that cross the antimeridian (eastern Russia, Fiji) jump from 180° to -180°; drawn as they are, that jump
// becomes an edge across the whole map. Unwrapped to run continuously past 180°, they are then cut at ±180°.
// Antarctica is dropped (south of 60°S): it is never in view.
const WORLD_EXTENT = [-180, -60, 180, 85];
function unwrapRing(ring) {
	const out = [ring[0]];
	for (let i = 1; i < ring.length; i++) {
		let lon = ring[i][0];
		const previous = out[i - 1][0];
		while (lon - previous > 180) lon -= 360;
		while (lon - previous < -180) lon += 360;
		out.push([lon, ring[i][1]]);
	}
	// Then move the whole ring by a turn of the globe if that puts more of it between -180° and 180°.
	const lons = out.map((p) => p[0]);
	const [west, east] = [Math.min(...lons), Math.max(...lons)];
	const overlap = (shift) => Math.max(0, Math.min(east + shift, 180) - Math.max(west + shift, -180));
	const shift = [0, 360, -360].reduce((best, s) => (overlap(s) > overlap(best) ? s : best), 0);
	return out.map(([lon, lat]) => [lon + shift, lat]);
}
const worldLand = topojson
	.feature(topo110, topo110.objects.land)
	.features.flatMap((f) => cleanPolygons(f.geometry))
	.map((polygon) => feature({}, { type: 'Polygon', coordinates: polygon.map(unwrapRing) }))
	.flatMap((f) => cleanPolygons(bboxClip(f, WORLD_EXTENT).geometry, 0.05))
	.map((polygon) => feature({ detail: '110m' }, polygonGeometry([polygon])));
writeLayer('world-land', worldLand);

// land-detail.geojson: countries, 1:10m, only inside the detail boxes.
const topo10raw = readWorldAtlas('countries-10m');
const countries10all = countryFeatures(simplifiedTopology(topo10raw, TOL_COUNTRIES_10M)).filter((f) => f.geometry);
const countries10 = [];
for (const box of DETAIL_BOXES) {
	for (const f of countries10all) {
		if (!boxesOverlap(bboxOf(f.geometry.coordinates), box.bbox)) continue;
		const geometry = polygonGeometry(cleanPolygons(bboxClip(f, box.bbox).geometry));
		if (geometry) countries10.push(feature({ name: f.properties.name, detail: '10m', box: box.id }, geometry));
	}
}
writeLayer('land-detail', countries10);

// The boxes themselves: a mask the style can paint in the water colour between the 50m and the 10m countries.
writeLayer(
	'detail-boxes',
	DETAIL_BOXES.map((b) => {
		const [w, s, e, n] = b.bbox;
		return feature({ box: b.id }, { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });
	})
);

// Country borders (1:10m boundary lines), finer inside the detail boxes.
const BORDER_KIND = (cla) =>
	cla.startsWith('International') ? 'international' : cla.startsWith('Lease') ? 'lease' : cla.startsWith('Overlay') ? 'overlay' : 'disputed';
const borders = [];
for (const f of readNE('ne_10m_admin_0_boundary_lines_land').features) {
	const b = bboxOf(f.geometry.coordinates);
	if (!boxesOverlap(b, REGION)) continue;
	const parts = lineParts(bboxClip(f, REGION).geometry).map((p) => simplifyLineByBox(p, TOL_LINES_COARSE, TOL_LINES_FINE));
	const geometry = lineGeometry(parts);
	if (geometry) borders.push(feature({ kind: BORDER_KIND(f.properties.featurecla) }, geometry));
}
writeLayer('borders', borders);

// states.geojson: state / province / department borders (1:50m; only the countries the layer covers).
const admin1 = [];
for (const f of readNE('ne_50m_admin_1_states_provinces_lines').features) {
	if (!ADMIN1_COUNTRIES.includes(f.properties.adm0_name)) continue;
	if (!boxesOverlap(bboxOf(f.geometry.coordinates), REGION)) continue;
	const parts = lineParts(bboxClip(f, REGION).geometry).map(
		(p) => simplify({ type: 'LineString', coordinates: p }, { tolerance: TOL_ADMIN1, highQuality: true }).coordinates
	);
	const geometry = lineGeometry(parts);
	if (geometry) admin1.push(feature({}, geometry));
}
writeLayer('states', admin1);

// Country label points. The shared ne_10m_admin_0_label_points is Natural Earth's "Admin-0 scale ranks" point set: one point
// per polygon piece, several per country, with no rank that orders countries (every main piece is scalerank 0; for the USA
// they include Point Roberts and a point in Ohio). So for each country the label goes at the most interior of Natural
// Earth's points that fall in its largest part inside REGION, unless that point is much closer to the coast or border
// than the part's pole of inaccessibility, in which case the pole is used. Names are world-atlas's (Natural Earth NAME).
// minzoom comes from the country's area on this map (inside REGION): 8.5 - log10(km²), clamped to [1, 6], in half steps
// (USA 1.5, Venezuela 2.5, Honduras 3.5, El Salvador 4, Barbados 6; the Netherlands, only Bonaire and Saba here, 6).
const KM2_PER_DEG2_AT = (lat) => 111.32 * 111.32 * Math.cos((lat * Math.PI) / 180);
function polygonAreaKm2(poly) {
	const [, s, , n] = bboxOf(poly[0]);
	const a = Math.abs(ringArea(poly[0])) - poly.slice(1).reduce((sum, r) => sum + Math.abs(ringArea(r)), 0);
	return a * KM2_PER_DEG2_AT((s + n) / 2);
}
const polysOf = (g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
/** Polygon scaled so that one unit is the same distance east–west as north–south (at its middle latitude). */
function scaledPolygon(poly) {
	const [, s, , n] = bboxOf(poly[0]);
	const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
	return { k, poly: poly.map((r) => r.map(([x, y]) => [x * k, y])) };
}
const nePoints = readNE('ne_10m_admin_0_label_points').features.map((f) => f.geometry.coordinates).filter((p) => inBox(p, REGION));
const countryLabels = [];
for (const c of countries50) {
	const area = polysOf(c.geometry).reduce((t, poly) => t + polygonAreaKm2(poly), 0); // the part on this map
	const largest = polysOf(c.geometry).reduce((a, b) => (polygonAreaKm2(b) > polygonAreaKm2(a) ? b : a));
	const { k, poly } = scaledPolygon(largest);
	const pole = interiorPoint(poly, Math.max(0.005, Math.sqrt(Math.abs(ringArea(poly[0]))) / 200));
	const poleDist = distanceInside(pole, poly);
	let best = null;
	for (const p of nePoints) {
		const d = distanceInside([p[0] * k, p[1]], poly);
		if (d > 0 && (!best || d > best.d)) best = { p, d };
	}
	const point = best && best.d >= 0.75 * poleDist ? best.p : [pole[0] / k, pole[1]];
	const minzoom = Math.min(6, Math.max(1, roundTo(8.5 - Math.log10(area), 0.5)));
	countryLabels.push(feature({ name: c.properties.name, minzoom }, { type: 'Point', coordinates: roundPt(point) }));
}
countryLabels.sort((a, b) => a.properties.minzoom - b.properties.minzoom || (a.properties.name < b.properties.name ? -1 : 1));
writeLayer('country-labels', countryLabels);

// Sea and ocean labels: named marine polygons, label at the pole of inaccessibility of the part inside REGION.
const MARINE_CLASSES = ['ocean', 'sea', 'gulf', 'bay', 'strait', 'channel', 'sound', 'lagoon'];
const titleCase = (s) => s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (m, a, b) => a + b.toUpperCase());
const seaLabels = [];
for (const f of readNE('ne_10m_geography_marine_polys').features) {
	const { name, featurecla, scalerank, min_label } = f.properties;
	if (!name || !MARINE_CLASSES.includes(featurecla)) continue;
	if (scalerank > (featurecla === 'lagoon' ? 6 : 5)) continue;
	if (!boxesOverlap(bboxOf(f.geometry.coordinates), REGION)) continue;
	const full = polysOf(f.geometry);
	const fullArea = full.reduce((s, p) => s + Math.abs(ringArea(p[0])), 0);
	const clipped = cleanPolygons(bboxClip(f, REGION).geometry);
	if (!clipped.length) continue;
	const inArea = clipped.reduce((s, p) => s + Math.abs(ringArea(p[0])), 0);
	// Oceans are labelled wherever they are; smaller seas only when most of them is on the map.
	if (featurecla !== 'ocean' && inArea < 0.5 * fullArea) continue;
	const largest = clipped.reduce((a, b) => (Math.abs(ringArea(b[0])) > Math.abs(ringArea(a[0])) ? b : a));
	const precision = Math.max(0.01, Math.sqrt(Math.abs(ringArea(largest[0]))) / 100);
	const label = name.replace(/\s+/g, ' ').trim();
	seaLabels.push(
		feature(
			{ name: label === label.toUpperCase() ? titleCase(label) : label, kind: featurecla, minzoom: Math.round(min_label * 10) / 10 },
			{ type: 'Point', coordinates: roundPt(interiorPoint(largest, precision)) }
		)
	);
}
seaLabels.sort((a, b) => a.properties.minzoom - b.properties.minzoom || (a.properties.name < b.properties.name ? -1 : 1));
writeLayer('sea-labels', seaLabels);

// Cities and towns. minzoom from Natural Earth scalerank (0 = world city … 10 = small town); national capitals
// no later than zoom 3. Outside the detail boxes only scalerank ≤ 8 is kept (the map rarely zooms in there).
const CITY_MINZOOM = [2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 7, 7.5];
const cities = [];
for (const f of readNE('ne_10m_populated_places_simple').features) {
	const p = f.geometry.coordinates;
	if (!inBox(p, REGION)) continue;
	const { name, scalerank, adm0cap } = f.properties;
	if (scalerank > 8 && !inAnyDetailBox(p)) continue;
	const capital = adm0cap === 1;
	const base = CITY_MINZOOM[Math.min(10, Math.max(0, scalerank))];
	const minzoom = capital ? Math.min(base, 3) : base;
	cities.push(feature({ name, minzoom, capital }, { type: 'Point', coordinates: roundPt(p) }));
}
cities.sort(
	(a, b) =>
		a.properties.minzoom - b.properties.minzoom ||
		(a.properties.name < b.properties.name ? -1 : a.properties.name > b.properties.name ? 1 : 0) ||
		a.geometry.coordinates[0] - b.geometry.coordinates[0]
);
writeLayer('cities', cities);

// Built-up areas near the story's places.
const urban = [];
for (const f of readNE('ne_50m_urban_areas').features) {
	const b = bboxOf(f.geometry.coordinates);
	for (const ub of URBAN_BOXES) {
		if (!boxesOverlap(b, ub)) continue;
		const s = simplify(bboxClip(f, ub), { tolerance: TOL_URBAN, highQuality: true });
		const geometry = polygonGeometry(cleanPolygons(s.geometry));
		if (geometry) urban.push(feature({}, geometry));
	}
}
writeLayer('urban', urban);

// Lakes (1:50m) in the region. Large ones only (≥ ~0.02 square degrees, about 250 km², after simplification).
const lakes = [];
for (const f of readNE('ne_50m_lakes').features) {
	if (!boxesOverlap(bboxOf(f.geometry.coordinates), REGION)) continue;
	const s = simplify(bboxClip(f, REGION), { tolerance: TOL_LAKES, highQuality: true });
	const geometry = polygonGeometry(cleanPolygons(s.geometry, 0.02));
	if (geometry) lakes.push(feature({}, geometry));
}
// Small lakes at 1:10m (Natural Earth's North America supplement: Lago de Ilopango, Lago de Yojoa …) inside the detail boxes.
for (const f of readNE('ne_10m_lakes_north_america').features) {
	const b = bboxOf(f.geometry.coordinates);
	for (const box of DETAIL_BOXES) {
		if (!boxesOverlap(b, box.bbox)) continue;
		const s = simplify(bboxClip(f, box.bbox), { tolerance: TOL_LINES_FINE, highQuality: true });
		const geometry = polygonGeometry(cleanPolygons(s.geometry));
		if (geometry) lakes.push(feature({}, geometry));
	}
}
writeLayer('lakes', lakes);

// ---------------------------------------------------------------------------------------------------------------
// Report and budget

// Remove stale layers from earlier runs so geo/basemap holds exactly what this script writes.
for (const f of fs.readdirSync(OUT_DIR)) {
	if (f.endsWith('.geojson') && !written.some((w) => w.name === f)) {
		fs.unlinkSync(path.join(OUT_DIR, f));
		console.log(`removed stale ${f}`);
	}
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let totalRaw = 0;
let totalGz = 0;
console.log('geo/basemap/');
for (const w of written) {
	totalRaw += w.raw;
	totalGz += w.gz;
	console.log(`  ${w.name.padEnd(22)} ${String(w.count).padStart(5)} features  ${kb(w.raw).padStart(10)} raw  ${kb(w.gz).padStart(9)} gzip`);
}
console.log(`  ${'total'.padEnd(22)} ${''.padStart(5)}           ${kb(totalRaw).padStart(10)} raw  ${kb(totalGz).padStart(9)} gzip (budget ${kb(BUDGET_GZIP)})`);
if (totalGz > BUDGET_GZIP) {
	console.error(`build-basemap: over budget: ${kb(totalGz)} gzip > ${kb(BUDGET_GZIP)}`);
	process.exit(1);
}
