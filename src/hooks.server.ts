import type { Handle } from '@sveltejs/kit';
import { fontHead } from '$lib/fonts/page-fonts.server';

/**
 * `<html lang>` is the edition's language on per-edition pages (`/<lang>/<story>/…`); the site's own pages are English.
 * `%fonts.head%` becomes the page's font preloads and `@font-face` rules: the subsets its text needs.
 */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) =>
			html
				.replace('%story.lang%', event.params.lang ?? 'en')
				.replace('%fonts.head%', () => fontHead({ storyId: event.params.story, lang: event.params.lang, pathname: event.url.pathname }))
	});
