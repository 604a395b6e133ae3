import { editions, loadStory } from '$lib/story/load.server';
import type { PageServerLoad } from './$types';

/** Every story and edition, prerendered. */
export const entries = editions;


export const load: PageServerLoad = ({ params }) => {
	// Places and routes reach the map as a file of their own (/data/<lang>/map.json), not in the page's first bytes.
	const { places: _places, routes: _routes, ...story } = loadStory(params.story, params.lang);
	return { story };
};
