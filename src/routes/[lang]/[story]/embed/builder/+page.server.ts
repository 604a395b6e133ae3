import { editions, loadStory } from '$lib/story/load.server';
import { narrowHeights } from '$lib/modes/embed/height';
import type { PageServerLoad } from './$types';

/** Every story and edition, prerendered. */
export const entries = editions;


export const load: PageServerLoad = ({ params }) => {
	const story = loadStory(params.story, params.lang);
	return {
		story: { id: story.id, lang: story.lang, ...(story.ui && { ui: story.ui }), title: story.title, summary: story.summary, chapters: story.chapters.map((chapter) => ({ id: chapter.id, title: chapter.title, heights: narrowHeights(chapter) })) }
	};
};
