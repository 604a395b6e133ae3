import type { Chapter, MapState } from '$lib/story/types';

/** The map before the first chapter: every chapter's framing at once, nothing emphasised. */
export function overviewState(chapters: Chapter[]): MapState {
	const boxes = chapters.flatMap((chapter) => (chapter.map.bounds ? [chapter.map.bounds] : []));
	const bounds: [number, number, number, number] = [
		Math.min(...boxes.map((b) => b[0])),
		Math.min(...boxes.map((b) => b[1])),
		Math.max(...boxes.map((b) => b[2])),
		Math.max(...boxes.map((b) => b[3]))
	];
	return { places: [], routes: [], frame: [], bounds };
}
