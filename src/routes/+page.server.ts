import { loadStory } from '$lib/story/load.server';

export function load() {
	// Only what the page renders travels with it: places and routes reach the map as a file of their own
	// (/data/<lang>/map.json), and the chapters' plain text (for reading times) stays on the server.
	const { places: _places, routes: _routes, chapters, ...story } = loadStory('en');
	return { story: { ...story, chapters: chapters.map(({ text: _text, ...chapter }) => chapter) } };
}
