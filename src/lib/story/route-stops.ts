/** Whether a generated route line still passes through its places (a place moved since `npm run geo`). */
import type { Position } from 'geojson';
import type { PlaceFeature } from './types';

/** The first via place the line does not pass through in order (within about 500 m of a vertex). */
export function firstMissedStop(line: Position[], via: string[], places: Map<string, PlaceFeature>): string | undefined {
	let vertex = 0;
	for (const id of via) {
		const [lon, lat] = places.get(id)!.geometry.coordinates;
		while (vertex < line.length && !(Math.abs(line[vertex][0] - lon) < 0.005 && Math.abs(line[vertex][1] - lat) < 0.005)) vertex++;
		if (vertex === line.length) return id;
	}
	return undefined;
}
