/**
 * How long a chapter stays on the kiosk: the seconds the story file sets, or its reading time. Reading time counts
 * the words at a slow, standing reading speed, plus a moment for the map's flight, clamped so a short chapter is
 * not gone before it is read and a long one does not hold the screen.
 */
export const READING_WORDS_PER_MINUTE = 180;
/** Seconds added for the camera flight and a look at the map. */
export const MAP_LOOK_SECONDS = 4;
export const DWELL_CLAMP = { min: 12, max: 45 } as const;
/** The attract screen (title, "touch to begin") between two loops. */
export const ATTRACT_DWELL_SECONDS = 15;

export function wordCount(text: string): number {
	return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

export function readingDwellSeconds(text: string): number {
	const seconds = (wordCount(text) / READING_WORDS_PER_MINUTE) * 60 + MAP_LOOK_SECONDS;
	return Math.round(Math.min(DWELL_CLAMP.max, Math.max(DWELL_CLAMP.min, seconds)));
}

/** The story file's `dwell` wins (the author chose it); otherwise the title and prose's reading time. */
export function chapterDwellSeconds(chapter: { title: string; text: string; dwell?: number }): number {
	return chapter.dwell ?? readingDwellSeconds(`${chapter.title} ${chapter.text}`);
}
