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

export const EMBED_PATH = '/embed/';
export const OEMBED_PATH = '/oembed.json';
