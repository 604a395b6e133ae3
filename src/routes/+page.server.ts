import { editions, loadStory } from '$lib/story/load.server';

/** The index: every listed story with its editions. */
export function load() {
	const byStory = new Map<string, { id: string; editions: { lang: string; title: string; summary: string; published: string }[] }>();
	for (const { story: id, lang } of editions()) {
		const story = loadStory(id, lang);
		if (!story.listed) continue;
		const entry = byStory.get(id) ?? byStory.set(id, { id, editions: [] }).get(id)!;
		entry.editions.push({ lang, title: story.title, summary: story.summary, published: story.published });
	}
	return { stories: [...byStory.values()] };
}
