import { loadStory } from '$lib/story/load.server';

export function load() {
	return { story: loadStory('en') };
}
