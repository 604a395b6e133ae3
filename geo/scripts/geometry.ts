/**
 * Plain planar geometry in degrees, which is all a basemap build needs: rounding, cleaning, Douglas–Peucker,
 * label points, and clipping to boxes that may cross the 180° meridian.
 *
 * Longitudes: Natural Earth and world-atlas keep them within ±180 (a few rings, eastern Russia and Fiji, jump from
 * 180 to −180). Boxes here follow src/lib/geo/framing.ts: west within ±180, east may exceed 180. A ring or line is
 * first made continuous (each vertex within 180° of the previous one), then clipped once per whole turn of the
 * globe that brings it onto the box, so what is east of 180° in a box comes out with longitudes above 180.
 */
import { bboxClip } from '@turf/bbox-clip';
import type { Geometry, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { Bounds } from '$lib/geo/framing';

export type Ring = Position[];
export type PolygonRings = Ring[];

/** Coordinates are written with this many decimals (1e-4° ≈ 11 m). */
const DECIMALS = 4;

export function round(v: number, decimals = DECIMALS): number {
	const f = 10 ** decimals;
	const r = Math.round(v * f) / f;
	return Object.is(r, -0) ? 0 : r;
}

export const roundPoint = (p: Position, decimals = DECIMALS): Position => [round(p[0], decimals), round(p[1], decimals)];

/** Decimals enough for a geometry simplified to `tolerance` degrees: rounding moves a point by a quarter of it at most. */
export function decimalsFor(tolerance: number): number {
	return Math.min(DECIMALS, Math.max(1, Math.ceil(-Math.log10(tolerance / 4))));
}

/** Rounded, without repeated points. */
function dedupe(coords: Position[], decimals = DECIMALS): Position[] {
	const out: Position[] = [];
	for (const p of coords) {
		const q = roundPoint(p, decimals);
		const last = out[out.length - 1];
		if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
	}
	return out;
}

/** Signed area in square degrees (positive counter-clockwise). */
export function ringArea(ring: Ring): number {
	let a = 0;
	for (let i = 0, n = ring.length - 1; i < n; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
	return a / 2;
}

/** Area of a polygon (outer ring minus holes), square degrees. */
export function polygonArea(polygon: PolygonRings): number {
	return Math.abs(ringArea(polygon[0])) - polygon.slice(1).reduce((sum, r) => sum + Math.abs(ringArea(r)), 0);
}

/** Round, drop repeated points, close; null if the ring has collapsed or is smaller than `minArea`. */
function cleanRing(ring: Ring, minArea: number, decimals: number): Ring | null {
	const r = dedupe(ring, decimals);
	if (r.length && (r[0][0] !== r[r.length - 1][0] || r[0][1] !== r[r.length - 1][1])) r.push([...r[0]]);
	if (r.length < 4) return null;
	const a = Math.abs(ringArea(r));
	if (a === 0 || a < minArea) return null;
	return r;
}

/** Cleaned polygons, rounded to `decimals`; those whose outer ring collapses (or is under `minArea` square degrees)
 * are dropped. */
export function cleanPolygons(polygons: PolygonRings[], minArea = 0, decimals = DECIMALS): PolygonRings[] {
	const out: PolygonRings[] = [];
	for (const polygon of polygons) {
		if (!polygon.length) continue;
		const outer = cleanRing(polygon[0], minArea, decimals);
		if (!outer) continue;
		const holes = polygon.slice(1).map((r) => cleanRing(r, minArea, decimals));
		out.push([outer, ...holes.filter((h): h is Ring => h !== null)]);
	}
	return out;
}

export function polygonsOf(geometry: Geometry | null): PolygonRings[] {
	if (geometry?.type === 'Polygon') return [geometry.coordinates];
	if (geometry?.type === 'MultiPolygon') return geometry.coordinates;
	return [];
}

export function linesOf(geometry: Geometry | null): Position[][] {
	if (geometry?.type === 'LineString') return [geometry.coordinates];
	if (geometry?.type === 'MultiLineString') return geometry.coordinates;
	return [];
}

export function polygonGeometry(polygons: PolygonRings[]): Polygon | MultiPolygon | null {
	if (!polygons.length) return null;
	return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
}

export function lineGeometry(parts: Position[][]): LineString | MultiLineString | null {
	const clean = parts.map((p) => dedupe(p)).filter((p) => p.length >= 2);
	if (!clean.length) return null;
	return clean.length === 1 ? { type: 'LineString', coordinates: clean[0] } : { type: 'MultiLineString', coordinates: clean };
}

/** [west, south, east, north] of any nesting of positions, as they are (no wrapping). */
export function bboxOf(coords: unknown): Bounds {
	const b: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
	const walk = (c: unknown) => {
		const list = c as unknown[];
		if (typeof list[0] === 'number') {
			const [x, y] = list as number[];
			if (x < b[0]) b[0] = x;
			if (y < b[1]) b[1] = y;
			if (x > b[2]) b[2] = x;
			if (y > b[3]) b[3] = y;
		} else list.forEach(walk);
	};
	walk(coords);
	return b;
}

/** Douglas–Peucker; keeps both ends (so shared TopoJSON arcs stay shared, and runs of a line join up again). */
export function douglasPeucker(points: Position[], tolerance: number): Position[] {
	const n = points.length;
	if (n <= 2 || tolerance <= 0) return points.slice();
	const keep = new Uint8Array(n);
	keep[0] = keep[n - 1] = 1;
	const tol2 = tolerance * tolerance;
	const stack: [number, number][] = [[0, n - 1]];
	while (stack.length) {
		const [first, last] = stack.pop()!;
		const [ax, ay] = points[first];
		const [bx, by] = points[last];
		const dx = bx - ax;
		const dy = by - ay;
		const len2 = dx * dx + dy * dy;
		let maxD = -1;
		let index = -1;
		for (let i = first + 1; i < last; i++) {
			const [px, py] = points[i];
			const t = len2 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
			const d = (ax + t * dx - px) ** 2 + (ay + t * dy - py) ** 2;
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

/**
 * A line simplified with a tolerance that varies along it: `toleranceAt` gives each vertex's (Infinity where the
 * line is not wanted). Each segment takes the finer tolerance of its two ends; runs of equal tolerance are
 * simplified on their own (and rounded to match) and keep their ends, so they join up. Unwanted runs are cut out.
 */
export function simplifyAlong(coords: Position[], toleranceAt: (p: Position) => number): Position[][] {
	const vertexTolerance = coords.map(toleranceAt);
	const parts: Position[][] = [];
	let part: Position[] = [];
	let start = 0;
	const segmentTolerance = (i: number) => Math.min(vertexTolerance[i], vertexTolerance[i + 1]);
	for (let i = 0; i < coords.length - 1; i++) {
		const tolerance = segmentTolerance(i);
		const last = i === coords.length - 2 || segmentTolerance(i + 1) !== tolerance;
		if (!last) continue;
		if (tolerance === Infinity) {
			if (part.length) parts.push(part);
			part = [];
		} else {
			const run = douglasPeucker(coords.slice(start, i + 2), tolerance).map((p) => roundPoint(p, decimalsFor(tolerance)));
			part.push(...(part.length ? run.slice(1) : run));
		}
		start = i + 1;
	}
	if (part.length) parts.push(part);
	return parts;
}

/** Distance from a point to a polygon's nearest edge: positive inside, negative outside. */
export function distanceInside([x, y]: Position, polygon: PolygonRings): number {
	let inside = false;
	let minD2 = Infinity;
	for (const ring of polygon) {
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
export function interiorPoint(polygon: PolygonRings, precision: number): Position {
	const outer = polygon[0];
	const [minX, minY, maxX, maxY] = bboxOf(outer);
	const width = maxX - minX;
	const height = maxY - minY;
	const cellSize = Math.min(width, height);
	if (cellSize === 0) return outer[0];
	type Cell = { x: number; y: number; h: number; d: number; max: number };
	const cell = (x: number, y: number, h: number): Cell => {
		const d = distanceInside([x, y], polygon);
		return { x, y, h, d, max: d + h * Math.SQRT2 };
	};
	const queue: Cell[] = [];
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

/**
 * The ring made continuous: every vertex within 180° of longitude of the previous one. A ring round a pole (it
 * ends a whole turn from where it started) is closed along the pole's latitude.
 */
function unwrapRing(ring: Ring): Ring {
	const out: Ring = [ring[0]];
	for (let i = 1; i < ring.length; i++) {
		let lon = ring[i][0];
		const previous = out[i - 1][0];
		while (lon - previous > 180) lon -= 360;
		while (lon - previous < -180) lon += 360;
		out.push([lon, ring[i][1]]);
	}
	const [first, last] = [out[0], out[out.length - 1]];
	if (Math.abs(last[0] - first[0]) > 180) {
		const pole = out.reduce((sum, p) => sum + p[1], 0) < 0 ? -90 : 90;
		out.push([last[0], pole], [first[0], pole], first);
	}
	return out;
}

/** A polygon made continuous, its holes moved by whole turns to lie over its outer ring. */
export function unwrapPolygon(polygon: PolygonRings): PolygonRings {
	const outer = unwrapRing(polygon[0]);
	const [west, , east] = bboxOf(outer);
	const middle = (west + east) / 2;
	return [
		outer,
		...polygon.slice(1).map((hole) => {
			const ring = unwrapRing(hole);
			const [w, , e] = bboxOf(ring);
			const turns = Math.round((middle - (w + e) / 2) / 360);
			return turns ? ring.map(([x, y]) => [x + turns * 360, y]) : ring;
		})
	];
}

/** The whole turns (in degrees: …, −360, 0, 360, …) that bring longitudes west…east onto the box. */
function turnsOnto(west: number, east: number, box: Bounds): number[] {
	const turns: number[] = [];
	for (let k = Math.ceil((box[0] - east) / 360); k <= Math.floor((box[2] - west) / 360); k++) turns.push(k * 360);
	return turns;
}

const shift = (coords: Position[], by: number): Position[] => (by ? coords.map(([x, y]) => [x + by, y]) : coords);

/** The parts of a polygon inside a box, in the box's longitudes. */
export function clipPolygon(polygon: PolygonRings, box: Bounds): PolygonRings[] {
	const rings = unwrapPolygon(polygon);
	const [west, south, east, north] = bboxOf(rings[0]);
	if (south > box[3] || north < box[1]) return [];
	return turnsOnto(west, east, box).flatMap((by) => {
		const clipped = bboxClip({ type: 'Polygon', coordinates: rings.map((r) => shift(r, by)) }, box).geometry;
		return polygonsOf(clipped).filter((p) => p.length && p[0].length >= 4);
	});
}

/** True when the point (any longitude) is inside the box. */
export function boxContains(box: Bounds, [lon, lat]: Position): boolean {
	return lat >= box[1] && lat <= box[3] && (((lon - box[0]) % 360) + 360) % 360 <= box[2] - box[0];
}

/** True when two boxes overlap, going round the globe either way. */
export function boxesOverlap(a: Bounds, b: Bounds): boolean {
	if (a[1] > b[3] || a[3] < b[1]) return false;
	return turnsOnto(b[0], b[2], a).length > 0;
}

/** The box grown by `fraction` of its size on every side (at most to the whole world, latitudes within ±85.06°). */
export function expand([west, south, east, north]: Bounds, fraction: number): Bounds {
	const dx = (east - west) * fraction;
	const dy = (north - south) * fraction;
	if (east - west + 2 * dx >= 360) return [-180, Math.max(-85.06, south - dy), 180, Math.min(85.06, north + dy)];
	const w = west - dx;
	const wrapped = w < -180 ? w + 360 : w;
	return [wrapped, Math.max(-85.06, south - dy), wrapped + (east - west) + 2 * dx, Math.min(85.06, north + dy)];
}

/** TopoJSON arcs decoded to absolute coordinates and each simplified (borders shared by two countries stay shared). */
export function simplifiedTopology<T extends { arcs: number[][][]; transform?: { scale: number[]; translate: number[] } }>(
	topology: T,
	tolerance: number
): T {
	const [sx, sy] = topology.transform ? topology.transform.scale : [1, 1];
	const [tx, ty] = topology.transform ? topology.transform.translate : [0, 0];
	const arcs = topology.arcs.map((arc) => {
		let x = 0;
		let y = 0;
		const absolute = arc.map((p) => {
			if (!topology.transform) return [p[0], p[1]];
			x += p[0];
			y += p[1];
			return [x * sx + tx, y * sy + ty];
		});
		return douglasPeucker(absolute, tolerance);
	});
	return { ...topology, transform: undefined, arcs };
}
