/** A page's `@font-face` rules as a stylesheet of the site's own (src/lib/fonts/page-fonts.server.ts). */
import { error } from '@sveltejs/kit';
import { allFontSheets, fontSheetCss } from '$lib/fonts/page-fonts.server';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => allFontSheets().map((sheet) => ({ sheet }));

export const GET: RequestHandler = ({ params }) => {
	const css = fontSheetCss(params.sheet);
	if (css === undefined) error(404, `No font stylesheet ${params.sheet}.css`);
	return new Response(css, { headers: { 'content-type': 'text/css; charset=utf-8' } });
};
