import type { Chapter, MapState } from '$lib/story/types';
import { unionBounds, type Bounds } from './framing';

/** The map before the first chapter: every chapter's framing (or explicit camera's centre) at once, the short way
 * round the globe, nothing emphasised. */
export function overviewState(chapters: Chapter[]): MapState {
	const boxes = chapters.flatMap(({ map }): Bounds[] => {
		if (map.bounds) return [map.bounds];
		if (map.camera) return [[map.camera.center[0], map.camera.center[1], map.camera.center[0], map.camera.center[1]]];
		return [];
	});
	return { places: [], routes: [], frame: [], bounds: unionBounds(boxes) };
}
