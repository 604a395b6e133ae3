/**
 * Which chapters an embed shows, read from its URL:
 *
 *   ?step=ID           one chapter, as a locator map with its caption
 *   ?steps=ID,ID,…     a chosen sequence, in the order given (repeats dropped)
 *   anything else      the whole story
 *
 * Values are only ever compared with the story's chapter ids, never shown. An unknown id is skipped; a parameter with
 * no known id, or one too long to be a list of ids, falls back to the whole story, without an error. When both are
 * given, a known `step` wins.
 */
export type SelectionKind = 'story' | 'chapter' | 'sequence';

export interface Selection {
	kind: SelectionKind;
	/** Chapter ids to show, in order; never empty when the story has chapters. */
	ids: string[];
}

/** Longer values are not something the embed builder writes; they are ignored whole rather than split. */
export const MAX_PARAM_LENGTH = 2000;

export function selectChapters(search: URLSearchParams, chapterIds: readonly string[]): Selection {
	const known = new Set(chapterIds);

	const step = readParam(search, 'step');
	if (step !== undefined && known.has(step)) return { kind: 'chapter', ids: [step] };

	const steps = readParam(search, 'steps');
	if (steps !== undefined) {
		const ids = [...new Set(steps.split(',').map((id) => id.trim()))].filter((id) => known.has(id));
		if (ids.length === 1) return { kind: 'chapter', ids };
		if (ids.length > 1) return { kind: 'sequence', ids };
	}

	return { kind: 'story', ids: [...chapterIds] };
}

/** The query string that selects `ids` (empty for the whole story, in order). The inverse of selectChapters. */
export function selectionQuery(ids: readonly string[], chapterIds: readonly string[]): string {
	const wholeStory = ids.length === chapterIds.length && ids.every((id, index) => id === chapterIds[index]);
	if (ids.length === 0 || wholeStory) return '';
	if (ids.length === 1) return `?step=${encodeURIComponent(ids[0])}`;
	return `?steps=${ids.map(encodeURIComponent).join(',')}`;
}

function readParam(search: URLSearchParams, name: string): string | undefined {
	const value = search.get(name)?.trim();
	return value && value.length <= MAX_PARAM_LENGTH ? value : undefined;
}
