/**
 * The kiosk's QR codes, drawn at build time as inline SVG (no QR service, nothing to load).
 *
 * One code per chapter, opening that chapter on the full story page (`<public base URL>/#<chapter-id>`), where every
 * source is a link; the kiosk lists the sources beside it as text. One code rather than one per source: a chapter
 * cites up to six sources, and six codes side by side are too small to scan from a step away and leave the visitor
 * guessing which is which; the story page also gives the chapter's context on the phone.
 *
 * The public base URL is PUBLIC_BASE_URL at build time (README.md). A build for localhost (the default) has no
 * address a phone can open, so there each code opens the chapter's first source instead.
 */
import QRCode from 'qrcode';
import type { Chapter } from '$lib/story/types';

export interface ChapterQr {
	/** What the code opens. */
	url: string;
	/** What the visitor is told it opens. */
	caption: string;
	/** Inline SVG markup, square, scaling to its box. */
	svg: string;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function qrTarget(chapter: Pick<Chapter, 'id' | 'sources'>, publicBaseUrl: string): { url: string; caption: string } {
	const base = new URL(publicBaseUrl.endsWith('/') ? publicBaseUrl : `${publicBaseUrl}/`);
	if (!LOOPBACK.has(base.hostname))
		return { url: new URL(`#${chapter.id}`, base).href, caption: 'Scan to read this chapter and its sources on your phone' };
	return { url: chapter.sources[0].url, caption: 'Scan to open the first source on your phone' };
}

export async function chapterQr(chapter: Pick<Chapter, 'id' | 'sources'>, publicBaseUrl: string): Promise<ChapterQr> {
	const target = qrTarget(chapter, publicBaseUrl);
	const svg = await QRCode.toString(target.url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
	return { ...target, svg };
}
