/**
 * The embed's own messages with its host page (documented in README.md, "Embedding").
 *
 * Out: whenever the chapter on show changes (and once it is first shown), the embed posts to its parent window
 *   { type: 'story-map:chapter', story: '<story id>', id: '<chapter id>', index: <0-based position>, total: <count> }
 * where index and total count the chapters this embed shows (the whole story, or the `?steps=` sequence).
 *
 * In: the host may post { type: 'story-map:go', id: '<chapter id>' } to the iframe's window to show that chapter. The
 * message must have exactly these two keys and name a chapter this embed shows; anything else is ignored.
 */
import { hasExactKeys } from './protocol';

export const CHAPTER_EVENT = 'story-map:chapter';
export const GO_COMMAND = 'story-map:go';

export interface ChapterEvent {
	type: typeof CHAPTER_EVENT;
	story: string;
	id: string;
	index: number;
	total: number;
}

export function chapterEvent(story: string, shownIds: readonly string[], index: number): ChapterEvent {
	return { type: CHAPTER_EVENT, story, id: shownIds[index], index, total: shownIds.length };
}

/** The chapter id a valid `story-map:go` command names, if it is one of `shownIds`; otherwise undefined. */
export function parseGoCommand(data: unknown, shownIds: readonly string[]): string | undefined {
	if (!hasExactKeys(data, ['type', 'id']) || data.type !== GO_COMMAND || typeof data.id !== 'string') return undefined;
	return shownIds.includes(data.id) ? data.id : undefined;
}
