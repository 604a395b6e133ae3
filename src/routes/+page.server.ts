import { loadStory } from '$lib/story/load.server';

export function load() {
	// Places and routes reach the map as a file of their own (/data/<lang>/map.json), not in the page's first bytes.
	const { places: _places, routes: _routes, ...story } = loadStory('en');
	return { story };
}
