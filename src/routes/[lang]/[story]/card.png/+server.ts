/** The story's share card (1200×630 PNG): the opening overview map with the title and summary (src/lib/static-map). */
import { editions } from '$lib/story/load.server';
import { cardPng, OVERVIEW_ID } from '$lib/static-map/pictures.server';
import type { RequestHandler } from './$types';

export const prerender = true;

export const entries = editions;

export const GET: RequestHandler = ({ params }) =>
	new Response(new Uint8Array(cardPng(params.story, params.lang, OVERVIEW_ID)), { headers: { 'content-type': 'image/png' } });
