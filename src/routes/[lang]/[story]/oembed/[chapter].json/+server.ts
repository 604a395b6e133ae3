/** One chapter's oEmbed document (src/lib/modes/embed/oembed.ts). */
import { json } from '@sveltejs/kit';
import { oembedFor } from '$lib/modes/embed/oembed';
import { publicBaseUrl } from '$lib/site/base-url.server';
import { editions, loadStory } from '$lib/story/load.server';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () =>
	editions().flatMap(({ story, lang }) => loadStory(story, lang).chapters.map((chapter) => ({ story, lang, chapter: chapter.id })));

export const GET: RequestHandler = ({ params }) => json(oembedFor(loadStory(params.story, params.lang), publicBaseUrl(), params.chapter));
