import { error } from '@sveltejs/kit';
import { editions, loadStory } from '$lib/story/load.server';
import type { EntryGenerator, PageServerLoad } from './$types';

/** Every chapter of every story and edition has a share address, prerendered. */
export const entries: EntryGenerator = () =>
	editions().flatMap(({ story, lang }) => loadStory(story, lang).chapters.map((chapter) => ({ story, lang, chapter: chapter.id })));

/** What the chapter's card says: its title, the story's, and the start of its text. */
export const load: PageServerLoad = ({ params }) => {
	const story = loadStory(params.story, params.lang);
	const chapter = story.chapters.find((c) => c.id === params.chapter);
	if (!chapter) error(404, `No chapter \`${params.chapter}\` in ${story.id} (${story.lang}).`);
	return {
		story: { id: story.id, lang: story.lang, title: story.title, ...(story.ui && { ui: story.ui }) },
		chapter: { id: chapter.id, title: chapter.title, summary: excerpt(chapter.text) }
	};
};

/** The text's first sentences, up to about 200 characters, cut at a word. */
function excerpt(text: string, max = 200): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= max) return flat;
	const cut = flat.slice(0, max);
	return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}
