/**
 * The kiosk's QR codes, drawn at build time as inline SVG (no QR service, nothing to load).
 *
 * One code per chapter, opening that chapter on the edition's scroll page (`<base>/<lang>/<story>/#<chapter-id>`), where every
 * source is a link; the kiosk lists the sources beside it as text. One code rather than one per source: a chapter
 * cites up to six sources, and six codes side by side are too small to scan from a step away and leave the visitor
 * guessing which is which; the story page also gives the chapter's context on the phone.
 *
 * The public base URL is PUBLIC_BASE_URL at build time (README.md). A build for localhost (the default) has no
 * address a phone can open, so there each code opens the chapter's first source instead.
 */
import QRCode from 'qrcode';
import type { Chapter } from '$lib/story/types';
import { editionPath, publicUrl, type Edition } from '$lib/site/urls';
import type { UiText } from '$lib/ui-text';

export interface ChapterQr {
	/** What the code opens. */
	url: string;
	/** What the visitor is told it opens. */
	caption: string;
	/** Inline SVG markup, square, scaling to its box. */
	svg: string;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface QrOptions {
	/** The public base URL (normalizeBaseUrl). */
	base: string;
	edition: Edition;
	/** The edition's interface words (the caption). */
	text: Pick<UiText, 'qrChapter' | 'qrFirstSource'>;
}

export function qrTarget(chapter: Pick<Chapter, 'id' | 'sources'>, { base, edition, text }: QrOptions): { url: string; caption: string } {
	if (!LOOPBACK.has(new URL(base).hostname))
		return { url: `${publicUrl(base, editionPath(edition))}#${chapter.id}`, caption: text.qrChapter };
	return { url: chapter.sources[0].url, caption: text.qrFirstSource };
}

export async function chapterQr(chapter: Pick<Chapter, 'id' | 'sources'>, options: QrOptions): Promise<ChapterQr> {
	const target = qrTarget(chapter, options);
	const svg = await QRCode.toString(target.url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
	return { ...target, svg };
}
