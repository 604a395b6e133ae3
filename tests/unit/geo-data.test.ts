/**
 * Integrity of the committed geo data: geo/places.geojson, geo/route-defs.json, geo/routes.geojson and geo/basemap/.
 * Run: npx vitest run --project unit tests/unit/geo-data.test.ts
 */
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as topojson from 'topojson-client';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { PlaceFeature, RouteFeature } from '$lib/story/types';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const GEO = path.join(ROOT, 'geo');
const BASEMAP = path.join(GEO, 'basemap');
const BUDGET_GZIP = 250 * 1024;

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

const places = readJson<FeatureCollection>(path.join(GEO, 'places.geojson')).features as PlaceFeature[];
const routeDefs = readJson<{ id: string; mode: string; via: string[]; sources: string[] }[]>(path.join(GEO, 'route-defs.json'));
const routes = readJson<FeatureCollection>(path.join(GEO, 'routes.geojson')).features as RouteFeature[];
const placeById = new Map(places.map((p) => [p.properties.id, p]));

// Natural Earth 1:10m countries (world-atlas), by name, as the build's country check uses them.
const require = createRequire(import.meta.url);
const topology = readJson<Topology<{ countries: GeometryCollection<{ name: string }> }>>(
	require.resolve('world-atlas/countries-10m.json')
);
const countries = new Map<string, Feature<Polygon | MultiPolygon>[]>();
for (const f of topojson.feature(topology, topology.objects.countries).features) {
	if (!f.geometry) continue;
	const list = countries.get(f.properties.name) ?? [];
	list.push(f as Feature<Polygon | MultiPolygon>);
	countries.set(f.properties.name, list);
}

/** True when [lon, lat] lies inside the Natural Earth country of that name. */
function insideCountry(coordinates: Position, country: string): boolean {
	return (countries.get(country) ?? []).some((f) => booleanPointInPolygon(coordinates, f));
}

/** Kilometres from [lon, lat] to the nearest edge of the named country (0 inside; Infinity for an unknown name).
 * Equirectangular around the point: good to a few metres at the distances that matter here (a few km). */
function kmFromCountry(coordinates: Position, country: string): number {
	if (insideCountry(coordinates, country)) return 0;
	const [lon, lat] = coordinates;
	const kx = 111.32 * Math.cos((lat * Math.PI) / 180);
	const ky = 110.57;
	let best = Infinity;
	for (const f of countries.get(country) ?? []) {
		const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
		for (const ring of polygons.flat()) {
			for (let i = 1; i < ring.length; i++) {
				const [ax, ay] = [(ring[i - 1][0] - lon) * kx, (ring[i - 1][1] - lat) * ky];
				const [bx, by] = [(ring[i][0] - lon) * kx, (ring[i][1] - lat) * ky];
				const [dx, dy] = [bx - ax, by - ay];
				const len2 = dx * dx + dy * dy;
				const t = len2 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
				best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
			}
		}
	}
	return best;
}

/** The same allowance as the build's check (src/lib/story/validate.ts): 1:10m coastlines are generalised (world-atlas
 * quantises them to about 400 m), so a coastal airport or a base on a bay may fall just offshore. 2 km, or the place's
 * uncertainty radius when larger. Swapped coordinates land thousands of kilometres away and still fail. */
const TOLERANCE_KM = 2;
const toleranceFor = (p: PlaceFeature) => Math.max(TOLERANCE_KM, (p.properties.uncertaintyMeters ?? 0) / 1000);
const inNamedCountry = (coordinates: Position, p: PlaceFeature) =>
	kmFromCountry(coordinates, p.properties.country) <= toleranceFor(p);

/** Names of the countries that contain the point (for messages). */
const countriesAt = (coordinates: Position) =>
	[...countries.entries()].filter(([, fs]) => fs.some((f) => booleanPointInPolygon(coordinates, f))).map(([n]) => n);

describe('places', () => {
	it('exist', () => {
		expect(places.length).toBeGreaterThan(0);
	});

	it.each(places.map((p) => [p.properties.id, p] as const))('%s lies inside the country it names', (id, place) => {
		const { country } = place.properties;
		expect(countries.has(country), `${id}: "${country}" is not a Natural Earth country name`).toBe(true);
		const [lon, lat] = place.geometry.coordinates;
		const km = kmFromCountry([lon, lat], country);
		expect(
			inNamedCountry([lon, lat], place),
			`${id} [${lon}, ${lat}] is ${km.toFixed(1)} km outside ${country} (allowed ${toleranceFor(place)} km); ` +
				`it is in: ${countriesAt([lon, lat]).join(', ') || 'no country (sea?)'}`
		).toBe(true);
	});

	it('the country check catches swapped longitude and latitude', () => {
		// CECOT, Tecoluca, El Salvador, as [lon, lat] and swapped to [lat, lon].
		const cecot = placeById.get('cecot');
		const [lon, lat] = cecot ? cecot.geometry.coordinates : [-88.8053, 13.5334];
		expect(insideCountry([lon, lat], 'El Salvador')).toBe(true);
		expect(insideCountry([lat, lon], 'El Salvador')).toBe(false);
		expect(kmFromCountry([lat, lon], 'El Salvador')).toBeGreaterThan(1000);
		// And for every place: swapped coordinates never pass as the same country, even with the coastal allowance.
		for (const p of places) {
			const [x, y] = p.geometry.coordinates;
			expect(inNamedCountry([y, x], p), p.properties.id).toBe(false);
		}
	});

	it('have unique ids and at least one source each', () => {
		expect(new Set(places.map((p) => p.properties.id)).size).toBe(places.length);
		for (const p of places) {
			expect(Array.isArray(p.properties.sources) && p.properties.sources.length > 0, `${p.properties.id} has no source`).toBe(true);
		}
	});

	it('give approximate ones a radius of uncertainty', () => {
		for (const p of places.filter((p) => p.properties.precision === 'approximate')) {
			expect(p.properties.uncertaintyMeters, `${p.properties.id} is approximate but has no uncertaintyMeters`).toBeGreaterThan(0);
		}
	});
});

describe('routes', () => {
	it('are generated for every definition and nothing else (run `npm run geo` after editing route-defs.json)', () => {
		expect(routes.map((r) => r.properties.id).sort()).toEqual(routeDefs.map((d) => d.id).sort());
	});

	it.each(routes.map((r) => [r.properties.id, r] as const))('%s starts and ends at its first and last place', (id, route) => {
		const { via } = route.properties;
		const def = routeDefs.find((d) => d.id === id);
		expect(via).toEqual(def?.via);
		for (const v of via) expect(placeById.has(v), `${id}: unknown place ${v}`).toBe(true);
		const coords = route.geometry.coordinates;
		expect(route.geometry.type).toBe('LineString');
		expect(coords[0]).toEqual(placeById.get(via[0])?.geometry.coordinates);
		expect(coords[coords.length - 1]).toEqual(placeById.get(via[via.length - 1])?.geometry.coordinates);
	});

	it('copy mode and sources from their definitions', () => {
		for (const r of routes) {
			const def = routeDefs.find((d) => d.id === r.properties.id);
			expect(r.properties.mode).toBe(def?.mode);
			expect(r.properties.sources).toEqual(def?.sources);
			expect(r.properties.sources.length).toBeGreaterThan(0);
		}
	});
});

describe('basemap', () => {
	const files = fs.existsSync(BASEMAP) ? fs.readdirSync(BASEMAP).filter((f) => f.endsWith('.geojson')).sort() : [];

	it('has layers', () => {
		expect(files.length).toBeGreaterThan(0);
	});

	/** A reason the geometry is empty or broken, or null when it is fine. */
	function geometryProblem(g: Geometry | null): string | null {
		if (!g) return 'null geometry';
		const ring = (r: Position[]) => {
			if (r.length < 4) return 'ring with fewer than 4 positions';
			const [a, b] = [r[0], r[r.length - 1]];
			return a[0] === b[0] && a[1] === b[1] ? null : 'ring not closed';
		};
		switch (g.type) {
			case 'Point':
				return g.coordinates.length >= 2 ? null : 'empty point';
			case 'LineString':
				return g.coordinates.length >= 2 ? null : 'line with fewer than 2 positions';
			case 'MultiLineString':
				return g.coordinates.length && g.coordinates.every((l) => l.length >= 2) ? null : 'empty line';
			case 'Polygon':
				return g.coordinates.length ? (g.coordinates.map(ring).find(Boolean) ?? null) : 'empty polygon';
			case 'MultiPolygon':
				return g.coordinates.length && g.coordinates.every((p) => p.length)
					? (g.coordinates.flatMap((p) => p.map(ring)).find(Boolean) ?? null)
					: 'empty polygon';
			default:
				return `unexpected ${g.type}`;
		}
	}

	it.each(files)('%s is a FeatureCollection with no empty geometry', (file) => {
		const fc = readJson<FeatureCollection>(path.join(BASEMAP, file));
		expect(fc.type).toBe('FeatureCollection');
		expect(fc.features.length).toBeGreaterThan(0);
		for (const [i, f] of fc.features.entries()) {
			expect(f.type).toBe('Feature');
			expect(geometryProblem(f.geometry), `${file} feature ${i} ${JSON.stringify(f.properties)}`).toBeNull();
		}
	});

	it(`stays within ${BUDGET_GZIP / 1024} KB gzip in total`, () => {
		const total = files.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(BASEMAP, f)), { level: 9 }).length, 0);
		expect(total).toBeLessThanOrEqual(BUDGET_GZIP);
	});
});
