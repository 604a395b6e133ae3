/**
 * The font files the site's pages use (src/lib/fonts/page-fonts.server.ts), copied from their `@fontsource` package
 * at build time: exactly the subsets some page's text needs.
 */
import { error } from '@sveltejs/kit';
import { FONT_FILES, fontFileBytes } from '$lib/fonts/faces.server';
import { allFontFiles } from '$lib/fonts/page-fonts.server';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => allFontFiles().map((file) => ({ file: file.replace(/\.woff2$/, '') }));

export const GET: RequestHandler = ({ params }) => {
	const file = `${params.file}.woff2`;
	if (!FONT_FILES.some((face) => face.file === file)) error(404, `No font file ${file}`);
	return new Response(fontFileBytes(file) as BodyInit, {
		headers: { 'content-type': 'font/woff2', 'cache-control': 'public, max-age=31536000, immutable' }
	});
};
