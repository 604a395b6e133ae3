/**
 * A story's routes.geojson from its places.geojson and route-defs.json (see docs/story-format.md).
 *
 * Each route becomes one LineString through its places, in order: every leg is a great-circle arc of 64 points;
 * road legs and legs under 50 km are straight segments. The line is continuous: a leg that crosses the 180°
 * meridian carries on past ±180° (Fiji 177° → Hawaii 202°, not −158°), which MapLibre draws as one line. The
 * first coordinate is exactly the first place's; every later place is on the line exactly, give or take whole
 * turns of 360°. No coordinate is typed by hand.
 */
import { geoInterpolate } from 'd3-geo';
import { distance } from '@turf/distance';
import type { Feature, FeatureCollection, LineString, Position } from 'geojson';
import { ROUTE_KINDS } from '$lib/story/vocabulary.js';

/** Points per great-circle leg. */
const POINTS_PER_LEG = 64;
/** Legs shorter than this (km) are drawn straight, whatever their mode. */
const STRAIGHT_BELOW_KM = 50;

/** Intermediate arc points are rounded to 5 decimals (≈ 1 m). */
const round5 = (v: number) => Math.round(v * 1e5) / 1e5;
/** A place's longitude moved by whole turns keeps its own digits (−157.92 + 360 is 202.08, not 202.07999999999998). */
const round9 = (v: number) => Math.round(v * 1e9) / 1e9;

export interface RouteDef {
	id: string;
	name: Record<string, string>;
	mode: string;
	via: string[];
	sources: string[];
}

/**
 * The line through `stops` ([lon, lat] each, longitudes within ±180), leg by leg, with longitudes unwrapped so
 * that no step between two vertices is longer than 180°.
 */
export function routeLine(stops: Position[], straight: boolean): Position[] {
	const line: Position[] = [[stops[0][0], stops[0][1]]];
	for (let leg = 0; leg < stops.length - 1; leg++) {
		const [a, b] = [stops[leg], stops[leg + 1]];
		const previous = line[line.length - 1];
		if (straight || distance(a, b, { units: 'kilometers' }) < STRAIGHT_BELOW_KM) {
			line.push(continuing([b[0], b[1]], previous[0], true));
			continue;
		}
		const along = geoInterpolate([a[0], a[1]], [b[0], b[1]]);
		for (let i = 1; i < POINTS_PER_LEG - 1; i++) {
			const [lon, lat] = along(i / (POINTS_PER_LEG - 1));
			line.push(continuing([round5(lon), round5(lat)], line[line.length - 1][0], false));
		}
		line.push(continuing([b[0], b[1]], line[line.length - 1][0], true));
	}
	return line;
}

/** The point moved by whole turns of the globe to lie within 180° of `previousLon`. */
function continuing([lon, lat]: Position, previousLon: number, exact: boolean): Position {
	const turns = Math.round((previousLon - lon) / 360);
	if (turns === 0) return [lon, lat];
	const moved = lon + turns * 360;
	return [exact ? round9(moved) : round5(moved), lat];
}

/** Routes for a story, or the problems (each `file: message`) that stop them being built. */
export function buildRoutes(
	places: { file: string; data: unknown },
	defs: { file: string; data: unknown }
): { routes: FeatureCollection<LineString>; errors: string[] } {
	const errors: string[] = [];
	const fail = (file: string, message: string) => errors.push(`${file}: ${message}`);
	const coordinates = new Map<string, Position>();

	const collection = places.data as { type?: string; features?: unknown[] } | null;
	if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
		fail(places.file, 'expected a GeoJSON FeatureCollection');
	} else {
		collection.features.forEach((f, i) => {
			const feature = f as Feature | null;
			const id = feature?.properties?.id;
			const where = id ? `place \`${id}\`` : `feature ${i + 1}`;
			if (typeof id !== 'string' || !id) return fail(places.file, `${where} has no properties.id`);
			if (coordinates.has(id)) return fail(places.file, `place id \`${id}\` is used twice`);
			const c = feature?.geometry?.type === 'Point' ? feature.geometry.coordinates : null;
			if (!Array.isArray(c) || c.length < 2 || !c.every(Number.isFinite))
				return fail(places.file, `${where} needs a Point geometry with [longitude, latitude]`);
			const [lon, lat] = c;
			if (lon < -180 || lon > 180 || lat < -90 || lat > 90)
				return fail(places.file, `${where} has coordinates [${lon}, ${lat}] out of range ([longitude, latitude])`);
			coordinates.set(id, [lon, lat]);
		});
	}

	if (!Array.isArray(defs.data)) fail(defs.file, 'expected an array of route definitions');
	const seen = new Set<string>();
	const features: Feature<LineString>[] = [];
	for (const [i, value] of (Array.isArray(defs.data) ? defs.data : []).entries()) {
		const def = value as Partial<RouteDef> | null;
		const id = def?.id;
		const where = typeof id === 'string' && id ? `route \`${id}\`` : `route ${i + 1}`;
		if (!def || typeof id !== 'string' || !id) {
			fail(defs.file, `${where} has no id`);
			continue;
		}
		if (seen.has(id)) fail(defs.file, `route id \`${id}\` is used twice`);
		seen.add(id);
		if (typeof def.name?.en !== 'string' || !def.name.en) fail(defs.file, `${where} needs name.en`);
		if (!(ROUTE_KINDS as readonly string[]).includes(def.mode ?? '')) fail(defs.file, `${where}: unknown mode \`${def.mode}\` (one of ${ROUTE_KINDS.join(', ')})`);
		if (!Array.isArray(def.sources) || def.sources.length === 0) fail(defs.file, `${where} needs at least one source`);
		if (!Array.isArray(def.via) || def.via.length < 2) {
			fail(defs.file, `${where}: via needs at least two place ids`);
			continue;
		}
		const unknown = def.via.filter((p) => !coordinates.has(p));
		for (const p of unknown) fail(defs.file, `${where}: unknown place \`${p}\` in via (places are defined in ${places.file})`);
		if (unknown.length) continue;
		const stops = def.via.map((p) => coordinates.get(p)!);
		const zeroLeg = stops.findIndex((a, leg) => leg < stops.length - 1 && a[0] === stops[leg + 1][0] && a[1] === stops[leg + 1][1]);
		if (zeroLeg >= 0) {
			fail(defs.file, `${where}: leg ${def.via[zeroLeg]} → ${def.via[zeroLeg + 1]} has zero length`);
			continue;
		}
		features.push({
			type: 'Feature',
			properties: { id, name: def.name, mode: def.mode, via: def.via, sources: def.sources },
			geometry: { type: 'LineString', coordinates: routeLine(stops, def.mode === 'road') }
		});
	}
	return { routes: { type: 'FeatureCollection', features }, errors };
}
