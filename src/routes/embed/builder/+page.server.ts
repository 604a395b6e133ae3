import { loadStory } from '$lib/story/load.server';

export function load() {
	const story = loadStory('en');
	return {
		story: { id: story.id, title: story.title, summary: story.summary, chapters: story.chapters.map(({ id, title }) => ({ id, title })) }
	};
}
