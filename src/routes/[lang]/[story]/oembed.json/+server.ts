/** The story's oEmbed document, prerendered to build/oembed.json (src/lib/modes/embed/oembed.ts). */
import { json } from '@sveltejs/kit';
import { oembedFor } from '$lib/modes/embed/oembed';
import { publicBaseUrl } from '$lib/site/base-url.server';
import { editions, loadStory } from '$lib/story/load.server';
import type { RequestHandler } from './$types';

export const prerender = true;

export const entries = editions;

export const GET: RequestHandler = ({ params }) => json(oembedFor(loadStory(params.story, params.lang), publicBaseUrl()));
