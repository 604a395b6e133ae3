import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * The one inline style attribute the policy lets through: SvelteKit's own route announcer (`#svelte-announcer`, in
 * the root component Kit generates, kit/src/core/sync/write_root.js) is visually hidden by a style attribute, which
 * a strict style-src refuses (sveltejs/kit#11993, open). Read from Kit itself so the hash follows a Kit update; with
 * 'unsafe-hashes' it allows that exact attribute and no other (never an inline <style> or a script).
 */
function kitAnnouncerStyleHash() {
	const rootSource = readFileSync(fileURLToPath(new URL('src/core/sync/write_root.js', import.meta.resolve('@sveltejs/kit/package.json'))), 'utf8');
	const style = /id="svelte-announcer"[^>]*\sstyle="([^"]*)"/.exec(rootSource)?.[1];
	return style === undefined ? [] : [`sha256-${createHash('sha256').update(style).digest('base64')}`];
}

/**
 * Content-Security-Policy of every page, as a `<meta>` tag in the prerendered HTML. In hash mode SvelteKit adds the
 * sha256 of its inline start-up script to script-src and of each inlined stylesheet (inlineStyleThreshold) to
 * style-src, so nothing inline runs or styles the page unless the build wrote it. Headers a meta tag cannot carry
 * (frame-ancestors and the rest) are in static/_headers and docs/deploy.md.
 * @type {import('@sveltejs/kit').KitConfig['csp']}
 */
const csp = {
	mode: 'hash',
	directives: {
		'default-src': ['self'],
		// Only the site's own modules and the build's hashed start-up script; no 'unsafe-eval' (MapLibre needs none).
		'script-src': ['self'],
		// MapLibre's worker comes from the site; the kiosk starts it from a blob: URL whose one line imports that same
		// script (src/lib/map/blob-worker.ts), so the kiosk's service worker serves it offline. A blob worker can only
		// be made by script already running on the page, and it inherits this policy.
		'worker-src': ['self', 'blob:'],
		// The site's stylesheets and the build's inlined ones (by hash). No 'unsafe-inline': MapLibre and Svelte set
		// styles through the CSSOM (element.style), which the policy does not govern.
		'style-src': ['self'],
		// Style attributes: none but Kit's announcer (see kitAnnouncerStyleHash). Svelte's style: directives are
		// avoided in markup the server renders; set from script, styles go through the CSSOM.
		'style-src-attr': ['unsafe-hashes', ...kitAnnouncerStyleHash()],
		// MapLibre's control icons are data: SVGs in its stylesheet; it decodes images through blob: URLs.
		'img-src': ['self', 'data:', 'blob:'],
		'font-src': ['self'],
		'connect-src': ['self'],
		// The embed builder previews the embed in an iframe of the same site.
		'frame-src': ['self'],
		'object-src': ['none'],
		'base-uri': ['self'],
		'form-action': ['self']
	}
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ strict: true }),
		// Relative asset paths: the same HTML works under any host path (embeds, sub-folders).
		paths: { relative: true },
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		// The page's CSS is small: inlined, it blocks nothing before the text paints.
		inlineStyleThreshold: 8192,
		// Only the kiosk registers the service worker (src/lib/modes/kiosk/offline.ts): the scroll page and embeds stay uncached.
		// static/_headers is read by the host, not served: a kiosk caching it would fail to install its offline cache.
		serviceWorker: { register: false, files: (file) => !/(^|\/)_headers$/.test(file) },
		csp
	}
};

export default config;
