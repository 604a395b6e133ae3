/**
 * The story's places and routes for the map, as a static file per language. The map fetches it together with the
 * map library, so the page's first bytes carry only text.
 */
import { json } from '@sveltejs/kit';
import { editions, loadStory } from '$lib/story/load.server';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = editions;

export const GET: RequestHandler = ({ params }) => {
	const story = loadStory(params.story, params.lang);
	return json({ places: story.places, routes: story.routes });
};
