/** Whether a generated route line still passes through its places (a place moved since `npm run geo`). */
import type { Position } from 'geojson';
import type { PlaceFeature } from './types';

/** The first via place the line does not pass through in order (within about 500 m of a vertex). A line that
 * crosses the 180° meridian runs on past ±180°, so longitudes are compared modulo 360°. */
export function firstMissedStop(line: Position[], via: string[], places: Map<string, PlaceFeature>): string | undefined {
	const near = ([x, y]: Position, [lon, lat]: Position) => Math.abs((((x - lon) % 360) + 540) % 360 - 180) < 0.005 && Math.abs(y - lat) < 0.005;
	let vertex = 0;
	for (const id of via) {
		const place = places.get(id)!.geometry.coordinates;
		while (vertex < line.length && !near(line[vertex], place)) vertex++;
		if (vertex === line.length) return id;
	}
	return undefined;
}
