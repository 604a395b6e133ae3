import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

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
		serviceWorker: { register: false }
	}
};

export default config;
