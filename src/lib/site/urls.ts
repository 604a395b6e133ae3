/**
 * Absolute URLs for what leaves the site: embed snippets, the oEmbed document, canonical and Open Graph links. They
 * are built from the public base URL, set at build time with PUBLIC_BASE_URL (see README.md, "Embedding"). Links
 * inside the site stay relative, so a build works wherever it is served.
 */
export const DEFAULT_PUBLIC_BASE_URL = 'http://localhost:4173';

/** The base URL without a trailing slash (`https://example.org/stories`); throws on anything but an http(s) URL. */
export function normalizeBaseUrl(raw: string | undefined): string {
	const value = raw?.trim() || DEFAULT_PUBLIC_BASE_URL;
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new Error(`PUBLIC_BASE_URL is not a URL: “${value}”. Set it to where the site is published, e.g. https://example.org/story-map`);
	}
	if (!/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password)
		throw new Error(`PUBLIC_BASE_URL must be a plain http(s) URL without query, hash or credentials: “${value}”`);
	return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** `path` (starting with `/`) on the public site. */
export function publicUrl(base: string, path: string): string {
	return `${base}${path}`;
}

/** One edition of one story: the two parameters of every per-story page. */
export interface Edition {
	lang: string;
	story: string;
}

/** The scroll page of an edition: `/<lang>/<story>/`. Site paths start and end with `/`. */
export const editionPath = ({ lang, story }: Edition) => `/${lang}/${story}/`;
export const embedPath = (edition: Edition) => `${editionPath(edition)}embed/`;
export const embedBuilderPath = (edition: Edition) => `${embedPath(edition)}builder/`;
export const kioskPath = (edition: Edition) => `${editionPath(edition)}kiosk/`;
export const oembedPath = (edition: Edition) => `${editionPath(edition)}oembed.json`;
export const chapterOembedPath = (edition: Edition, chapterId: string) => `${editionPath(edition)}oembed/${chapterId}.json`;
/** The edition's places and routes for the map, fetched with the map library. */
export const mapDataPath = ({ lang, story }: Edition) => `/data/${story}/${lang}/map.json`;

/** A chapter's share address: a page whose card shows the chapter's map and title, and which opens the chapter. */
export const chapterSharePath = (edition: Edition, chapterId: string) => `${editionPath(edition)}c/${chapterId}/`;

/** Static map of a chapter, or of the opening state with `overview`: `/<lang>/<story>/map/<id>.svg` (src/lib/static-map). */
export const staticMapPath = (edition: Edition, pictureId: string) => `${editionPath(edition)}map/${pictureId}.svg`;
/** Share card (1200×630 PNG) of a chapter, and of the whole story. */
export const chapterCardPath = (edition: Edition, chapterId: string) => `${editionPath(edition)}card/${chapterId}.png`;
export const storyCardPath = (edition: Edition) => `${editionPath(edition)}card.png`;

/** The host-page scripts the embed snippets load, served by the site (they predate per-story URLs and stay put). */
export const PYM_SCRIPT_PATH = '/embed/pym.v1.min.js';
export const FRAMES_SCRIPT_PATH = '/embed/frames.umd.js';
