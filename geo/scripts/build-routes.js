#!/usr/bin/env node
/**
 * Builds geo/routes.geojson from geo/places.geojson and geo/route-defs.json (see docs/story-format.md).
 *
 * Each route becomes one LineString through its places, in order: every leg is a great-circle arc of about
 * 64 points (@turf/great-circle); road legs and legs under 50 km are straight segments. The first and last
 * coordinates are exactly the first and last place's coordinates; no coordinate is typed by hand.
 * Properties id, name, mode, via and sources are copied from the definition.
 *
 * Usage: node geo/scripts/build-routes.js [places.geojson route-defs.json routes.geojson]
 * (defaults: the files in geo/; `npm run geo` runs it after build-basemap.js). Any error exits 1 naming the
 * file, the route and the offending id.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { greatCircle } from '@turf/great-circle';
import { distance } from '@turf/distance';
import { ROUTE_KINDS } from '../../src/lib/story/vocabulary.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const GEO = path.resolve(here, '..');
const rel = (p) => {
	const r = path.relative(process.cwd(), p);
	return r && !r.startsWith('..') ? r : p;
};

const [placesFile, defsFile, outFile] = [
	process.argv[2] ?? path.join(GEO, 'places.geojson'),
	process.argv[3] ?? path.join(GEO, 'route-defs.json'),
	process.argv[4] ?? path.join(GEO, 'routes.geojson')
].map((p) => path.resolve(p));

/** Points per great-circle leg. */
const POINTS_PER_LEG = 64;
/** Legs shorter than this (km) are drawn straight, whatever their mode. */
const STRAIGHT_BELOW_KM = 50;
/** Intermediate arc points are rounded to 5 decimals (≈ 1 m); place coordinates are copied as they are. */
const round = (v) => Math.round(v * 1e5) / 1e5;

const errors = [];
const fail = (file, msg) => errors.push(`${rel(file)}: ${msg}`);

function readJson(file) {
	if (!fs.existsSync(file)) {
		console.error(`build-routes: ${rel(file)} not found.`);
		process.exit(1);
	}
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch (e) {
		console.error(`build-routes: ${rel(file)} is not valid JSON: ${e.message}`);
		process.exit(1);
	}
}

// Places
const placesData = readJson(placesFile);
const places = new Map();
if (placesData?.type !== 'FeatureCollection' || !Array.isArray(placesData.features)) {
	fail(placesFile, 'expected a GeoJSON FeatureCollection');
} else {
	placesData.features.forEach((f, i) => {
		const id = f?.properties?.id;
		const where = id ? `place \`${id}\`` : `feature ${i}`;
		if (typeof id !== 'string' || !id) return fail(placesFile, `${where} has no properties.id`);
		if (places.has(id)) return fail(placesFile, `place id \`${id}\` is used twice`);
		const c = f.geometry?.type === 'Point' ? f.geometry.coordinates : null;
		if (!Array.isArray(c) || c.length < 2 || !c.every(Number.isFinite))
			return fail(placesFile, `${where} needs a Point geometry with [longitude, latitude]`);
		const [lon, lat] = c;
		if (lon < -180 || lon > 180 || lat < -90 || lat > 90)
			return fail(placesFile, `${where} has coordinates [${lon}, ${lat}] out of range ([longitude, latitude])`);
		places.set(id, [lon, lat]);
	});
}

// Route definitions
const defs = readJson(defsFile);
if (!Array.isArray(defs)) {
	fail(defsFile, 'expected an array of route definitions');
}
const seen = new Set();
const routes = [];
for (const [i, def] of (Array.isArray(defs) ? defs : []).entries()) {
	const id = def?.id;
	const where = typeof id === 'string' && id ? `route \`${id}\`` : `route ${i}`;
	if (typeof id !== 'string' || !id) {
		fail(defsFile, `${where} has no id`);
		continue;
	}
	if (seen.has(id)) fail(defsFile, `route id \`${id}\` is used twice`);
	seen.add(id);
	if (typeof def.name?.en !== 'string' || !def.name.en) fail(defsFile, `${where} needs name.en`);
	if (!ROUTE_KINDS.includes(def.mode)) fail(defsFile, `${where}: unknown mode \`${def.mode}\` (one of ${ROUTE_KINDS.join(', ')})`);
	if (!Array.isArray(def.sources) || def.sources.length === 0) fail(defsFile, `${where} needs at least one source`);
	if (!Array.isArray(def.via) || def.via.length < 2) {
		fail(defsFile, `${where}: via needs at least two place ids`);
		continue;
	}
	const unknown = def.via.filter((p) => !places.has(p));
	for (const p of unknown) fail(defsFile, `${where}: unknown place \`${p}\` in via (places are defined in ${rel(placesFile)})`);
	if (unknown.length) continue;

	const coordinates = [];
	for (let leg = 0; leg < def.via.length - 1; leg++) {
		const a = places.get(def.via[leg]);
		const b = places.get(def.via[leg + 1]);
		if (a[0] === b[0] && a[1] === b[1]) {
			fail(defsFile, `${where}: leg ${def.via[leg]} → ${def.via[leg + 1]} has zero length`);
			continue;
		}
		let legCoords;
		if (def.mode === 'road' || distance(a, b, { units: 'kilometers' }) < STRAIGHT_BELOW_KM) {
			legCoords = [a, b];
		} else {
			const arc = greatCircle(a, b, { npoints: POINTS_PER_LEG });
			if (arc.geometry.type !== 'LineString') {
				fail(defsFile, `${where}: leg ${def.via[leg]} → ${def.via[leg + 1]} crosses the antimeridian, which is not supported`);
				continue;
			}
			const pts = arc.geometry.coordinates;
			legCoords = [a, ...pts.slice(1, -1).map(([x, y]) => [round(x), round(y)]), b];
		}
		if (coordinates.length) legCoords = legCoords.slice(1); // the shared place is already there
		coordinates.push(...legCoords.map(([x, y]) => [x, y]));
	}
	routes.push({
		type: 'Feature',
		properties: { id, name: def.name, mode: def.mode, via: def.via, sources: def.sources },
		geometry: { type: 'LineString', coordinates }
	});
}

if (errors.length) {
	console.error(`build-routes: ${errors.length} error${errors.length > 1 ? 's' : ''}:\n  ${errors.join('\n  ')}`);
	process.exit(1);
}

const body = `{"type":"FeatureCollection","features":[\n${routes.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
fs.writeFileSync(outFile, body);
console.log(`${rel(outFile)}: ${routes.length} routes, ${(Buffer.byteLength(body) / 1024).toFixed(1)} KB`);
for (const r of routes) console.log(`  ${r.properties.id.padEnd(22)} ${r.properties.mode.padEnd(9)} ${r.properties.via.join(' → ')} (${r.geometry.coordinates.length} points)`);
