/**
 * Integrity of every story folder's geo data (stories/<id>/ and tests/fixtures/stories/<id>/: places, route
 * definitions, the generated routes and basemap) and of the world layer they share (geo/basemap/world.geojson).
 * Run: npx vitest run --project unit tests/unit/geo-data.test.ts
 */
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import * as topojson from 'topojson-client';
import type { FeatureCollection, Geometry, Point, Position } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { distance } from '@turf/distance';
import { STORY_LAYERS } from '$lib/map/basemap';
import { isSettlement } from '$lib/story/vocabulary.js';
import { storyFolders, validateEdition } from '$lib/story/catalog';
import type { PlaceFeature, RouteFeature } from '$lib/story/types';
import type { CountryFeature } from '$lib/story/validate';
import { labelCandidates } from '../../geo/scripts/basemap';
import { distanceInside, polygonsOf } from '../../geo/scripts/geometry';
import { BUDGET, builderHash, storyFiles, storyInputHash } from '../../geo/scripts/inputs';
import { geojsonText, readHeader } from '../../geo/scripts/output';
import { BASEMAP_FILE, ROOT, ROUTES_FILE, WORLD_FILE, storyDirs } from '../../geo/scripts/paths';
import { buildRoutes } from '../../geo/scripts/routes';
import { storyViews } from '../../geo/scripts/views';

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;
const gzipSize = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const regenerate = 'run `npm run geo`';

// Natural Earth 1:10m countries (world-atlas), as the site's validator reads them.
const require = createRequire(import.meta.url);
const topology = readJson<Topology<{ countries: GeometryCollection<{ name: string }> }>>(require.resolve('world-atlas/countries-10m.json'));
const countries = topojson.feature(topology, topology.objects.countries).features.filter((f) => f.geometry) as CountryFeature[];

/** A reason the geometry is empty or broken, or null when it is fine. */
function geometryProblem(g: Geometry | null): string | null {
	if (!g) return 'null geometry';
	const ring = (r: Position[]) => {
		if (r.length < 4) return 'ring with fewer than 4 positions';
		const [a, b] = [r[0], r[r.length - 1]];
		return a[0] === b[0] && a[1] === b[1] ? null : 'ring not closed';
	};
	const finite = (p: Position) => p.length === 2 && p.every(Number.isFinite);
	switch (g.type) {
		case 'Point':
			return finite(g.coordinates) ? null : 'bad point';
		case 'LineString':
			return g.coordinates.length >= 2 && g.coordinates.every(finite) ? null : 'line with fewer than 2 positions';
		case 'MultiLineString':
			return g.coordinates.length && g.coordinates.every((l) => l.length >= 2 && l.every(finite)) ? null : 'empty line';
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

/** The same longitude, give or take whole turns of the globe (a line across the 180° meridian runs on past it). */
const sameMeridian = (a: number, b: number) => Math.abs((((a - b) % 360) + 540) % 360 - 180) < 1e-9;

const dirs = storyDirs();

it('finds the story folders', () => {
	expect(dirs.length).toBeGreaterThan(0);
});

describe.each(dirs)('%s', (dir) => {
	const abs = path.join(ROOT, dir);
	const places = readJson<FeatureCollection>(path.join(abs, 'places.geojson')).features as PlaceFeature[];
	const routeDefs = readJson<{ id: string; mode: string; via: string[]; sources: string[] }[]>(path.join(abs, 'route-defs.json'));
	const routes = readJson<FeatureCollection>(path.join(abs, ROUTES_FILE)).features as RouteFeature[];
	const placeById = new Map(places.map((p) => [p.properties.id, p]));
	const [folder] = storyFolders(Object.fromEntries(storyFiles(dir).map((f) => [`/${dir}/${f}`, fs.readFileSync(path.join(abs, f), 'utf8')])));

	it('validates in every edition: places inside their countries, routes through their places', () => {
		for (const lang of folder.langs) expect(() => validateEdition(folder, lang, countries), lang).not.toThrow();
	});

	describe('places', () => {
		it('exist, with unique ids and at least one source each', () => {
			expect(places.length).toBeGreaterThan(0);
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
		it(`are what the definitions and places give today (otherwise ${regenerate})`, () => {
			const built = buildRoutes(
				{ file: 'places.geojson', data: readJson(path.join(abs, 'places.geojson')) },
				{ file: 'route-defs.json', data: routeDefs }
			);
			expect(built.errors).toEqual([]);
			expect(fs.readFileSync(path.join(abs, ROUTES_FILE), 'utf8')).toBe(geojsonText(built.routes.features));
		});

		it.each(routes.map((r) => [r.properties.id, r] as const))('%s runs continuously from its first place to its last', (id, route) => {
			const { via } = route.properties;
			expect(via).toEqual(routeDefs.find((d) => d.id === id)?.via);
			const coords = route.geometry.coordinates;
			expect(route.geometry.type).toBe('LineString');
			expect(coords[0]).toEqual(placeById.get(via[0])?.geometry.coordinates);
			const [lon, lat] = placeById.get(via[via.length - 1])!.geometry.coordinates;
			const end = coords[coords.length - 1];
			expect(sameMeridian(end[0], lon) && end[1] === lat, `${id} ends at [${end}], not at ${via.at(-1)} [${lon}, ${lat}]`).toBe(true);
			// No jump back across the map: a line across the 180° meridian runs on past ±180°.
			for (let i = 1; i < coords.length; i++) expect(Math.abs(coords[i][0] - coords[i - 1][0]), `${id} vertex ${i}`).toBeLessThan(10);
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
		const file = path.join(abs, BASEMAP_FILE);
		const basemap = fs.existsSync(file) ? readJson<FeatureCollection>(file) : { type: 'FeatureCollection', features: [] };
		const layer = (name: string) => basemap.features.filter((f) => f.properties?.layer === name);

		it(`is up to date with the story and the build (otherwise ${regenerate})`, () => {
			expect(fs.existsSync(file), `${dir}/${BASEMAP_FILE} is missing`).toBe(true);
			expect(readHeader<{ input: string }>(file)?.input).toBe(storyInputHash(dir));
		});

		it('is one FeatureCollection of the style’s layers, with no empty geometry', () => {
			expect(basemap.type).toBe('FeatureCollection');
			for (const [i, f] of basemap.features.entries()) {
				expect(STORY_LAYERS, `feature ${i}`).toContain(f.properties?.layer);
				expect(geometryProblem(f.geometry), `feature ${i} ${JSON.stringify(f.properties)}`).toBeNull();
			}
			expect(basemap.features.length).toBeGreaterThan(0);
		});

		it(`stays within ${BUDGET.storyGzip / 1024} KB gzip`, () => {
			expect(gzipSize(file)).toBeLessThanOrEqual(BUDGET.storyGzip);
		});

		it('has land under every place (the story’s own, or the world’s where only wide views show it)', () => {
			const worldLand = readJson<FeatureCollection>(WORLD_FILE).features.filter((f) => f.properties?.layer === 'world-land');
			const land = [...layer('land'), ...layer('land-detail'), ...worldLand].flatMap((f) => polygonsOf(f.geometry));
			for (const p of places) {
				const [lon, lat] = p.geometry.coordinates;
				// Within 2 km: coasts are generalised. Polygons east of 180° are compared one turn on.
				const near = land.some((polygon) => [lon, lon + 360, lon - 360].some((x) => distanceInside([x, lat], polygon) > -0.02));
				expect(near, `${p.properties.id} [${lon}, ${lat}] is on no land of the basemap`).toBe(true);
			}
		});

		it('names countries with their ISO 3166-1 code and labels seas and cities by name and zoom', () => {
			const countryLabels = layer('country-labels');
			for (const f of countryLabels) if ('iso_a2' in f.properties!) expect(f.properties!.iso_a2).toMatch(/^[A-Z]{2}$/);
			expect(countryLabels.filter((f) => f.properties!.iso_a2).length / countryLabels.length).toBeGreaterThan(0.9);
			for (const f of [...countryLabels, ...layer('sea-labels'), ...layer('cities')]) {
				expect(typeof f.properties!.name).toBe('string');
				expect(f.properties!.minzoom).toBeTypeOf('number');
				expect((f.geometry as Point).type).toBe('Point');
			}
		});

		it('leaves a place the story marks to the story: no basemap town where the story has its own settlement', () => {
			const settlements = places.filter((p) => isSettlement(p.properties.drawAs));
			for (const town of layer('cities')) {
				const at = (town.geometry as Point).coordinates;
				const twin = settlements.find((p) => distance(at, p.geometry.coordinates, { units: 'kilometers' }) < 5);
				expect(twin?.properties.id, `${town.properties!.name} beside the story's own marker`).toBeUndefined();
			}
		});

		it(`gives the opening overview at most ${BUDGET.overviewLabels} label candidates on every reference screen`, () => {
			const chapters = folder.langs.map((lang) => validateEdition(folder, lang, countries).chapters);
			const overviews = storyViews(chapters).filter((v) => v.chapter === 'overview');
			expect(overviews.length).toBeGreaterThan(0);
			for (const view of overviews) expect(labelCandidates(view, basemap.features).length, view.screen).toBeLessThanOrEqual(BUDGET.overviewLabels);
		});
	});
});

describe('the world layer', () => {
	const world = readJson<FeatureCollection>(WORLD_FILE);

	it(`is up to date with the build (otherwise ${regenerate})`, () => {
		expect(readHeader<{ input: string }>(WORLD_FILE)?.input).toBe(builderHash());
	});

	it('has land, borders and lakes, with no empty geometry', () => {
		for (const [i, f] of world.features.entries()) {
			expect(['world-land', 'world-borders', 'world-lakes'], `feature ${i}`).toContain(f.properties?.layer);
			expect(geometryProblem(f.geometry), `feature ${i}`).toBeNull();
		}
		for (const name of ['world-land', 'world-borders', 'world-lakes']) expect(world.features.some((f) => f.properties?.layer === name)).toBe(true);
	});

	it(`stays within ${BUDGET.worldGzip / 1024} KB gzip`, () => {
		expect(gzipSize(WORLD_FILE)).toBeLessThanOrEqual(BUDGET.worldGzip);
	});
});
