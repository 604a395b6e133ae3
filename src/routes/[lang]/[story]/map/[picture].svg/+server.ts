/** The static map of one chapter, or of the opening overview (`overview.svg`), prerendered (src/lib/static-map). */
import { editions } from '$lib/story/load.server';
import { pictureIds, staticMapSvg } from '$lib/static-map/pictures.server';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () =>
	editions().flatMap(({ story, lang }) => pictureIds(story, lang).map((picture) => ({ story, lang, picture })));

export const GET: RequestHandler = ({ params }) =>
	new Response(staticMapSvg(params.story, params.lang, params.picture), { headers: { 'content-type': 'image/svg+xml' } });
