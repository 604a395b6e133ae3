/**
 * The basemap's inputs, read only by the geo scripts (never at build or run time of the site): the Natural Earth
 * layers carried in geo/natural-earth/ (GeoJSON, gzip) and the npm package world-atlas (Natural Earth admin-0
 * countries and land as TopoJSON). Each is read once per run.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import * as topojson from 'topojson-client';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { ROOT } from './paths';

const NATURAL_EARTH_DIR = path.join(ROOT, 'geo', 'natural-earth');
const require = createRequire(import.meta.url);

export type NaturalEarthLayer =
	| 'ne_10m_admin_0_boundary_lines_land'
	| 'ne_10m_admin_0_label_points'
	| 'ne_10m_geography_marine_polys'
	| 'ne_10m_lakes_north_america'
	| 'ne_10m_populated_places_simple'
	| 'ne_50m_admin_1_states_provinces_lines'
	| 'ne_50m_lakes'
	| 'ne_50m_urban_areas';

const layers = new Map<string, FeatureCollection>();

export function naturalEarth<G extends Geometry = Geometry>(name: NaturalEarthLayer): Feature<G, Record<string, unknown>>[] {
	let layer = layers.get(name);
	if (!layer) {
		const file = path.join(NATURAL_EARTH_DIR, `${name}.geojson.gz`);
		if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} not found: the basemap build needs the Natural Earth layers in geo/natural-earth/ (see its README.md).`);
		layer = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8')) as FeatureCollection;
		layers.set(name, layer);
	}
	return layer.features as Feature<G, Record<string, unknown>>[];
}

type WorldAtlasFile = 'countries-10m' | 'countries-50m' | 'land-110m';
type CountryTopology = Topology<{ countries: GeometryCollection<{ name: string }>; land: GeometryCollection }>;

const topologies = new Map<string, CountryTopology>();

export function worldAtlas(name: WorldAtlasFile): CountryTopology {
	let topology = topologies.get(name);
	if (!topology) {
		topology = JSON.parse(fs.readFileSync(require.resolve(`world-atlas/${name}.json`), 'utf8')) as CountryTopology;
		topologies.set(name, topology);
	}
	return topology;
}

export type CountryFeature = Feature<Polygon | MultiPolygon, { name: string }>;

/** A topology's countries as GeoJSON (those with a geometry), as world-atlas names them (Natural Earth NAME). */
export function countryFeatures(topology: CountryTopology): CountryFeature[] {
	return topojson.feature(topology, topology.objects.countries).features.filter((f) => f.geometry) as CountryFeature[];
}

/** The files whose content decides the basemap besides a story's own: a change to any of them rebuilds every story. */
export function inputFiles(): string[] {
	const natural = fs.readdirSync(NATURAL_EARTH_DIR).filter((f) => f.endsWith('.geojson.gz')).sort().map((f) => path.join(NATURAL_EARTH_DIR, f));
	const atlas = (['countries-10m', 'countries-50m', 'land-110m'] as const).map((n) => require.resolve(`world-atlas/${n}.json`));
	return [...natural, ...atlas];
}
