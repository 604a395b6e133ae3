/**
 * The story's oEmbed document (https://oembed.com, `type: "rich"`), served as a static file at /oembed.json and
 * advertised on every page with `<link rel="alternate" type="application/json+oembed">`. Its HTML is the plain iframe
 * snippet: oEmbed consumers often strip scripts, and the embed looks right at that height without one.
 */
import { PLAIN_IFRAME_HEIGHT, snippet } from './snippets';
import { publicUrl } from '$lib/site/urls';

/** Width the iframe is laid out for; the HTML itself is 100% wide. */
export const OEMBED_WIDTH = 700;

export interface OEmbedRich {
	version: '1.0';
	type: 'rich';
	title: string;
	provider_name: string;
	provider_url: string;
	html: string;
	width: number;
	height: number;
}

export function oembedFor(story: { id: string; lang: string; title: string }, base: string): OEmbedRich {
	const edition = { lang: story.lang, story: story.id };
	return {
		version: '1.0',
		type: 'rich',
		title: story.title,
		provider_name: new URL(base).host,
		provider_url: publicUrl(base, '/'),
		html: snippet('iframe', { base, edition, query: '', title: story.title }),
		width: OEMBED_WIDTH,
		height: PLAIN_IFRAME_HEIGHT
	};
}
