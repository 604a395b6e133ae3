import type { Handle } from '@sveltejs/kit';

/** `<html lang>` is the edition's language on per-edition pages (`/<lang>/<story>/…`); the site's own pages are English. */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, { transformPageChunk: ({ html }) => html.replace('%story.lang%', event.params.lang ?? 'en') });
