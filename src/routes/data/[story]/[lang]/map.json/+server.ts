/**
 * The story's places and routes for the map, as a static file per language, and where its basemap is (relative to
 * this file) with how far it has detail, and the basemap's label names in the edition's language. The map fetches it together with the map library, so the page's first
 * bytes carry only text.
 */
import { json } from '@sveltejs/kit';
import { basemapDetail } from '$lib/map/basemap.server';
import { labelNames } from '$lib/map/label-names.server';
import { editions, loadStory } from '$lib/story/load.server';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = editions;

export const GET: RequestHandler = ({ params }) => {
	const story = loadStory(params.story, params.lang);
	return json({
		places: story.places,
		routes: story.routes,
		basemap: { url: '../basemap.json', detail: basemapDetail(story.id) },
		labelNames: labelNames(story.id, story.lang)
	});
};
