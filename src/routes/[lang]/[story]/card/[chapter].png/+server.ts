/** A chapter's share card (1200×630 PNG): its static map with its title, prerendered (src/lib/static-map). */
import { loadStory, editions } from '$lib/story/load.server';
import { cardPng } from '$lib/static-map/pictures.server';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () =>
	editions().flatMap(({ story, lang }) => loadStory(story, lang).chapters.map((chapter) => ({ story, lang, chapter: chapter.id })));

export const GET: RequestHandler = ({ params }) =>
	new Response(new Uint8Array(cardPng(params.story, params.lang, params.chapter)), { headers: { 'content-type': 'image/png' } });
