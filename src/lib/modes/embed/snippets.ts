/**
 * The HTML a newsroom pastes into an article to embed the story: with the pym.js parent, with the @newswire/frames
 * parent, or as a plain iframe. Both parent scripts are served by the site itself (/embed/pym.v1.min.js and
 * /embed/frames.umd.js, the npm builds), so the host page loads nothing from a third party.
 */
import { editionPath, embedPath, FRAMES_SCRIPT_PATH, publicUrl, PYM_SCRIPT_PATH, type Edition } from '$lib/site/urls';

export type SnippetKind = 'pym' | 'frames' | 'iframe';

export interface SnippetOptions {
	/** Public base URL (normalizeBaseUrl). */
	base: string;
	edition: Edition;
	/** The selection's query string (selectionQuery), '' for the whole story. */
	query: string;
	/** Accessible name of the iframe. */
	title: string;
	/** Height of the plain iframe, which nothing resizes: enough for its tallest chapter (plainIframeHeight). */
	iframeHeight: number;
}

export function embedSrc(base: string, edition: Edition, query: string): string {
	return publicUrl(base, embedPath(edition) + query);
}

export function snippet(kind: SnippetKind, { base, edition, query, title, iframeHeight }: SnippetOptions): string {
	const src = escapeHtml(embedSrc(base, edition, query));
	const name = escapeHtml(title);
	switch (kind) {
		case 'pym':
			// pym.js initialises every [data-pym-src] when its script loads; the link is shown until it does.
			return [
				`<div data-pym-src="${src}" data-pym-title="${name}"><a href="${escapeHtml(publicUrl(base, editionPath(edition)))}">${name}</a></div>`,
				`<script src="${escapeHtml(publicUrl(base, PYM_SCRIPT_PATH))}"></script>`
			].join('\n');
		case 'frames':
			return [
				`<div data-frame-src="${src}" data-frame-attribute-title="${name}"></div>`,
				`<script src="${escapeHtml(publicUrl(base, FRAMES_SCRIPT_PATH))}"></script>`,
				`<script>newswireFrames.autoInitFrames();</script>`
			].join('\n');
		case 'iframe':
			return `<iframe src="${src}" title="${name}" width="100%" height="${iframeHeight}" style="border:0;display:block" loading="lazy"></iframe>`;
	}
}

/** Text made safe for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
