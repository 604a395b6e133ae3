/**
 * GeoJSON geometry to compact SVG path data for one view: projected to pixels, simplified to what a pixel can show,
 * clipped to the drawn area and written with tenth-of-a-pixel relative coordinates (small and byte-for-byte stable).
 */
import type { Geometry, Position } from 'geojson';

export type Point = [number, number];
export type Project = (lng: number, lat: number) => Point;
export type Rect = [x0: number, y0: number, x1: number, y1: number];

/** Largest distance (px) a simplified line may stray from the original. */
const TOLERANCE = 0.35;

/** Polygon rings or line parts of a geometry, projected; points are not paths. */
export function projectGeometry(geometry: Geometry, project: Project): { rings: Point[][][]; lines: Point[][] } {
	const line = (positions: Position[]) => positions.map(([lng, lat]) => project(lng, lat));
	switch (geometry.type) {
		case 'Polygon':
			return { rings: [geometry.coordinates.map(line)], lines: [] };
		case 'MultiPolygon':
			return { rings: geometry.coordinates.map((polygon) => polygon.map(line)), lines: [] };
		case 'LineString':
			return { rings: [], lines: [line(geometry.coordinates)] };
		case 'MultiLineString':
			return { rings: [], lines: geometry.coordinates.map(line) };
		case 'GeometryCollection': {
			const parts = geometry.geometries.map((g) => projectGeometry(g, project));
			return { rings: parts.flatMap((p) => p.rings), lines: parts.flatMap((p) => p.lines) };
		}
		default:
			return { rings: [], lines: [] };
	}
}

/** Path data for polygons (each ring closed; draw with fill-rule evenodd), or '' when nothing is in `rect`. */
export function polygonPath(polygons: Point[][][], rect: Rect): string {
	let d = '';
	for (const polygon of polygons) {
		for (const ring of polygon) {
			if (!touches(bounds(ring), rect)) continue;
			const clipped = clipRing(simplify(ring, TOLERANCE), rect);
			if (clipped.length >= 3 && Math.abs(area(clipped)) >= 0.5) d += pathData(clipped, true);
		}
	}
	return d;
}

/** Path data for lines, cut where they leave `rect`. */
export function linePath(lines: Point[][], rect: Rect): string {
	let d = '';
	for (const line of lines) {
		if (!touches(bounds(line), rect)) continue;
		for (const part of clipLine(simplify(line, TOLERANCE), rect)) if (part.length >= 2) d += pathData(part, false);
	}
	return d;
}

function bounds(points: Point[]): Rect {
	let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const [x, y] of points) {
		if (x < x0) x0 = x;
		if (y < y0) y0 = y;
		if (x > x1) x1 = x;
		if (y > y1) y1 = y;
	}
	return [x0, y0, x1, y1];
}

const touches = (a: Rect, b: Rect) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

function area(ring: Point[]): number {
	let sum = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
	return sum / 2;
}

/** Ramer–Douglas–Peucker, iterative. */
export function simplify(points: Point[], tolerance: number): Point[] {
	if (points.length <= 2) return points;
	const keep = new Uint8Array(points.length);
	keep[0] = keep[points.length - 1] = 1;
	const stack: [number, number][] = [[0, points.length - 1]];
	const squared = tolerance * tolerance;
	while (stack.length) {
		const [first, last] = stack.pop()!;
		let farthest = -1;
		let max = squared;
		for (let i = first + 1; i < last; i++) {
			const distance = segmentDistanceSquared(points[i], points[first], points[last]);
			if (distance > max) [farthest, max] = [i, distance];
		}
		if (farthest >= 0) {
			keep[farthest] = 1;
			stack.push([first, farthest], [farthest, last]);
		}
	}
	return points.filter((_, i) => keep[i]);
}

function segmentDistanceSquared([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
	let [dx, dy] = [bx - ax, by - ay];
	let [x, y] = [ax, ay];
	if (dx !== 0 || dy !== 0) {
		const t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy);
		if (t > 1) [x, y] = [bx, by];
		else if (t > 0) [x, y] = [ax + dx * t, ay + dy * t];
	}
	[dx, dy] = [px - x, py - y];
	return dx * dx + dy * dy;
}

/** Sutherland–Hodgman against each edge of the rectangle; a ring leaving and re-entering runs along the edge. */
function clipRing(ring: Point[], [x0, y0, x1, y1]: Rect): Point[] {
	const edges: [(p: Point) => boolean, (a: Point, b: Point) => Point][] = [
		[(p) => p[0] >= x0, (a, b) => atX(a, b, x0)],
		[(p) => p[0] <= x1, (a, b) => atX(a, b, x1)],
		[(p) => p[1] >= y0, (a, b) => atY(a, b, y0)],
		[(p) => p[1] <= y1, (a, b) => atY(a, b, y1)]
	];
	let output = ring;
	for (const [inside, cross] of edges) {
		const input = output;
		output = [];
		for (let i = 0; i < input.length; i++) {
			const current = input[i];
			const previous = input[(i + input.length - 1) % input.length];
			if (inside(current)) {
				if (!inside(previous)) output.push(cross(previous, current));
				output.push(current);
			} else if (inside(previous)) output.push(cross(previous, current));
		}
		if (output.length === 0) break;
	}
	return output;
}

/** Cuts a line into the parts inside the rectangle (Liang–Barsky per segment). */
function clipLine(line: Point[], rect: Rect): Point[][] {
	const parts: Point[][] = [];
	let current: Point[] = [];
	for (let i = 1; i < line.length; i++) {
		const segment = clipSegment(line[i - 1], line[i], rect);
		if (!segment) {
			if (current.length) parts.push(current);
			current = [];
			continue;
		}
		const [a, b] = segment;
		if (current.length === 0) current.push(a);
		else if (a !== line[i - 1]) {
			parts.push(current);
			current = [a];
		}
		current.push(b);
		if (b !== line[i]) {
			parts.push(current);
			current = [];
		}
	}
	if (current.length) parts.push(current);
	return parts;
}

function clipSegment(a: Point, b: Point, [x0, y0, x1, y1]: Rect): [Point, Point] | undefined {
	const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
	let [t0, t1] = [0, 1];
	for (const [p, q] of [
		[-dx, a[0] - x0],
		[dx, x1 - a[0]],
		[-dy, a[1] - y0],
		[dy, y1 - a[1]]
	]) {
		if (p === 0) {
			if (q < 0) return undefined;
			continue;
		}
		const t = q / p;
		if (p < 0) {
			if (t > t1) return undefined;
			if (t > t0) t0 = t;
		} else {
			if (t < t0) return undefined;
			if (t < t1) t1 = t;
		}
	}
	const at = (t: number): Point => [a[0] + dx * t, a[1] + dy * t];
	return [t0 === 0 ? a : at(t0), t1 === 1 ? b : at(t1)];
}

const atX = (a: Point, b: Point, x: number): Point => [x, a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0])];
const atY = (a: Point, b: Point, y: number): Point => [a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]), y];

/** `M x y l dx dy …` in tenths of a pixel, repeated points dropped. */
function pathData(points: Point[], closed: boolean): string {
	let d = '';
	let [px, py] = [0, 0];
	let count = 0;
	for (const [x, y] of points) {
		const [tx, ty] = [Math.round(x * 10), Math.round(y * 10)];
		if (count > 0 && tx === px && ty === py) continue;
		d += count === 0 ? `M${tenths(tx)}${signed(ty)}` : count === 1 ? `l${tenths(tx - px)}${signed(ty - py)}` : `${signed(tx - px)}${signed(ty - py)}`;
		[px, py] = [tx, ty];
		count++;
	}
	if (count < 2) return '';
	return closed ? `${d}z` : d;
}

/** A number of tenths written as a decimal: 15 → "1.5", -3 → "-.3", 20 → "2". */
export function tenths(value: number): string {
	const sign = value < 0 ? '-' : '';
	const abs = Math.abs(value);
	const whole = Math.floor(abs / 10);
	const tenth = abs % 10;
	return `${sign}${whole === 0 && tenth !== 0 ? '' : whole}${tenth ? `.${tenth}` : ''}`;
}

/** A number following another in path data: a space unless its own sign separates it. */
function signed(value: number): string {
	const text = tenths(value);
	return text.startsWith('-') ? text : ` ${text}`;
}
