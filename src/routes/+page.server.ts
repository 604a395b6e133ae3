import { editions, loadStory } from '$lib/story/load.server';

/** The index: every listed story with its editions. */
export function load() {
	type Edition = { lang: string; title: string; summary: string; published: string; ui?: Record<string, string> };
	const byStory = new Map<string, { id: string; editions: Edition[] }>();
	for (const { story: id, lang } of editions()) {
		const story = loadStory(id, lang);
		if (!story.listed) continue;
		const entry = byStory.get(id) ?? byStory.set(id, { id, editions: [] }).get(id)!;
		entry.editions.push({ lang, title: story.title, summary: story.summary, published: story.published, ...(story.ui && { ui: story.ui }) });
	}
	return { stories: [...byStory.values()] };
}
