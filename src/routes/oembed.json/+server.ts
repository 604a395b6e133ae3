/** The story's oEmbed document, prerendered to build/oembed.json (src/lib/modes/embed/oembed.ts). */
import { json } from '@sveltejs/kit';
import { oembedFor } from '$lib/modes/embed/oembed';
import { publicBaseUrl } from '$lib/site.server';
import { loadStory } from '$lib/story/load.server';

export const prerender = true;

export function GET() {
	return json(oembedFor(loadStory('en'), publicBaseUrl()));
}
